"""Writing the rows of an import preview the user confirmed: all of them, or none.

Every row goes through the register services (`insert_household`, `update_resident` …)
inside one transaction, so each record gets its outbox and audit entries exactly as a
hand edit would, the services check it again against the store as it is now, and the
first row that fails rolls back everything before it.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from ..db import Store
from ..errors import InspectorError, ValidationError
from ..services import register
from ..services.recording import Actor, Changes, audit
from .errors import ImportFailed
from .layout import header_of
from .register_preview import NEW, UPDATE, ImportPreview, Planned


@dataclass(frozen=True)
class ImportResult:
    """What was written, by (entity, action): {("household", "new"): 3, …}."""

    written: dict[tuple[str, str], int]

    def total(self) -> int:
        return sum(self.written.values())


def apply_import(store: Store, actor: Actor, preview: ImportPreview,
                 actions: Collection[str] = (NEW, UPDATE)) -> tuple[ImportResult, Changes]:
    """Write the planned rows whose action the user confirmed (new, update or both).

    Raises ImportFailed naming the row if any of them is refused now; then nothing,
    not even the rows before it, is written.
    """
    changes = Changes()
    written: dict[tuple[str, str], int] = {}
    new_households: dict[int, str] = {}  # household sheet row -> the id it got
    with store.write() as session, session.no_autoflush:
        # Each service flushes its own record; the outbox and audit rows it adds after
        # that go with the next record's flush instead of a flush of their own.
        for plan in preview.planned:
            if plan.action not in actions:
                continue
            try:
                if plan.entity == "household" and plan.action == NEW:
                    new_households[plan.row] = register.insert_household(
                        session, actor, changes, plan.data)
                elif plan.entity == "household":
                    register.update_household(session, actor, changes, plan.record_id,
                                              plan.data)  # type: ignore[arg-type]
                elif plan.action == NEW:
                    household_id = plan.household_id or new_households[
                        plan.household_row]  # type: ignore[index]
                    register.insert_resident(session, actor, changes, household_id, plan.data)
                else:
                    register.update_resident(session, actor, changes, plan.record_id,
                                             plan.data)  # type: ignore[arg-type]
            except InspectorError as exc:
                raise ImportFailed(_where(plan, exc)) from exc
            key = (plan.entity, plan.action)
            written[key] = written.get(key, 0) + 1
        audit(session, actor, "import", "register", preview.run_id, list(preview.columns))
    return ImportResult(written), changes


def _where(plan: Planned, exc: InspectorError) -> str:
    if isinstance(exc, ValidationError):
        error = exc.errors[0]
        what = f"“{header_of(plan.entity, error.field)}”：{error.reason}"
    else:
        what = str(exc)
    return (f"工作表“{plan.sheet}”第 {plan.row} 行{what}。导入已全部撤销，台账没有任何改动；"
            "请重新预览后再导入")
