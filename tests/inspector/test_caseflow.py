"""The case loop's rules (inspector.caseflow), checked against a table written by hand.

The expected table below is transcribed from DESIGN §3 (the loop) and §1 (who
does what), not derived from caseflow.STEPS, so a wrong entry in STEPS shows up
as a disagreement here. Where DESIGN is silent the choice is noted.
"""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest

from inspector.caseflow import STATUSES, STEPS, ActionRequest, is_overdue, plan
from inspector.errors import TransitionError
from inspector.roles import ROLES

W, ST, SU = "worker", "staff", "supervisor"
OPEN_STATES = ("reported", "accepted", "dispatched", "handled", "handled_on_site", "verifying")
SAME = None  # the status stays where it is

# kind: (from states, to state or SAME, roles allowed)
EXPECTED: dict[str, tuple[tuple[str, ...], str | None, set[str]]] = {
    # draft -> reported: workers and staff report from the field; the command centre
    # (supervisor) logs hotline / public reports (sources 12345, 群众反映).
    "report": (("draft",), "reported", {W, ST, SU}),
    # simple case handled on the spot with before+after photos (§1: field roles).
    "report_on_site": (("draft",), "handled_on_site", {W, ST}),
    # 立案 / 不予立案 / 派遣 / 结案: supervisor (§1).
    "accept": (("reported",), "accepted", {SU}),
    "reject": (("reported",), "rejected", {SU}),
    "dispatch": (("accepted",), "dispatched", {SU}),
    # 处置反馈 is entered by the command centre for the handling department.
    "feedback": (("dispatched",), "handled", {SU}),
    # verifying: a task to a worker; the supervisor starts it (§1 "verify and close").
    "request_verification": (("handled", "handled_on_site"), "verifying", {SU}),
    # the worker (or the staff member who reported) verifies on site.
    "verify": (("verifying",), SAME, {W, ST}),
    "close": (("verifying",), "closed", {SU}),
    "rework": (("verifying",), "dispatched", {SU}),
    # [evaluated/回访]: a follow-up visit (staff) or the supervisor.
    "evaluate": (("closed",), "evaluated", {SU, ST}),
    # any open state: urged (supervisor), escalated (anyone in the field or office).
    "urge": (OPEN_STATES, SAME, {SU}),
    "escalate": (OPEN_STATES, SAME, {W, ST, SU}),
    # DESIGN lists 延期 under "any open state"; only a dispatched case has a handling
    # deadline to extend, so the request and its answer are limited to dispatched.
    "request_extension": (("dispatched",), SAME, {SU}),
    "approve_extension": (("dispatched",), SAME, {SU}),
    "deny_extension": (("dispatched",), SAME, {SU}),
}

DEADLINE = datetime(2030, 1, 1, tzinfo=UTC)
ALL_PHOTOS = frozenset({"before", "after", "verification", "report", "handling"})


def _full_request(kind: str, role: str) -> ActionRequest:
    """A request carrying everything any step might need, so only state and role decide."""
    return ActionRequest(kind, role, reason="原因说明", department="urban_management",
                         deadline_at=DEADLINE, outcome="passed", photo_stages=ALL_PHOTOS)


def test_the_expected_table_covers_exactly_the_defined_steps() -> None:
    assert set(EXPECTED) == set(STEPS)


@pytest.mark.parametrize(("status", "kind", "role"),
                         list(itertools.product(STATUSES, sorted(EXPECTED), ROLES)))
def test_every_transition_allowed_or_forbidden_as_designed(status: str, kind: str,
                                                           role: str) -> None:
    sources, target, roles = EXPECTED[kind]
    req = _full_request(kind, role)
    if status in sources and role in roles:
        assert plan(status, req, verified=True) == (status if target is SAME else target)
    else:
        with pytest.raises(TransitionError):
            plan(status, req, verified=True)


def test_unknown_action_is_refused() -> None:
    with pytest.raises(TransitionError, match="未知"):
        plan("reported", ActionRequest("teleport", SU))


def test_refusals_say_why_in_plain_words() -> None:
    with pytest.raises(TransitionError, match="监督员"):
        plan("reported", _full_request("accept", W))
    with pytest.raises(TransitionError, match="已结案"):
        plan("closed", _full_request("urge", SU))


@pytest.mark.parametrize(("kind", "status"), [
    ("reject", "reported"), ("rework", "verifying"), ("escalate", "dispatched"),
    ("request_extension", "dispatched"), ("deny_extension", "dispatched")])
@pytest.mark.parametrize("reason", [None, "", "   "])
def test_reason_required(kind: str, status: str, reason: str | None) -> None:
    with pytest.raises(TransitionError, match="原因"):
        plan(status, ActionRequest(kind, SU, reason=reason))
    assert plan(status, ActionRequest(kind, SU, reason="群众已撤回")) is not None


@pytest.mark.parametrize(("department", "deadline"), [
    (None, None), ("urban_management", None), (None, DEADLINE), ("", DEADLINE)])
def test_dispatch_needs_department_and_deadline(department, deadline) -> None:
    with pytest.raises(TransitionError, match="派遣"):
        plan("accepted", ActionRequest("dispatch", SU, department=department,
                                       deadline_at=deadline))
    assert plan("accepted", ActionRequest("dispatch", SU, department="urban_management",
                                          deadline_at=DEADLINE)) == "dispatched"


def test_approved_extension_needs_a_new_deadline() -> None:
    with pytest.raises(TransitionError, match="时限"):
        plan("dispatched", ActionRequest("approve_extension", SU))


@pytest.mark.parametrize("stages", [frozenset(), frozenset({"before"}),
                                    frozenset({"after"}), frozenset({"report"})])
def test_on_site_handling_needs_before_and_after_photos(stages) -> None:
    with pytest.raises(TransitionError, match="照片"):
        plan("draft", ActionRequest("report_on_site", W, photo_stages=stages))
    assert plan("draft", ActionRequest("report_on_site", W, photo_stages=frozenset(
        {"before", "after"}))) == "handled_on_site"


def test_verification_needs_an_outcome_and_a_photo() -> None:
    photo = frozenset({"verification"})
    with pytest.raises(TransitionError, match="结果"):
        plan("verifying", ActionRequest("verify", W, photo_stages=photo))
    with pytest.raises(TransitionError, match="结果"):
        plan("verifying", ActionRequest("verify", W, outcome="maybe", photo_stages=photo))
    with pytest.raises(TransitionError, match="照片"):
        plan("verifying", ActionRequest("verify", W, outcome="passed"))
    for outcome in ("passed", "failed"):
        assert plan("verifying", ActionRequest("verify", W, outcome=outcome,
                                               photo_stages=photo)) == "verifying"


def test_close_only_after_a_passed_verification() -> None:
    with pytest.raises(TransitionError, match="核查通过"):
        plan("verifying", ActionRequest("close", SU), verified=False)
    assert plan("verifying", ActionRequest("close", SU), verified=True) == "closed"


def test_is_overdue() -> None:
    now = datetime(2026, 6, 1, 12, tzinfo=UTC)
    past, future = now - timedelta(minutes=1), now + timedelta(hours=2)
    assert is_overdue("dispatched", past, now)
    assert not is_overdue("dispatched", future, now)
    assert not is_overdue("dispatched", now, now)  # due this instant is not yet late
    assert not is_overdue("dispatched", None, now)  # no deadline, nothing to be late for
    for status in ("draft", "rejected", "closed", "evaluated"):
        assert not is_overdue(status, past, now)
