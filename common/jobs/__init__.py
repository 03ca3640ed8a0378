"""One shape for every background job (imports, exports, reports and whatever comes next).

    choices.py   JobStatus and the legal moves between its states
    models.py    Job, the abstract model: status, progress, attempts, error, who asked and when
    services.py  the writes: job_move (one legal move), job_start (capped attempts),
                 job_fail, job_requeue_stale, write_atomically
    tasks.py     JobTask, the Celery base: acks late, marks the row FAILED in on_failure
    views.py     JobStatusView, the one status endpoint shape that static/js/job-progress.js polls

A job page includes templates/includes/job_progress.html and loads static/js/job-progress.js.
"""
