"""Generate a fictional district into a store: territory, register, activities, cases, photos.

The data is what a device holds after its first pull from the server: every
record has a server revision and nothing waits in the outbox. Rows go in with
bulk inserts in one transaction (a 100k-household district in well under the
two-minute budget); the same seed and `now` always give the same data.
"""

from __future__ import annotations

import math
import random
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from .. import caseflow
from ..catalogues import (
    category_codes,
    checklist_item_codes,
    codes,
    issue_subcategory,
    load_catalogue,
)
from ..db import Store
from ..deadlines import deadline_for
from ..models import (
    Area,
    Building,
    Component,
    GridStaff,
    Household,
    Issue,
    IssueAction,
    Patrol,
    PatrolItem,
    Photo,
    PhotoLink,
    Place,
    Resident,
    Task,
    Visit,
    VisitNeed,
)
from ..photos import PhotoStore, process_photo
from ..search import SearchDoc, index_docs, optimize
from ..validation import id_check_digit
from . import vocabulary as V
from .pictures import draw_scene

CLASSROOM_HOUSEHOLDS = 600
HOUSEHOLDS_PER_GRID = 100
GRIDS_PER_COMMUNITY = 6
COMMUNITIES_PER_STREET = 8
ORIGIN = (116.30, 39.90)  # lon, lat of the fictional district's south-west corner
GRID_SPAN = 0.004  # degrees per grid side
# Final case states and how often each occurs; every state of the loop is present.
CASE_STATES = (
    (caseflow.DRAFT, 2), (caseflow.REPORTED, 10), (caseflow.REJECTED, 3),
    (caseflow.ACCEPTED, 6), (caseflow.DISPATCHED, 14), (caseflow.HANDLED, 8),
    (caseflow.HANDLED_ON_SITE, 6), (caseflow.VERIFYING, 8), (caseflow.CLOSED, 35),
    (caseflow.EVALUATED, 8),
)
# Demo accounts per role; workers are attached to grids round-robin.
SUPERVISOR = "jdy01"
STAFF = "sqgz01"


@dataclass
class DemoSummary:
    """Counts of what was generated, and the accounts to log in with."""

    counts: dict[str, int] = field(default_factory=dict)
    grid_ids: list[str] = field(default_factory=list)
    workers: dict[str, list[str]] = field(default_factory=dict)  # username -> grid ids
    supervisor: str = SUPERVISOR
    staff: str = STAFF


class _Gen:
    def __init__(self, seed: int, now: datetime, photo_store: PhotoStore | None):
        self.rng = random.Random(seed)
        self.now = now
        self.photos = photo_store
        self.rows: dict[type, list[dict[str, Any]]] = {}
        self.docs: list[SearchDoc] = []
        self.id_seq: set[str] = set()
        self.pictures: dict[str, list[Any]] = {}
        self.n_cases = 0  # cases drawn so far, across grids

    # -- helpers -----------------------------------------------------------
    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def add(self, model: type, **values: Any) -> dict[str, Any]:
        values.setdefault("id", self.uid())
        values.setdefault("server_rev", 1)
        values.setdefault("version", 1)
        values.setdefault("created_at", self.now)
        values.setdefault("updated_at", self.now)
        self.rows.setdefault(model, []).append(values)
        return values

    def ago(self, days_max: float, days_min: float = 0) -> datetime:
        return self.now - timedelta(days=self.rng.uniform(days_min, days_max))

    def person_name(self, surname: str | None = None, male: bool = True) -> str:
        surname = surname or V.SURNAMES[min(int(self.rng.expovariate(1 / 18)),
                                            len(V.SURNAMES) - 1)]
        pool = V.GIVEN_MALE if male else V.GIVEN_FEMALE
        if self.rng.random() < 0.55:
            return surname + self.rng.choice(V.GIVEN_ANY + pool) + self.rng.choice(pool)
        return surname + self.rng.choice(pool)

    def id_number(self, birth: date, male: bool) -> str:
        while True:
            seq = self.rng.randrange(0, 100) * 10 + self.rng.choice(
                (1, 3, 5, 7, 9) if male else (0, 2, 4, 6, 8))
            first17 = f"{self.rng.choice(V.REGIONS)}{birth:%Y%m%d}{seq:03d}"
            if first17 not in self.id_seq:
                self.id_seq.add(first17)
                return first17 + id_check_digit(first17)

    def mobile(self) -> str:
        return f"1{self.rng.choice('3456789')}{self.rng.randrange(10**9):09d}"

    def birth(self, age_min: int, age_max: int) -> date:
        return (self.now - timedelta(days=self.rng.uniform(age_min, age_max) * 365.25)).date()

    # -- territory ---------------------------------------------------------
    def territory(self, n_grids: int) -> list[dict[str, Any]]:
        district = self.add(Area, code="QH", name=V.DISTRICT, level="district", parent_id=None)
        grids: list[dict[str, Any]] = []
        per_street = GRIDS_PER_COMMUNITY * COMMUNITIES_PER_STREET
        cols = max(1, math.ceil(math.sqrt(n_grids)))
        street = community = None
        for g in range(n_grids):
            if g % per_street == 0:
                s = g // per_street
                street = self.add(Area, code=f"QH{s + 1:02d}",
                                  name=V.STREETS[s % len(V.STREETS)] + ("" if s < len(V.STREETS)
                                                                        else f"{s // 10 + 1}"),
                                  level="street", parent_id=district["id"])
            if g % GRIDS_PER_COMMUNITY == 0:
                c = g // GRIDS_PER_COMMUNITY
                community = self.add(
                    Area, code=f"{street['code']}{c % COMMUNITIES_PER_STREET + 1:02d}",
                    name=V.COMMUNITY_WORDS[c % len(V.COMMUNITY_WORDS)] + "社区"
                    + ("" if c < len(V.COMMUNITY_WORDS) else f"{c // len(V.COMMUNITY_WORDS)}"),
                    level="community", parent_id=street["id"])
            x0 = ORIGIN[0] + (g % cols) * GRID_SPAN
            y0 = ORIGIN[1] + (g // cols) * GRID_SPAN
            ring = [[x0, y0], [x0 + GRID_SPAN, y0], [x0 + GRID_SPAN, y0 + GRID_SPAN],
                    [x0, y0 + GRID_SPAN], [x0, y0]]
            head = self.person_name()
            grid = self.add(Area, code=f"{community['code']}{g % GRIDS_PER_COMMUNITY + 1:02d}",
                            name=f"{community['name']}第{g % GRIDS_PER_COMMUNITY + 1}网格",
                            level="grid", parent_id=community["id"], head_name=head,
                            boundary={"type": "Polygon", "coordinates": [ring]})
            grid["_origin"] = (x0, y0)
            grids.append(grid)
            self.add(GridStaff, grid_id=grid["id"], name=head, duty="格长", phone=self.mobile())
            self.add(GridStaff, grid_id=grid["id"], name=self.person_name(), duty="网格员",
                     username=f"wgy{g + 1:02d}", phone=self.mobile())
            self.add(GridStaff, grid_id=grid["id"], name=self.person_name(), duty="监督员",
                     username=SUPERVISOR, phone=self.mobile())
        return grids

    def point(self, grid: dict[str, Any]) -> tuple[float, float]:
        x0, y0 = grid["_origin"]
        return (round(y0 + self.rng.uniform(0.0003, GRID_SPAN - 0.0003), 6),
                round(x0 + self.rng.uniform(0.0003, GRID_SPAN - 0.0003), 6))

    # -- register ----------------------------------------------------------
    def register(self, grid: dict[str, Any], n_households: int, road: str,
                 first_no: int) -> list[dict[str, Any]]:
        households = []
        estate = self.rng.choice(V.COMMUNITY_WORDS) + self.rng.choice(V.ESTATE_WORDS)
        housing = codes("resident_tags", "housing_uses")
        b = 0
        while len(households) < n_households:
            b += 1
            floors = self.rng.choice((4, 5, 6, 6, 7, 11, 18))
            per_floor = 2 if floors < 11 else 4
            units = self.rng.choice((1, 2, 3))
            lat, lon = self.point(grid)
            address = f"{V.DISTRICT}{road}{first_no + b}号{estate}{b}号楼"
            building = self.add(Building, grid_id=grid["id"], code=f"{grid['code']}-B{b:02d}",
                                name=f"{estate}{b}号楼", address=address, use="residential",
                                floors=floors, lat=lat, lon=lon, head_name=self.person_name(),
                                head_phone=self.mobile())
            for unit in range(1, units + 1):
                for floor in range(1, floors + 1):
                    for door in range(1, per_floor + 1):
                        if len(households) == n_households:
                            break
                        households.append(self.household(
                            grid, building, f"{unit}单元{floor}{door:02d}", housing))
        return households

    def household(self, grid: dict[str, Any], building: dict[str, Any], door_no: str,
                  housing: frozenset[str]) -> dict[str, Any]:
        use = self.rng.choices(("owner_occupied", "rented", "group_rental", "vacant",
                                "mixed_use"), (71, 20, 3, 4, 2))[0]
        assert use in housing
        address = f"{building['address']}{door_no}"
        hh = self.add(Household, grid_id=grid["id"], building_id=building["id"], door_no=door_no,
                      address=address, housing_use=use, contact_card=self.rng.random() < 0.8,
                      last_visit_at=None, head_name=None, phone=None, landlord_name=None,
                      landlord_phone=None, rental=None, notes=None)
        if use in ("rented", "group_rental"):
            hh.update(landlord_name=self.person_name(), landlord_phone=self.mobile(),
                      rental={"tenants": self.rng.randint(2, 9) if use == "group_rental" else
                              self.rng.randint(1, 3), "registered": self.rng.random() < 0.8})
        if use == "vacant":
            return hh
        size = self.rng.choices((1, 2, 3, 4, 5), (8, 22, 30, 26, 14))[0]
        head_male = self.rng.random() < 0.6
        head_age = (18, 90) if size > 1 else (25, 92)
        head = self.resident(hh, None, head_male, self.birth(*head_age), "self", use)
        hh.update(head_name=head["name"], phone=head["phone"])
        surname = head["name"][0]
        head_age_years = (self.now.date() - head["birth_date"]).days // 365
        if size >= 2:
            spouse_age = max(18, min(95, head_age_years + self.rng.randint(-5, 5)))
            self.resident(hh, None, not head_male, self.birth(spouse_age, spouse_age + 1),
                          "spouse", use)
        for _ in range(max(0, size - 2)):
            if head_age_years > 40 and self.rng.random() < 0.7:
                child_age = self.rng.randint(1, max(2, min(head_age_years - 20, 40)))
                self.resident(hh, surname, self.rng.random() < 0.5,
                              self.birth(child_age, child_age + 1), "child", use)
            else:
                parent_age = min(98, head_age_years + self.rng.randint(22, 32))
                self.resident(hh, surname, self.rng.random() < 0.4,
                              self.birth(parent_age, parent_age + 1), "parent", use)
        return hh

    def resident(self, hh: dict[str, Any], surname: str | None, male: bool, birth: date,
                 relation: str, use: str) -> dict[str, Any]:
        name = self.person_name(surname, male)
        age = (self.now.date() - birth).days // 365
        residence = "floating" if use in ("rented", "group_rental") and self.rng.random() < 0.6 \
            else self.rng.choices(("registered", "resident", "overseas"), (80, 19, 1))[0]
        temporary = None
        if residence == "floating":
            temporary = {"permit_no": f"ZZ{self.rng.randrange(10**8):08d}",
                         "arrived": self.ago(900, 30).date().isoformat(),
                         "reason": self.rng.choice(sorted(codes("resident_tags",
                                                                "residence_reasons")))}
        care: list[Any] = []
        if age >= 80:
            care.append("advanced_age")
        if age >= 70 and relation == "self" and hh["head_name"] is None and self.rng.random() < .3:
            care.append("living_alone")
        if self.rng.random() < 0.03:
            care.append("subsistence_allowance")
        if self.rng.random() < 0.02:
            care.append({"code": "disability",
                         "category": self.rng.choice(sorted(codes("resident_tags",
                                                                  "disability_categories"))),
                         "grade": self.rng.choice(sorted(codes("resident_tags",
                                                               "disability_grades")))})
        restricted = None
        if age >= 18 and self.rng.random() < 0.004:
            restricted = [self.rng.choice(("community_correction", "released_prisoner",
                                           "mental_disorder"))]
        employment = ("preschool" if age < 6 else "student" if age < 19 else
                      "retired" if age >= 60 else self.rng.choice(("employed", "employed",
                                                                  "self_employed", "flexible",
                                                                  "unemployed")))
        id_number = self.id_number(birth, male)
        phone = self.mobile() if age >= 16 else None
        domicile = f"{self.rng.choice(V.STREETS)}{self.rng.choice(V.ROADS)}" \
                   f"{self.rng.randint(1, 300)}号"
        row = self.add(Resident, grid_id=hh["grid_id"], household_id=hh["id"], name=name,
                       id_number=id_number, gender="男" if male else "女", birth_date=birth,
                       phone=phone, relation=relation, domicile=domicile,
                       residence_type=residence, temporary=temporary, employment=employment,
                       insurance=["medical_resident"] if age < 60 else ["pension_resident",
                                                                       "medical_resident"],
                       care_tags=care or None, restricted_tags=restricted, notes=None)
        self.docs.append(SearchDoc("resident", row["id"], row["grid_id"], name, id_number,
                                   phone or "", domicile))
        return row

    # -- places and components ---------------------------------------------
    def places(self, grid: dict[str, Any], road: str) -> None:
        kinds = ("shop", "restaurant", "market", "three_in_one", "school", "elderly_care")
        for _ in range(self.rng.randint(3, 8)):
            lat, lon = self.point(grid)
            kind = self.rng.choice(kinds)
            name = self.rng.choice(V.SURNAMES[:30]) + "记" + self.rng.choice(V.SHOP_WORDS)
            self.add(Place, grid_id=grid["id"], building_id=None, name=name, kind=kind,
                     address=f"{V.DISTRICT}{road}{self.rng.randint(1, 200)}号",
                     responsible_name=self.person_name(), responsible_phone=self.mobile(),
                     fire_safety={"extinguishers": self.rng.randint(0, 6),
                                  "exits_clear": self.rng.random() < 0.9},
                     lat=lat, lon=lon, notes=None)
        for i, (kind, name, owner) in enumerate((
                ("manhole_cover_damaged", "污水井盖", "区水务局"),
                ("street_light_out", "路灯", "区市政管理所"),
                ("garbage_station_damaged", "垃圾收集点", "区环卫所"))):
            for j in range(self.rng.randint(2, 5)):
                lat, lon = self.point(grid)
                self.add(Component, grid_id=grid["id"], code=f"{grid['code']}-C{i}{j:02d}",
                         category_code=kind, name=name, owner_unit=owner, status="ok",
                         lat=lat, lon=lon)

    # -- photos ------------------------------------------------------------
    def photo(self, stage: str, owner_entity: str, owner_id: str, at: datetime) -> None:
        if self.photos is None:
            return
        pool = self.pictures.setdefault(stage, [])
        if len(pool) < 4:  # a few distinct pictures per stage keep generation quick
            processed = process_photo(draw_scene(self.rng, stage))
            self.photos.put(processed)
            self.add_photo_row(processed, at)
            pool.append(processed)
        processed = self.rng.choice(pool)
        self.add(PhotoLink, photo_sha256=processed.sha256, entity=owner_entity,
                 record_id=owner_id, stage=stage, caption=None)

    def add_photo_row(self, p: Any, at: datetime) -> None:
        self.rows.setdefault(Photo, []).append(
            {"sha256": p.sha256, "width": p.width, "height": p.height, "size": len(p.data),
             "taken_at": at, "lat": None, "lon": None, "imported_at": at, "uploaded": True})

    # -- cases -------------------------------------------------------------
    def cases(self, grid: dict[str, Any], worker: str, n: int, seq_start: int) -> list[str]:
        subclasses = sorted(category_codes())
        version = load_catalogue("issue_categories").version
        ids = []
        for k in range(n):
            final = self.rng.choices([s for s, _ in CASE_STATES], [w for _, w in CASE_STATES])[0]
            if self.n_cases < len(CASE_STATES):  # the first cases cover every state once
                final = CASE_STATES[self.n_cases][0]
            self.n_cases += 1
            code = self.rng.choice(subclasses)
            sub = issue_subcategory(code)
            reported = self.ago(40, 0.5)
            lat, lon = self.point(grid)
            severity = self.rng.choices(("general", "serious", "major", "minor", "critical"),
                                        (70, 15, 4, 10, 1))[0]
            issue = self.add(
                Issue, number=None, source=self.rng.choice(("patrol", "patrol", "visit",
                                                            "public", "hotline")),
                category_code=code, catalogue_version=version, triage=sub["default_triage"],
                severity=severity, status=caseflow.DRAFT, title=sub["name"],
                description=f"{sub['name']}，位于{grid['name']}，需要处理。", cause=None,
                losses=None, scope=None, development=None, measures=None,
                occurred_at=reported - timedelta(minutes=self.rng.randint(5, 180)),
                reported_at=None, reporter=worker, grid_id=grid["id"],
                address=f"{grid['name']}{self.rng.randint(1, 99)}号附近", lat=lat, lon=lon,
                household_id=None, resident_id=None, place_id=None, component_id=None,
                patrol_id=None, department=None, deadline_at=None, closed_at=None)
            ids.append(issue["id"])
            self.case_history(issue, final, sub, worker, reported)
            if issue["status"] != caseflow.DRAFT:
                issue["number"] = f"{grid['code']}-{reported:%Y%m%d}-{seq_start + k:04d}"
        return ids

    def case_history(self, issue: dict[str, Any], final: str, sub: dict[str, Any],
                     worker: str, at: datetime) -> None:
        on_site = final == caseflow.HANDLED_ON_SITE or (
            final in (caseflow.VERIFYING, caseflow.CLOSED) and sub["default_triage"] == "simple"
            and self.rng.random() < 0.5)
        path = ["report_on_site"] if on_site else ["report"]
        if final == caseflow.REJECTED:
            path.append("reject")
        elif not on_site and final != caseflow.REPORTED:
            path.append("accept")
            if final not in (caseflow.ACCEPTED,):
                path.append("dispatch")
                if self.rng.random() < 0.2:
                    path.append("urge")
                if final != caseflow.DISPATCHED:
                    path.append("feedback")
        if final in (caseflow.VERIFYING, caseflow.CLOSED, caseflow.EVALUATED):
            path.append("request_verification")
            if final != caseflow.VERIFYING:
                if not on_site and self.rng.random() < 0.15:
                    path += ["verify_failed", "rework", "feedback", "request_verification"]
                path += ["verify", "close"]
                if final == caseflow.EVALUATED:
                    path.append("evaluate")
        if final == caseflow.DRAFT:
            path = []
        seq = 0
        for step in path:
            kind, outcome = ("verify", "failed") if step == "verify_failed" else (
                step, "passed" if step == "verify" else None)
            at = min(self.now, at + timedelta(hours=self.rng.uniform(0.5, 30)))
            role = ("worker" if kind in ("report", "report_on_site", "verify") else
                    "staff" if kind == "evaluate" else "supervisor")
            req = caseflow.ActionRequest(
                kind, role, reason=self.rng.choice(V.DEPARTMENT_FEEDBACK)
                if caseflow.STEPS[kind].needs_reason or kind == "feedback" else None,
                department=sub["department"] if kind == "dispatch" else None,
                deadline_at=deadline_for(sub["code"], issue["severity"], at)
                if kind == "dispatch" else None,
                outcome=outcome,
                photo_stages=caseflow.STEPS[kind].photo_stages)
            target = caseflow.plan(issue["status"], req, verified=issue.get("_verified", False))
            seq += 1
            self.add(IssueAction, issue_id=issue["id"], seq=seq, kind=kind,
                     actor=worker if role == "worker" else
                     (STAFF if role == "staff" else SUPERVISOR),
                     actor_role=role, at=at, from_status=issue["status"], to_status=target,
                     reason=req.reason, department=req.department, deadline_at=req.deadline_at,
                     outcome=outcome, sync_state="accepted", rejected_reason=None)
            issue["_verified"] = outcome == "passed" if kind == "verify" else \
                issue.get("_verified", False)
            issue["status"] = target
            if kind in ("report", "report_on_site"):
                issue["reported_at"] = at
                self.photo("report", "issue", issue["id"], at)
                if kind == "report_on_site":
                    self.photo("before", "issue", issue["id"], at)
                    self.photo("after", "issue", issue["id"], at)
            elif kind == "dispatch":
                issue.update(department=req.department, deadline_at=req.deadline_at)
            elif kind == "verify":
                self.photo("verification", "issue", issue["id"], at)
            elif kind == "close":
                issue["closed_at"] = at
        if issue["status"] == caseflow.VERIFYING:
            self.add(Task, kind="verify_issue", assignee=worker, grid_id=issue["grid_id"],
                     issue_id=issue["id"], household_id=None, title=f"核查：{issue['title']}",
                     due_at=self.now + timedelta(days=1), status="open", result=None,
                     completed_at=None)
        issue.pop("_verified", None)

    # -- activities --------------------------------------------------------
    def patrols(self, grid: dict[str, Any], worker: str, issues: list[str], days: int) -> None:
        items = sorted(checklist_item_codes())
        for d in range(days):
            start = (self.now - timedelta(days=d + 1)).replace(hour=self.rng.choice((8, 14, 19)),
                                                               minute=self.rng.randint(0, 59))
            patrol = self.add(Patrol, grid_id=grid["id"], worker=worker,
                              slot={8: "morning", 14: "midday", 19: "evening"}[start.hour],
                              kind="scheduled" if self.rng.random() < 0.8 else "irregular",
                              started_at=start,
                              ended_at=start + timedelta(minutes=self.rng.randint(40, 120)),
                              route=[list(self.point(grid))[::-1] for _ in range(4)], notes=None)
            for pos, code in enumerate(self.rng.sample(items, self.rng.randint(3, 6))):
                problem = issues and self.rng.random() < 0.08
                self.add(PatrolItem, patrol_id=patrol["id"], position=pos, item_code=code,
                         result="problem" if problem else self.rng.choices(
                             ("ok", "fixed_on_site", "not_applicable"), (85, 5, 10))[0],
                         note=None, issue_id=self.rng.choice(issues) if problem else None)

    def visits(self, households: list[dict[str, Any]], staff: str) -> None:
        kinds = sorted(codes("visit_needs", "visit_kinds"))
        needs = sorted(codes("visit_needs", "need_categories"))
        for hh in households:
            if hh["head_name"] is None or self.rng.random() > 0.35:
                continue
            at = self.ago(120, 1)
            visit = self.add(Visit, household_id=hh["id"], grid_id=hh["grid_id"], visitor=staff,
                             kind=self.rng.choice(kinds), visited_at=at, people_met=None,
                             services="政策宣传" if self.rng.random() < 0.5 else None,
                             satisfaction=self.rng.choices(
                                 ("satisfied", "basically_satisfied", "dissatisfied"),
                                 (80, 17, 3))[0], notes=None)
            if self.rng.random() < 0.25:
                self.add(VisitNeed, visit_id=visit["id"], category=self.rng.choice(needs),
                         description="居民反映需要协助办理相关事项", status=self.rng.choice(
                             ("open", "resolved", "referred")), issue_id=None)
            if self.rng.random() < 0.05:
                self.photo("visit", "visit", visit["id"], at)
            hh["last_visit_at"] = at


def generate(store: Store, households: int = CLASSROOM_HOUSEHOLDS, *, seed: int = 20261123,
             now: datetime | None = None, photos: bool = True, patrol_days: int = 14,
             progress: Callable[[str], None] | None = None) -> DemoSummary:
    """Fill an empty store with a fictional district of about `households` households."""
    now = (now or datetime.now(UTC)).replace(microsecond=0)
    say = progress or (lambda _msg: None)
    gen = _Gen(seed, now, store.photos if photos else None)
    n_grids = max(1, math.ceil(households / HOUSEHOLDS_PER_GRID))
    summary = DemoSummary()
    say("territory")
    grids = gen.territory(n_grids)
    remaining = households
    for g, grid in enumerate(grids):
        worker = f"wgy{g + 1:02d}"
        summary.grid_ids.append(grid["id"])
        summary.workers[worker] = [grid["id"]]
        road = V.ROADS[g % len(V.ROADS)]
        count = min(HOUSEHOLDS_PER_GRID, remaining - (n_grids - g - 1)) if g < n_grids - 1 \
            else remaining
        remaining -= count
        hhs = gen.register(grid, count, road, first_no=(g // len(V.ROADS)) * 20)
        for hh in hhs:
            gen.docs.append(SearchDoc("household", hh["id"], grid["id"], hh["head_name"] or "",
                                      "", hh["phone"] or "", hh["address"]))
        gen.places(grid, road)
        issues = gen.cases(grid, worker, max(4, count // 10), seq_start=1)
        gen.patrols(grid, worker, issues, patrol_days)
        gen.visits(hhs, STAFF)
        if g % 50 == 49:
            say(f"grids {g + 1}/{n_grids}")
    say("writing")
    with store.write() as session:
        _write(session, gen)
        say("search index")
        index_docs(session.connection(), gen.docs)
        optimize(session.connection())
    summary.counts = {model.__tablename__: len(rows) for model, rows in gen.rows.items()}
    return summary


def _write(session: Session, gen: _Gen) -> None:
    order = (Area, GridStaff, Building, Household, Resident, Place, Component, Patrol, Issue,
             PatrolItem, IssueAction, Task, Visit, VisitNeed, Photo, PhotoLink)
    for model in order:
        rows = gen.rows.get(model, [])
        for row in rows:
            row.pop("_origin", None)
        for run in _same_keys(rows):
            for i in range(0, len(run), 5000):
                session.connection().execute(model.__table__.insert(), run[i:i + 5000])


def _same_keys(rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    """Consecutive runs of rows with the same keys, in order.

    An executemany insert takes its columns from the first row and silently drops
    keys that only later rows have (a grid's boundary after the district's row), so
    each run goes in as its own statement; keeping the order keeps parents first.
    """
    start = 0
    for i in range(1, len(rows) + 1):
        if i == len(rows) or rows[i].keys() != rows[start].keys():
            yield rows[start:i]
            start = i
