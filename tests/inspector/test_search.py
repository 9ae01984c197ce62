"""Search as you type over residents and households (names, pinyin, ID tails, phones, addresses).

All people and numbers are fictional; ID numbers get valid check digits from
inspector.validation.id_check_digit.
"""

from __future__ import annotations

import pytest
from testkit import household_data, make_id, resident_data

from inspector.models import Resident
from inspector.search import Hit, search
from inspector.services import register
from inspector.validation import id_check_digit

OUYANG_ID = make_id("320106", "19900512", "357")
LI_ID = make_id("440304", "19650101", "228")
WANG_ID = make_id("110108", "19881111", "019")
WANG2_ID = make_id("110108", "19920202", "035")


@pytest.fixture
def people(store, tree, staff):
    """Two households in grid 1, one in grid 2, four residents."""
    h1, _ = register.add_household(store, staff, household_data(
        tree.g1, door_no="5-1-302", address="幸福路12号5栋1单元302", head_name="欧阳明轩",
        phone="13912345678"))
    h2, _ = register.add_household(store, staff, household_data(
        tree.g1, door_no="2-101", address="和平街8号2栋101", head_name="李秀英",
        phone="021-64001234"))
    h3, _ = register.add_household(store, staff, household_data(
        tree.g2, door_no="7-7", address="光明巷3号", head_name="王建华", phone=None))
    ids = {
        "h1": h1, "h2": h2, "h3": h3,
        "ouyang": register.add_resident(store, staff, h1, resident_data(
            OUYANG_ID, name="欧阳明轩", phone="13912345678", domicile="江苏省南京市"))[0],
        "li": register.add_resident(store, staff, h2, resident_data(
            LI_ID, name="李秀英", phone="15800009999"))[0],
        "wang": register.add_resident(store, staff, h3, resident_data(
            WANG_ID, name="王建华", phone="13600005678"))[0],
        "wang2": register.add_resident(store, staff, h1, resident_data(
            WANG2_ID, name="王丽", phone="13700001111", relation="other"))[0],
    }
    return ids


def find(store, query: str, **kw) -> set[str]:
    with store.read() as s:
        return {h.record_id for h in search(s, query, **kw)}


def residents(store, query: str, **kw) -> set[str]:
    return find(store, query, kinds=("resident",), **kw)


@pytest.mark.parametrize(("query", "expected"), [
    ("欧", {"ouyang"}),  # one character: a surname
    ("王", {"wang", "wang2"}),
    ("欧阳", {"ouyang"}),  # two characters
    ("明轩", {"ouyang"}),  # two characters of the given name
    ("秀英", {"li"}),
    ("阳明轩", {"ouyang"}),  # 3+: any part
    ("欧阳明轩", {"ouyang"}),
    ("王建华", {"wang"}),
])
def test_part_of_a_name(store, people, query, expected) -> None:
    assert residents(store, query) == {people[k] for k in expected}


@pytest.mark.parametrize(("query", "expected"), [
    ("oymx", {"ouyang"}),  # initials
    ("lxy", {"li"}),
    ("wjh", {"wang"}),
    ("wl", {"wang2"}),
    ("w", {"wang", "wang2"}),
    ("OYMX", {"ouyang"}),  # case does not matter
    ("ouyangmingxuan", {"ouyang"}),  # full pinyin
    ("mingxuan", {"ouyang"}),
    ("wang", {"wang", "wang2"}),
    ("jianhua", {"wang"}),
])
def test_pinyin(store, people, query, expected) -> None:
    assert residents(store, query) == {people[k] for k in expected}


def test_id_number_tail(store, people) -> None:
    assert residents(store, OUYANG_ID[-4:]) == {people["ouyang"]}
    assert residents(store, OUYANG_ID[-6:]) == {people["ouyang"]}
    assert residents(store, LI_ID[-6:]) == {people["li"]}
    assert residents(store, OUYANG_ID) == {people["ouyang"]}


def test_id_tail_with_x(store, tree, staff) -> None:
    first17 = next(f"31011519850303{n:03d}" for n in range(1000)
                   if id_check_digit(f"31011519850303{n:03d}") == "X")
    home, _ = register.add_household(store, staff, household_data(tree.g1, door_no="9"))
    rid, _ = register.add_resident(store, staff, home, resident_data(first17.lower() + "x"))
    tail = first17[-3:]
    assert residents(store, tail + "X") == {rid}
    assert residents(store, tail + "x") == {rid}


def test_phone_digits(store, people) -> None:
    assert residents(store, "13912345678") == {people["ouyang"]}
    assert residents(store, "1234") == {people["ouyang"]}
    assert residents(store, "5678") == {people["ouyang"], people["wang"]}
    assert find(store, "64001234", kinds=("household",)) == {people["h2"]}


def test_address_words(store, people) -> None:
    assert find(store, "幸福路", kinds=("household",)) == {people["h1"]}
    assert find(store, "光明巷", kinds=("household",)) == {people["h3"]}
    assert find(store, "5栋1单元", kinds=("household",)) == {people["h1"]}
    assert residents(store, "南京市") == {people["ouyang"]}  # domicile


def test_households_found_by_head_name_and_kinds_mixed(store, people) -> None:
    with store.read() as s:
        hits = search(s, "李秀英")
    assert set(hits) == {Hit("resident", people["li"]), Hit("household", people["h2"])}


def test_several_words_must_all_match(store, people) -> None:
    assert residents(store, "王 5678") == {people["wang"]}
    assert residents(store, "w 7000011") == {people["wang2"]}
    assert residents(store, "王建华 13600005678") == {people["wang"]}
    assert residents(store, "王 15800009999") == set()
    assert residents(store, "  wang   jianhua ") == {people["wang"]}


def test_grid_filter(store, tree, people) -> None:
    assert residents(store, "王", grid_ids=[tree.g1]) == {people["wang2"]}
    assert residents(store, "王", grid_ids=[tree.g2]) == {people["wang"]}
    assert residents(store, "王", grid_ids=[tree.g1, tree.g2]) == {people["wang"],
                                                                   people["wang2"]}
    assert residents(store, "王", grid_ids=[]) == set()


@pytest.mark.parametrize("query", ["", "   ", '"', "*", "AND", "a OR b", "NEAR(", "^王", "王*"])
def test_odd_input_never_raises(store, people, query) -> None:
    find(store, query)


def test_limit(store, people) -> None:
    with store.read() as s:
        assert len(search(s, "王", limit=1)) == 1


# ------------------------------------------------------------------ kept current


def test_results_follow_an_edit(store, staff, people) -> None:
    register.edit_resident(store, staff, people["li"], {"name": "李慧敏", "phone": "13311112222"})
    assert residents(store, "李秀英") == set()
    assert residents(store, "lxy") == set()
    assert residents(store, "15800009999") == set()
    assert residents(store, "李慧敏") == {people["li"]}
    assert residents(store, "lhm") == {people["li"]}
    assert residents(store, "慧敏") == {people["li"]}
    assert residents(store, "1111222") == {people["li"]}
    # exactly one index entry per record, however often it is edited
    register.edit_resident(store, staff, people["li"], {"phone": "13311113333"})
    with store.read() as s:
        assert [h for h in search(s, "李慧敏") if h.kind == "resident"] == [
            Hit("resident", people["li"])]


def test_results_follow_a_household_edit(store, staff, people) -> None:
    register.edit_household(store, staff, people["h3"], {"address": "光明巷5号",
                                                         "head_name": "赵敏"})
    assert find(store, "光明巷3号") == set()
    assert find(store, "光明巷5号") == {people["h3"]}
    assert find(store, "赵敏", kinds=("household",)) == {people["h3"]}


def test_results_follow_a_move(store, tree, staff, people) -> None:
    register.move_resident(store, staff, people["wang2"], people["h3"])
    assert residents(store, "王", grid_ids=[tree.g2]) == {people["wang"], people["wang2"]}
    assert residents(store, "王", grid_ids=[tree.g1]) == set()
    # a household moved to another grid takes its residents' index entries along
    register.edit_household(store, staff, people["h1"], {"grid_id": tree.g2})
    assert residents(store, "欧阳", grid_ids=[tree.g2]) == {people["ouyang"]}
    assert find(store, "幸福路", grid_ids=[tree.g1]) == set()


def test_results_follow_a_removal(store, staff, people) -> None:
    register.remove_resident(store, staff, people["wang2"])
    assert residents(store, "王丽") == set()
    assert residents(store, "wl") == set()
    register.remove_resident(store, staff, people["wang"])
    register.remove_household(store, staff, people["h3"])
    assert find(store, "光明巷") == set()
    assert find(store, "王") == set()


def test_rolled_back_write_leaves_the_index_unchanged(store, staff, people) -> None:
    with pytest.raises(RuntimeError), store.write() as s:
        resident = s.get(Resident, people["li"])
        resident.name = "李四海"
        s.flush()  # the index hook runs inside the transaction ...
        s.delete(s.get(Resident, people["wang"]))
        s.flush()
        raise RuntimeError("crash")
    # ... and is rolled back with it
    assert residents(store, "李秀英") == {people["li"]}
    assert residents(store, "李四海") == set()
    assert residents(store, "王建华") == {people["wang"]}


def test_index_is_current_inside_the_writing_transaction(store, staff, people) -> None:
    with store.write() as s:
        s.get(Resident, people["li"]).name = "李四海"
        s.flush()
        assert {h.record_id for h in search(s, "李四海")} == {people["li"]}
