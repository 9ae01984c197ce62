"""Validation rules: ID numbers, phone numbers and the generic field checks."""

from __future__ import annotations

import random
from datetime import date

import pytest

from inspector.errors import FieldError, ValidationError
from inspector.validation import (
    IdNumberInfo,
    check_choice,
    check_id_number,
    check_mobile,
    check_phone,
    check_text,
    id_check_digit,
    normalize_id_number,
    normalize_mobile,
    normalize_phone,
    parse_id_number,
    raise_if_errors,
    require,
)

TODAY = date(2024, 6, 15)


def reference_check_digit(first17: str) -> str:
    """Independent ISO 7064 MOD 11-2: weight 2^(17-i) mod 11, check = (12 - S mod 11) mod 11."""
    s = sum(int(c) * pow(2, 17 - i, 11) for i, c in enumerate(first17))
    c = (12 - s % 11) % 11
    return "X" if c == 10 else str(c)


def make_id(region: str, birth: str, seq: str) -> str:
    first17 = region + birth + seq
    return first17 + reference_check_digit(first17)


def refusal(call, *args, **kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        call(*args, **kwargs)
    return info.value


def assert_private(err: ValidationError, field: str, value: str) -> None:
    """The message names the field and says nothing of the value itself."""
    assert [e.field for e in err.errors] == [field]
    message = str(err)
    assert field in message
    compact = "".join(value.split())
    for secret in {value, compact, compact.upper()} - {""}:
        assert secret not in message


# --- ID numbers -------------------------------------------------------------


def test_reference_check_digit_agrees_with_published_example():
    assert reference_check_digit("11010519491231002") == "X"


def test_id_check_digit_matches_independent_implementation():
    rng = random.Random(11643)
    for _ in range(2000):
        first17 = "".join(rng.choice("0123456789") for _ in range(17))
        assert id_check_digit(first17) == reference_check_digit(first17)


@pytest.mark.parametrize("bad", ["", "1234567890123456", "1101051949123100X", "１" * 17])
def test_id_check_digit_rejects_non_digits_as_programming_error(bad):
    with pytest.raises(ValueError):
        id_check_digit(bad)


def test_published_valid_number_parses():
    info = parse_id_number("11010519491231002X", today=TODAY)
    assert info == IdNumberInfo(birth_date=date(1949, 12, 31), gender="女", region="110105")


@pytest.mark.parametrize(
    ("number", "birth", "gender"),
    [
        (make_id("440305", "19850704", "124"), date(1985, 7, 4), "女"),
        (make_id("440305", "19850704", "131"), date(1985, 7, 4), "男"),
        (make_id("310101", "20000229", "007"), date(2000, 2, 29), "男"),
        (make_id("510104", "19000101", "017"), date(1900, 1, 1), "男"),
        (make_id("650102", "20240615", "046"), TODAY, "女"),
    ],
)
def test_generated_valid_numbers_parse(number, birth, gender):
    info = parse_id_number(number, today=TODAY)
    assert (info.birth_date, info.gender, info.region) == (birth, gender, number[:6])


def test_some_generated_number_ends_in_x():
    # Make sure the X branch is exercised by generated numbers too.
    seqs = (f"{n:03d}" for n in range(1000))
    number = next(n for n in (make_id("320102", "19770312", s) for s in seqs) if n[-1] == "X")
    assert parse_id_number(number, today=TODAY).birth_date == date(1977, 3, 12)


def test_lowercase_x_and_spaces_are_accepted_and_normalised():
    messy = " 110105 19491231 002x "
    assert parse_id_number(messy, today=TODAY).gender == "女"
    assert normalize_id_number(messy, today=TODAY) == "11010519491231002X"


def test_full_width_digits_from_chinese_ime_are_accepted():
    full_width = "１１０１０５１９４９１２３１００２Ｘ"
    assert normalize_id_number(full_width, today=TODAY) == "11010519491231002X"


def test_wrong_check_digit_is_refused():
    value = "110105194912310021"
    err = refusal(parse_id_number, value, today=TODAY)
    assert "校验位" in err.errors[0].reason
    assert_private(err, "id_number", value)


def test_every_single_digit_typo_is_caught():
    good = "11010519491231002X"
    for i in range(17):
        for d in "0123456789":
            if d == good[i]:
                continue
            typo = good[:i] + d + good[i + 1 :]
            assert check_id_number(typo, today=TODAY), typo


def test_impossible_date_is_refused():
    value = make_id("110105", "19900230", "001")  # 30 February
    err = refusal(parse_id_number, value, today=TODAY)
    assert "不是有效日期" in err.errors[0].reason
    assert_private(err, "id_number", value)


def test_future_birth_date_is_refused():
    value = make_id("110105", "20240616", "001")  # the day after TODAY
    err = refusal(parse_id_number, value, today=TODAY)
    assert "晚于今天" in err.errors[0].reason
    assert_private(err, "id_number", value)


def test_birth_before_1900_is_refused_even_with_a_valid_check_digit():
    value = "440524188001010014"  # published example, check digit correct, born 1880
    assert reference_check_digit(value[:17]) == value[17]
    err = refusal(parse_id_number, value, today=TODAY)
    assert "1900" in err.errors[0].reason
    assert_private(err, "id_number", value)


def test_today_defaults_to_the_real_date():
    assert parse_id_number("11010519491231002X").birth_date == date(1949, 12, 31)
    next_new_year = date.today().replace(day=1, month=1, year=date.today().year + 1)
    future = make_id("110105", next_new_year.strftime("%Y%m%d"), "001")
    assert check_id_number(future)


def test_fifteen_digit_legacy_number_is_refused_with_guidance():
    value = "110105491231002"
    err = refusal(parse_id_number, value, today=TODAY)
    reason = err.errors[0].reason
    assert "15位" in reason and "18位" in reason
    assert_private(err, "id_number", value)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1101051949123100", "18位"),
        ("1101051949123100211", "18位"),
        ("11010519491231002Y", "最后一位"),
        ("1101051949A231002X", "前17位"),
        ("X10105194912310021", "前17位"),
    ],
)
def test_malformed_numbers_are_refused(value, expected):
    err = refusal(parse_id_number, value, today=TODAY)
    assert expected in err.errors[0].reason
    assert_private(err, "id_number", value)


@pytest.mark.parametrize("value", [None, "", "   "])
def test_blank_id_number_is_required_when_parsing(value):
    err = refusal(parse_id_number, value, today=TODAY)
    assert err.errors == [FieldError("id_number", "必填")]


def test_blank_id_number_is_left_to_require_by_check():
    assert check_id_number("", today=TODAY) == []
    assert check_id_number(None, today=TODAY) == []


def test_non_text_id_number_is_refused():
    err = refusal(parse_id_number, 11010519491231002, today=TODAY)
    assert err.errors[0].reason == "应为文本"


def test_id_errors_use_the_field_key_given():
    value = "110105194912310021"
    errors = check_id_number(value, field="head_id_number", today=TODAY)
    assert [e.field for e in errors] == ["head_id_number"]
    err = refusal(normalize_id_number, value, field="tenant_id_number", today=TODAY)
    assert_private(err, "tenant_id_number", value)


# --- Phone numbers ----------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "13812345678",
        "138 1234 5678",
        "138-1234-5678",
        "+8613812345678",
        "+86 138 1234 5678",
        "8613812345678",
        "0086 13812345678",
        "(+86)13812345678",
        "１３８１２３４５６７８",
    ],
)
def test_mobile_numbers_normalise_to_eleven_digits(value):
    assert normalize_mobile(value) == "13812345678"
    assert normalize_phone(value) == "13812345678"
    assert check_mobile(value) == []
    assert check_phone(value) == []


@pytest.mark.parametrize("start", ["13", "14", "15", "16", "17", "18", "19"])
def test_mobile_prefixes_13_to_19_are_accepted(start):
    number = start + "912345678"
    assert normalize_mobile(number) == number


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("138123456789", "11位"),  # 12 digits
        ("1381234567", "11位"),  # 10 digits
        ("12812345678", "13至19"),  # starts with 12
        ("10812345678", "13至19"),
        ("1381234567a", "数字"),  # contains a letter
        ("138一二345678", "数字"),
        ("+86 12812345678", "13至19"),
    ],
)
def test_bad_mobile_numbers_are_refused(value, expected):
    for normalize in (normalize_mobile, normalize_phone):
        err = refusal(normalize, value)
        assert expected in err.errors[0].reason
        assert_private(err, "phone", value)
    assert [e.field for e in check_mobile(value, field="head_phone")] == ["head_phone"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("010-12345678", "010-12345678"),
        ("01012345678", "010-12345678"),
        ("0755 1234567", "0755-1234567"),
        ("0755-12345678", "0755-12345678"),
        ("(021)87654321", "021-87654321"),
        ("（021）87654321", "021-87654321"),
        ("(021) 87654321", "021-87654321"),
        ("02187654321", "021-87654321"),
        ("010-12345678-123", "010-12345678-123"),
        ("010-12345678 转 8001", "010-12345678-8001"),
        ("0571 8765432-12", "0571-8765432-12"),
    ],
)
def test_landlines_normalise_to_area_dash_number(value, expected):
    assert normalize_phone(value) == expected
    assert check_phone(value) == []


@pytest.mark.parametrize(
    "value",
    [
        "010-123456",  # local number too short
        "010-123456789",  # local number too long
        "010-02345678",  # local number starts with the trunk 0
        "0123-1234567",  # no area code 01 other than 010
        "001-12345678",
        "10-12345678",  # area code without its leading 0
        "010-1234567a",
        "010-12345678-1234567",  # extension too long
        "(021)",
        "hello",
        "+44 20 7946 0958",
    ],
)
def test_bad_landlines_are_refused(value):
    err = refusal(normalize_phone, value)
    assert "电话号码" in err.errors[0].reason or "手机号码" in err.errors[0].reason
    assert_private(err, "phone", value)
    assert len(check_phone(value)) == 1


@pytest.mark.parametrize("value", ["010-12345678", "(021)87654321", "0755 1234567"])
def test_check_mobile_refuses_landlines(value):
    err = refusal(normalize_mobile, value)
    assert "手机号码" in err.errors[0].reason
    assert_private(err, "phone", value)
    assert check_mobile(value)


@pytest.mark.parametrize("value", [None, "", "  "])
def test_blank_phone(value):
    assert check_phone(value) == []
    assert check_mobile(value) == []
    assert refusal(normalize_phone, value).errors == [FieldError("phone", "必填")]
    assert refusal(normalize_mobile, value).errors == [FieldError("phone", "必填")]


def test_non_text_phone_is_refused():
    assert check_phone(13812345678) == [FieldError("phone", "应为文本")]


# --- Generic rules ----------------------------------------------------------


def test_require_reports_missing_and_blank_fields_in_order():
    data = {"name": "张三", "phone": "  ", "address": None, "floors": 0, "tags": []}
    errors = require(data, ["name", "phone", "address", "id_number", "floors", "tags"])
    assert errors == [
        FieldError("phone", "必填"),
        FieldError("address", "必填"),
        FieldError("id_number", "必填"),
        FieldError("tags", "必填"),
    ]


def test_require_accepts_zero_and_false_as_answers():
    assert require({"floors": 0, "issued": False}, ["floors", "issued"]) == []


def test_check_choice():
    uses = {"自住", "出租", "群租", "空置", "商住混合"}
    assert check_choice("出租", uses, "housing_use") == []
    assert check_choice("", uses, "housing_use") == []
    assert check_choice(None, uses, "housing_use") == []
    errors = check_choice("别墅", uses, "housing_use")
    assert [e.field for e in errors] == ["housing_use"]
    assert "别墅" not in errors[0].reason
    assert check_choice(["出租"], uses, "housing_use")  # unhashable is refused, not a crash


def test_check_text():
    assert check_text("幸福路12号", "address", 10) == []
    assert check_text("一" * 10, "address", 10) == []
    assert check_text(None, "address", 10) == []
    errors = check_text("一" * 11, "address", 10)
    assert errors == [FieldError("address", "不能超过10个字符")]
    assert check_text(12, "address", 10) == [FieldError("address", "应为文本")]


def test_collected_errors_raise_together():
    data = {"name": "", "phone": "12812345678", "id_number": "110105194912310021"}
    errors = (
        require(data, ["name"])
        + check_phone(data["phone"])
        + check_id_number(data["id_number"], today=TODAY)
    )
    raise_if_errors([])  # nothing to report, nothing raised
    err = refusal(raise_if_errors, errors)
    assert set(err.reasons()) == {"name", "phone", "id_number"}
    assert data["phone"] not in str(err) and data["id_number"] not in str(err)
