"""Importing an LAO's local plan projects from XLSX/CSV in the shape e-Plan exports (แบบ
ผ.02 รายละเอียดโครงการพัฒนา), through the councils import engine:

    columns.py    e-Plan's headers, the budget-year columns, budget cells
    validator.py  the row checks (bound to the job's plan; projects of another LAO refused)
    writer.py     writing the chosen rows as projects with their budget lines
    template.py   the blank workbook in e-Plan's shape

``register()`` (called by PlansConfig.ready) adds the kind to the engine.
"""

KIND = "local_plan_projects"


def register() -> None:
    from django.utils.translation import gettext_lazy as _

    from councils.imports import kinds

    from .. import permissions
    from .columns import COLUMNS
    from .validator import LocalPlanRows
    from .writer import write

    def may_import(*, user, job) -> bool:
        link = getattr(job, "local_plan_import", None)
        return link is not None and permissions.can_edit_local_plan(user=user, lao=link.local_plan.lao)

    kinds.register(
        kinds.ImportKindSpec(
            key=KIND,
            label=_("โครงการในแผนพัฒนาท้องถิ่น (e-Plan)"),
            columns=COLUMNS,
            validator=LocalPlanRows.for_job,
            write=write,
            may_import=may_import,
            denied_message=permissions.can_edit_local_plan.denied_message,
        )
    )
