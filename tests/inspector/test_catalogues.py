"""The bundled catalogues load, are consistent, and a broken file is refused clearly."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from inspector import catalogues as cat
from inspector.errors import NotFoundError, StoreError

REPO = Path(__file__).resolve().parents[2]


def test_every_catalogue_loads_with_its_name_and_version():
    loaded = cat.all_catalogues()
    assert sorted(loaded) == sorted(cat.NAMES)
    for name, catalogue in loaded.items():
        assert catalogue.name == name
        assert catalogue.version == "2026.1"
        assert catalogue.entries


def test_bundled_files_are_the_repository_resources():
    assert cat.catalogues_dir() == REPO / "resources" / "catalogues"
    assert {p.stem for p in cat.catalogues_dir().glob("*.json")} == set(cat.NAMES)


def test_issue_tree_has_realistic_size_and_every_kind():
    classes = cat.all_catalogues()["issue_categories"].entries
    subclasses = [s["code"] for c in classes for s in c["children"]]
    assert 12 <= len(classes) <= 16
    assert 70 <= len(subclasses) <= 100
    assert {c["kind"] for c in classes} == {"component", "event", "grid"}
    # Subclass codes are what an issue stores, so they must be unique across the tree.
    assert len(subclasses) == len(set(subclasses)) == len(cat.category_codes())
    assert not set(subclasses) & {c["code"] for c in classes}


def test_codes_are_unique_within_every_group():
    for name, catalogue in cat.all_catalogues().items():
        top = [e["code"] for e in catalogue.entries]
        assert len(top) == len(set(top)), name
        for entry in catalogue.entries:
            for key in ("values", "items", "children"):
                member_codes = [m["code"] for m in entry.get(key, ())]
                assert len(member_codes) == len(set(member_codes)), (name, entry["code"])


def test_every_subclass_has_time_limit_valid_triage_and_department():
    triage = cat.codes("enums", "triage")
    departments = cat.codes("departments")
    for code in cat.category_codes():
        sub = cat.issue_subcategory(code)
        limit = cat.time_limit(code)
        assert isinstance(limit.value, int) and limit.value > 0, code
        assert limit.unit in cat.TIME_UNITS, code
        assert sub["default_triage"] in triage, code
        assert sub["department"] in departments, code


def test_every_checklist_suggestion_is_an_existing_subclass():
    themes = cat.all_catalogues()["patrol_checklist"].entries
    items = [item for theme in themes for item in theme["items"]]
    assert 20 <= len(items) <= 30
    for item in items:
        assert item["suggested_subcategory"] in cat.category_codes(), item["code"]


def test_subcategory_lookup_names_its_parent_and_time_limit():
    sub = cat.issue_subcategory("manhole_cover_missing")
    assert sub["name"] == "井盖缺失"
    assert (sub["class_code"], sub["class_name"], sub["kind"]) == (
        "component_utilities",
        "公用设施",
        "component",
    )
    assert cat.time_limit("manhole_cover_missing") == cat.TimeLimit(2, "hours")
    assert cat.time_limit("illegal_construction") == cat.TimeLimit(10, "working_days")
    assert cat.time_limit("neighbour_dispute") == cat.TimeLimit(3, "working_days")
    json.dumps(sub)  # plain data, ready for a dataclass, the wire or an export
    with pytest.raises(NotFoundError, match="no_such_thing"):
        cat.issue_subcategory("no_such_thing")


def test_enumerations_used_by_validation():
    assert cat.codes("resident_tags", "housing_uses") == {
        "owner_occupied",
        "rented",
        "group_rental",
        "vacant",
        "mixed_use",
    }
    assert cat.codes("enums", "severity") == {"critical", "major", "serious", "general", "minor"}
    assert cat.codes("enums", "issue_sources") == {
        "patrol",
        "visit",
        "public",
        "hotline",
        "assigned",
    }
    assert cat.codes("visit_needs", "need_categories") == {
        "urban_env",
        "social_affairs",
        "hardship_aid",
        "economy",
        "other",
    }
    assert "self" in cat.codes("resident_tags", "relations")
    assert cat.label("enums", "general", "triage") == "一般"
    assert cat.label("issue_categories", "grid_safety") == "安全隐患"
    with pytest.raises(NotFoundError, match="no_such_group"):
        cat.codes("resident_tags", "no_such_group")
    with pytest.raises(NotFoundError, match="nonexistent"):
        cat.codes("nonexistent")


def test_restricted_tags_are_only_the_sensitive_ones():
    restricted = cat.restricted_tags()
    sensitive = {"community_correction", "released_prisoner", "mental_disorder", "key_stability"}
    care = {"subsistence_allowance", "disability", "advanced_age", "left_behind_child"}
    assert sensitive <= restricted
    assert not care & restricted


def test_loaded_catalogues_cannot_be_changed_by_a_caller():
    entry = cat.all_catalogues()["departments"].entries[0]
    with pytest.raises(TypeError):
        entry["name"] = "changed"  # type: ignore[index]
    cat.issue_subcategory("street_vendor")["name"] = "changed"  # a copy: harmless
    assert cat.issue_subcategory("street_vendor")["name"] == "乱设摊"


# ---------------------------------------------------------------- broken files


def _edit(path: Path, change: Callable[[dict], None]) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def _duplicate_department(d: dict) -> None:
    d["entries"].append({"code": "water", "name": "另一个水务", "kind": "utility"})


def _dangling_suggestion(d: dict) -> None:
    d["entries"][0]["items"][0]["suggested_subcategory"] = "no_such_subclass"


def _no_version(d: dict) -> None:
    del d["version"]


def _bad_unit(d: dict) -> None:
    d["entries"][0]["children"][0]["time_limit"]["unit"] = "weeks"


def _unknown_department(d: dict) -> None:
    d["entries"][0]["children"][0]["department"] = "ministry_of_magic"


def _missing_group(d: dict) -> None:
    d["entries"] = [g for g in d["entries"] if g["code"] != "housing_uses"]


def _unflagged_tag(d: dict) -> None:
    del d["entries"][0]["values"][0]["restricted"]


def _unknown_override(d: dict) -> None:
    d["entries"][0]["overrides"][0]["category"] = "no_such_category"


def _zero_factor(d: dict) -> None:
    d["entries"][1]["factor"] = 0


def _severity_left_out(d: dict) -> None:
    d["entries"] = [e for e in d["entries"] if e["code"] != "minor"]


def _weekday_made_workday(d: dict) -> None:
    d["entries"][0]["workdays"][0]["date"] = "2026-01-05"  # a Monday


def _holiday_in_another_year(d: dict) -> None:
    d["entries"][0]["holidays"][0]["to"] = "2027-01-03"


def _unpublished_with_dates(d: dict) -> None:
    d["entries"][1]["holidays"] = [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-01"}]


@pytest.fixture
def copy_dir(tmp_path: Path) -> Path:
    shutil.copytree(cat.catalogues_dir(), tmp_path, dirs_exist_ok=True)
    return tmp_path


@pytest.mark.parametrize(
    ("file", "change", "message"),
    [
        ("departments", _duplicate_department, "duplicate code 'water'"),
        ("patrol_checklist", _dangling_suggestion, "'no_such_subclass' is not a subclass"),
        ("issue_categories", _no_version, "'version' is missing"),
        ("issue_categories", _bad_unit, "time_limit.unit 'weeks'"),
        ("issue_categories", _unknown_department, "'ministry_of_magic' is not in departments.json"),
        ("resident_tags", _missing_group, "required groups missing: housing_uses"),
        ("resident_tags", _unflagged_tag, "'restricted' must be true or false"),
        ("time_limits", _unknown_override, "'no_such_category' is not a class or subclass"),
        ("time_limits", _zero_factor, "factor 0 must be a number above 0"),
        ("time_limits", _severity_left_out, "severities missing: minor"),
        ("holidays", _weekday_made_workday, "2026-01-05 is a weekday"),
        ("holidays", _holiday_in_another_year, "from/to must be dates of 2026"),
        ("holidays", _unpublished_with_dates, "an unpublished year lists no holidays"),
    ],
)
def test_a_broken_catalogue_is_refused_naming_file_and_problem(copy_dir, file, change, message):
    _edit(copy_dir / f"{file}.json", change)
    with pytest.raises(StoreError) as caught:
        cat.load_all(copy_dir)
    assert f"{file}.json" in str(caught.value)
    assert message in str(caught.value)


def test_a_checklist_is_checked_against_the_subclasses_of_its_own_folder(copy_dir):
    # Loading one file alone still checks the files it refers to.
    _edit(copy_dir / "patrol_checklist.json", _dangling_suggestion)
    with pytest.raises(StoreError, match=r"patrol_checklist\.json.*no_such_subclass"):
        cat.load_catalogue("patrol_checklist", copy_dir)
    assert cat.load_catalogue("departments", copy_dir).name == "departments"


def test_invalid_json_and_missing_file_are_refused(copy_dir):
    (copy_dir / "enums.json").write_text('{"catalogue": "enums",', encoding="utf-8")
    with pytest.raises(StoreError, match=r"enums\.json is not valid UTF-8 JSON"):
        cat.load_catalogue("enums", copy_dir)
    (copy_dir / "visit_needs.json").unlink()
    with pytest.raises(StoreError, match=r"visit_needs\.json not found"):
        cat.load_catalogue("visit_needs", copy_dir)


# ---------------------------------------------------------------- locating resources


def test_frozen_app_finds_resources_in_the_bundle(tmp_path, monkeypatch):
    (tmp_path / "resources").mkdir()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert cat.resources_dir() == tmp_path / "resources"


def test_missing_resources_folder_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    with pytest.raises(StoreError, match="resources folder not found"):
        cat.resources_dir()


def test_loading_catalogues_needs_no_gui():
    code = (
        "import sys, inspector.catalogues as c; c.all_catalogues(); "
        "assert 'PySide6' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True)
