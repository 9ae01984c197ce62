"""The case loop (DESIGN §3) as data: which action moves a case from where to where,
who may take it, and what it must carry.

One table drives the client services, the server's validation and the tests, so
the three can never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .errors import TransitionError
from .roles import STAFF, SUPERVISOR, WORKER

DRAFT = "draft"
REPORTED = "reported"
ACCEPTED = "accepted"
REJECTED = "rejected"
DISPATCHED = "dispatched"
HANDLED = "handled"
HANDLED_ON_SITE = "handled_on_site"
VERIFYING = "verifying"
CLOSED = "closed"
EVALUATED = "evaluated"

STATUSES = (DRAFT, REPORTED, ACCEPTED, REJECTED, DISPATCHED, HANDLED, HANDLED_ON_SITE,
            VERIFYING, CLOSED, EVALUATED)
OPEN = frozenset({REPORTED, ACCEPTED, DISPATCHED, HANDLED, HANDLED_ON_SITE, VERIFYING})

STATUS_LABELS = {
    DRAFT: "草稿", REPORTED: "已上报", ACCEPTED: "已立案", REJECTED: "不予立案",
    DISPATCHED: "已派遣", HANDLED: "已处置", HANDLED_ON_SITE: "现场处置", VERIFYING: "核查中",
    CLOSED: "已结案", EVALUATED: "已回访",
}

SAME = "same"  # the action leaves the status where it is
FIELD_REPORTERS = frozenset({WORKER, STAFF, SUPERVISOR})


@dataclass(frozen=True)
class Step:
    label: str
    sources: frozenset[str]
    target: str
    roles: frozenset[str]
    needs_reason: bool = False
    needs_dispatch: bool = False  # department and deadline
    needs_outcome: bool = False  # verification passed/failed
    needs_deadline: bool = False
    photo_stages: frozenset[str] = frozenset()  # stages that must have a photo
    server_side: bool = False  # only the server applies it; the device just requests


def _s(*states: str) -> frozenset[str]:
    return frozenset(states)


STEPS: dict[str, Step] = {
    "report": Step("上报", _s(DRAFT), REPORTED, FIELD_REPORTERS),
    "report_on_site": Step("现场处置", _s(DRAFT), HANDLED_ON_SITE, _s(WORKER, STAFF),
                           photo_stages=_s("before", "after")),
    "accept": Step("立案", _s(REPORTED), ACCEPTED, _s(SUPERVISOR), server_side=True),
    "reject": Step("不予立案", _s(REPORTED), REJECTED, _s(SUPERVISOR), needs_reason=True),
    "dispatch": Step("派遣", _s(ACCEPTED), DISPATCHED, _s(SUPERVISOR), needs_dispatch=True),
    "feedback": Step("处置反馈", _s(DISPATCHED), HANDLED, _s(SUPERVISOR)),
    "request_verification": Step("发起核查", _s(HANDLED, HANDLED_ON_SITE), VERIFYING,
                                 _s(SUPERVISOR)),
    "verify": Step("核查", _s(VERIFYING), SAME, _s(WORKER, STAFF), needs_outcome=True,
                   photo_stages=_s("verification")),
    "close": Step("结案", _s(VERIFYING), CLOSED, _s(SUPERVISOR), server_side=True),
    "rework": Step("返工", _s(VERIFYING), DISPATCHED, _s(SUPERVISOR), needs_reason=True),
    "evaluate": Step("回访评价", _s(CLOSED), EVALUATED, _s(SUPERVISOR, STAFF)),
    "urge": Step("催办", OPEN, SAME, _s(SUPERVISOR)),
    "escalate": Step("上报上级", OPEN, SAME, FIELD_REPORTERS, needs_reason=True),
    "request_extension": Step("申请延期", _s(DISPATCHED), SAME, _s(SUPERVISOR),
                              needs_reason=True),
    "approve_extension": Step("批准延期", _s(DISPATCHED), SAME, _s(SUPERVISOR),
                              needs_deadline=True),
    "deny_extension": Step("驳回延期", _s(DISPATCHED), SAME, _s(SUPERVISOR), needs_reason=True),
}

ROLE_LABELS = {
    "worker": "网格员", "staff": "社区工作人员", "supervisor": "监督员", "admin": "管理员",
}
VERIFY_OUTCOMES = ("passed", "failed")


@dataclass(frozen=True)
class ActionRequest:
    """What an actor asks to do to a case; checked by `plan` before anything is written."""

    kind: str
    role: str
    reason: str | None = None
    department: str | None = None
    deadline_at: datetime | None = None
    outcome: str | None = None
    photo_stages: frozenset[str] = frozenset()


def plan(status: str, req: ActionRequest, *, verified: bool = False) -> str:
    """The status the case moves to, or TransitionError saying in plain words why not.

    `verified` tells whether the latest verification of the case passed; a case
    is closed only after a passed verification.
    """
    step = STEPS.get(req.kind)
    if step is None:
        raise TransitionError(f"未知的办理动作：{req.kind}")
    if req.role not in step.roles:
        who = "、".join(ROLE_LABELS[r] for r in sorted(step.roles))
        raise TransitionError(f"“{step.label}”只能由{who}办理")
    if status not in step.sources:
        raise TransitionError(
            f"案件当前为“{STATUS_LABELS.get(status, status)}”，不能{step.label}")
    if step.needs_reason and not (req.reason or "").strip():
        raise TransitionError(f"{step.label}必须填写原因（reason）")
    if step.needs_dispatch and not (req.department and req.deadline_at):
        raise TransitionError("派遣必须指定处置部门（department）和办理时限（deadline_at）")
    if step.needs_deadline and req.deadline_at is None:
        raise TransitionError(f"{step.label}必须给出新的办理时限（deadline_at）")
    if step.needs_outcome and req.outcome not in VERIFY_OUTCOMES:
        raise TransitionError("核查必须给出结果（outcome）：通过或不通过")
    missing = step.photo_stages - req.photo_stages
    if missing:
        names = {"before": "处置前", "after": "处置后", "verification": "核查"}
        raise TransitionError(
            "缺少照片（photos）：" + "、".join(names[m] for m in sorted(missing)))
    if req.kind == "close" and not verified:
        raise TransitionError("核查通过后才能结案")
    return status if step.target == SAME else step.target


def issue_updates(kind: str, target: str, at: datetime, department: str | None = None,
                  deadline_at: datetime | None = None) -> dict[str, object]:
    """The case fields an accepted step sets beside its status; device and server share it."""
    updates: dict[str, object] = {"status": target}
    if kind == "dispatch":
        updates |= {"department": department, "deadline_at": deadline_at}
    elif kind == "approve_extension":
        updates["deadline_at"] = deadline_at
    elif kind in ("report", "report_on_site"):  # also a draft reported later
        updates["reported_at"] = at
    elif kind == "close":
        updates["closed_at"] = at
    return updates


def is_overdue(status: str, deadline_at: datetime | None, now: datetime) -> bool:
    return status in OPEN and deadline_at is not None and now > deadline_at
