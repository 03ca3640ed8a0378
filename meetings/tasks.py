"""Celery entry points: take ids, call a service, nothing else."""

from celery import shared_task

from .services import obstacles


@shared_task(acks_late=True, soft_time_limit=5 * 60, time_limit=10 * 60)
def mark_overdue_obstacles() -> int:
    """Periodic (django-celery-beat, daily 08:00): mark obstacles left unanswered past
    OBSTACLE_ANSWER_DAYS and tell their district officers, once each, and put each onto
    its district's next planned mechanism meeting, once."""
    return obstacles.obstacles_mark_overdue()
