"""Input validation shared by forms, importers and the server (DESIGN §4).

Validation lives here, in one place, so that a number refused by a form is
also refused by an importer and by the server, with the same message.

Conventions:

- ``check_*`` functions return a list of :class:`FieldError` (empty when the
  value is fine) so a form can collect every problem at once. They accept an
  empty value (None or blank) without complaint: presence is the job of
  :func:`require`, which keeps "必填" from being reported twice.
- ``parse_*`` / ``normalize_*`` functions raise :class:`ValidationError` and
  return the cleaned value to store. They refuse an empty value ("必填"),
  because they must return something.
- A reason is plain Simplified Chinese. The field key travels in
  ``FieldError.field``; the offending value never appears in a message,
  because it may be a resident's personal data.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from inspector.catalogues import codes, restricted_tags
from inspector.errors import FieldError, ValidationError

REQUIRED = "必填"
NOT_TEXT = "应为文本"

# --- ID numbers (GB 11643-1999) ---------------------------------------------

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK_CHARS = "10X98765432"  # index = weighted sum mod 11 (ISO 7064 MOD 11-2)
_ID_SHAPE = re.compile(r"[0-9]{17}[0-9X]")

# Nobody alive was born earlier, and GB 11643 numbers were only issued from 1999:
# an earlier birth date in a number is a typo, not a centenarian.
EARLIEST_BIRTH_DATE = date(1900, 1, 1)


@dataclass(frozen=True)
class IdNumberInfo:
    """What an 18-digit ID number says about its holder, so forms need not ask twice."""

    birth_date: date
    gender: str  # "男" or "女"
    region: str  # first 6 digits: administrative division code at issue


def id_check_digit(first17: str) -> str:
    """Check character for the first 17 digits (also used to make valid demo numbers).

    Raises ValueError (a programming error, not user input) unless given 17 ASCII digits.
    """
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError("first17 must be 17 ASCII digits")
    total = sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True))
    return _ID_CHECK_CHARS[total % 11]


def _clean(value: str) -> str:
    """Fold full-width characters (common from Chinese IMEs) and trim."""
    return unicodedata.normalize("NFKC", value).strip()


def _clean_id(value: str) -> str:
    return "".join(_clean(value).split()).upper()


def parse_id_number(
    value: str | None, field: str = "id_number", today: date | None = None
) -> IdNumberInfo:
    """Validate an 18-digit ID number and return what it encodes.

    Spaces are ignored and a lowercase x is read as X. Raises ValidationError
    with the first problem found; checks run from shape to date to check digit
    so the reason points at the most specific mistake.
    """

    def refuse(reason: str) -> ValidationError:
        return ValidationError(FieldError(field, reason))

    if value is None:
        raise refuse(REQUIRED)
    if not isinstance(value, str):
        raise refuse(NOT_TEXT)
    number = _clean_id(value)
    if not number:
        raise refuse(REQUIRED)
    if len(number) == 15 and number.isascii() and number.isdigit():
        raise refuse("不接受15位旧身份证号码，请填写18位身份证号码")
    if len(number) != 18:
        raise refuse("身份证号码应为18位")
    if not _ID_SHAPE.fullmatch(number):
        raise refuse("身份证号码前17位只能是数字，最后一位只能是数字或X")

    try:
        birth = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise refuse("身份证号码中的出生日期不是有效日期") from None
    if birth > (today or date.today()):
        raise refuse("身份证号码中的出生日期晚于今天")
    if birth < EARLIEST_BIRTH_DATE:
        raise refuse("身份证号码中的出生日期早于1900年1月1日")

    if id_check_digit(number[:17]) != number[17]:
        raise refuse("身份证号码校验位不正确，请核对号码")

    gender = "男" if int(number[16]) % 2 else "女"
    return IdNumberInfo(birth_date=birth, gender=gender, region=number[:6])


def normalize_id_number(
    value: str | None, field: str = "id_number", today: date | None = None
) -> str:
    """Validate an ID number and return the form to store: 18 characters, capital X."""
    parse_id_number(value, field, today)
    return _clean_id(value)  # type: ignore[arg-type]  # parse refused None


def check_id_number(
    value: str | None, field: str = "id_number", today: date | None = None
) -> list[FieldError]:
    """List form of :func:`parse_id_number`; an empty value is left to :func:`require`."""
    if _is_blank(value):
        return []
    try:
        parse_id_number(value, field, today)
    except ValidationError as e:
        return e.errors
    return []


# --- Phone numbers ----------------------------------------------------------

# Mobile: 11 digits starting 13-19, optionally behind +86 / 0086 / 86 (a bare 86
# is a prefix only when 11 digits follow; no mobile number itself starts with 8).
_MOBILE_PREFIX = re.compile(r"^(?:\+86|0086|86(?=[0-9]{11}$))")
_MOBILE_SEPARATORS = re.compile(r"[\s\-()]")
_MOBILE = re.compile(r"1[3-9][0-9]{9}")

# Landline: area code 010 or 02X (two digits after the 0), otherwise 0 plus three
# digits; the split is therefore unambiguous even without a separator. Then a
# 7-8 digit local number and an optional extension after "-", a space or "转".
_AREA = r"010|02[0-9]|0[3-9][0-9]{2}"
_LANDLINE = re.compile(
    rf"(?:\((?P<paren>{_AREA})\)|(?P<area>{_AREA}))[\s\-]*"
    r"(?P<local>[1-9][0-9]{6,7})"
    r"(?:(?:[\s\-]+|\s*转\s*)(?P<ext>[0-9]{1,6}))?"
)

_BAD_MOBILE_CHARS = "手机号码只能包含数字"
_BAD_MOBILE_LENGTH = "手机号码应为11位数字"
_BAD_MOBILE_START = "手机号码应以13至19开头"
_BAD_PHONE = "电话号码格式不正确：手机应为11位数字，座机应为区号加7至8位号码"


def _mobile_problem(compact: str) -> str | None:
    """Reason a separator-free string is not a mobile number, or None when it is."""
    digits = _MOBILE_PREFIX.sub("", compact)
    if not (digits.isascii() and digits.isdigit()):
        return _BAD_MOBILE_CHARS
    if len(digits) != 11:
        return _BAD_MOBILE_LENGTH
    if not _MOBILE.fullmatch(digits):
        return _BAD_MOBILE_START
    return None


def _required_text(value: object, field: str) -> str:
    if value is None:
        raise ValidationError(FieldError(field, REQUIRED))
    if not isinstance(value, str):
        raise ValidationError(FieldError(field, NOT_TEXT))
    text = _clean(value)
    if not text:
        raise ValidationError(FieldError(field, REQUIRED))
    return text


def normalize_mobile(value: str | None, field: str = "phone") -> str:
    """Validate a mainland mobile number and return its 11 digits."""
    compact = _MOBILE_SEPARATORS.sub("", _required_text(value, field))
    problem = _mobile_problem(compact)
    if problem:
        raise ValidationError(FieldError(field, problem))
    return _MOBILE_PREFIX.sub("", compact)


def normalize_phone(value: str | None, field: str = "phone") -> str:
    """Validate a mobile or landline number and return the form to store.

    Mobile → 11 digits; landline → "0AA-NNNNNNNN" or "0AAA-NNNNNNN", plus "-ext".
    """
    text = _required_text(value, field)
    landline = _LANDLINE.fullmatch(text)
    if landline:
        area = landline["paren"] or landline["area"]
        ext = f"-{landline['ext']}" if landline["ext"] else ""
        return f"{area}-{landline['local']}{ext}"
    compact = _MOBILE_SEPARATORS.sub("", text)
    if compact.startswith("0") and not compact.startswith("0086"):
        raise ValidationError(FieldError(field, _BAD_PHONE))
    problem = _mobile_problem(compact)
    if problem is None:
        return _MOBILE_PREFIX.sub("", compact)
    # Only a string that looks like a mobile gets the mobile-specific reason.
    looks_mobile = compact.startswith(("1", "+86", "86"))
    raise ValidationError(FieldError(field, problem if looks_mobile else _BAD_PHONE))


def check_mobile(value: str | None, field: str = "phone") -> list[FieldError]:
    """List form of :func:`normalize_mobile`; an empty value is left to :func:`require`."""
    return _as_list(normalize_mobile, value, field)


def check_phone(value: str | None, field: str = "phone") -> list[FieldError]:
    """List form of :func:`normalize_phone`; an empty value is left to :func:`require`."""
    return _as_list(normalize_phone, value, field)


def _as_list(normalize: Callable[[str, str], str], value: object, field: str) -> list[FieldError]:
    if _is_blank(value):
        return []
    try:
        normalize(value, field)
    except ValidationError as e:
        return e.errors
    return []


# --- Generic field rules ----------------------------------------------------


def _is_blank(value: object) -> bool:
    """None, whitespace-only text or an empty collection: nothing was entered."""
    if value is None:
        return True
    if isinstance(value, str):
        return not _clean(value)
    if isinstance(value, Collection):
        return len(value) == 0
    return False


def require(data: Mapping[str, object], fields: Iterable[str]) -> list[FieldError]:
    """One "必填" error per required field that is missing, None, blank or empty.

    0 and False count as given: they are answers, not omissions.
    """
    return [FieldError(f, REQUIRED) for f in fields if _is_blank(data.get(f))]


def check_choice(value: object, allowed: Collection[str], field: str) -> list[FieldError]:
    """Refuse a value that is not in its catalogue (e.g. housing use, issue category)."""
    if _is_blank(value):
        return []
    if not isinstance(value, str) or value not in allowed:
        return [FieldError(field, "不在可选范围内，请从列表中选择")]
    return []


def check_text(value: object, field: str, max_len: int) -> list[FieldError]:
    """Refuse text longer than the column or the form allows (counted in characters)."""
    if value is None:
        return []
    if not isinstance(value, str):
        return [FieldError(field, NOT_TEXT)]
    if len(value) > max_len:
        return [FieldError(field, f"不能超过{max_len}个字符")]
    return []


def raise_if_errors(errors: Iterable[FieldError]) -> None:
    """Turn collected ``check_*`` results into one ValidationError, or do nothing."""
    errors = list(errors)
    if errors:
        raise ValidationError(errors)


# --- Whole records ------------------------------------------------------------
# One function per register record, used by services, importers and the server,
# so a household refused by a form is refused everywhere with the same reasons.


def _optional_phone(data: Mapping[str, object], key: str, errors: list[FieldError]) -> str | None:
    value = data.get(key)
    if _is_blank(value):
        return None
    found = check_phone(value, key)  # type: ignore[arg-type]
    errors += found
    return None if found else normalize_phone(value, key)  # type: ignore[arg-type]


def _text(data: Mapping[str, object], key: str) -> str | None:
    value = data.get(key)
    return value.strip() if isinstance(value, str) and value.strip() else None


def clean_household(data: Mapping[str, object]) -> dict[str, object]:
    """A household form's fields checked and normalised; ValidationError lists every problem."""
    errors = require(data, ("grid_id", "door_no", "address", "housing_use"))
    errors += check_choice(
        data.get("housing_use"), codes("resident_tags", "housing_uses"), "housing_use"
    )
    for key, limit in (("door_no", 32), ("address", 200), ("head_name", 50), ("landlord_name", 50)):
        errors += check_text(data.get(key), key, limit)
    out: dict[str, object] = {
        k: _text(data, k) for k in ("door_no", "address", "head_name", "landlord_name", "notes")
    }
    out["phone"] = _optional_phone(data, "phone", errors)
    out["landlord_phone"] = _optional_phone(data, "landlord_phone", errors)
    if data.get("housing_use") in ("rented", "group_rental") and _is_blank(
        data.get("landlord_name")
    ):
        errors.append(FieldError("landlord_name", "出租房屋须填写房东姓名"))
    raise_if_errors(errors)
    out.update(
        grid_id=data["grid_id"],
        building_id=data.get("building_id") or None,
        housing_use=data["housing_use"],
        rental=data.get("rental") or None,
        contact_card=bool(data.get("contact_card")),
    )
    return out


def _check_tags(tags: object, field: str, restricted: bool) -> list[FieldError]:
    if tags is None:
        return []
    if not isinstance(tags, list | tuple):
        return [FieldError(field, "应为标签列表")]
    allowed = codes("resident_tags", "tags")
    for tag in tags:
        code = tag.get("code") if isinstance(tag, dict) else tag
        if code not in allowed:
            return [FieldError(field, "含有目录中没有的标签")]
        if (code in restricted_tags()) != restricted:
            return [FieldError(field, "关注标签与受限标签不能混放")]
    return []


def clean_resident(data: Mapping[str, object], today: date | None = None) -> dict[str, object]:
    """A resident form's fields checked and normalised, gender and birth date derived
    from the ID number; ValidationError lists every problem."""
    errors = require(data, ("name", "id_number", "relation", "residence_type"))
    errors += check_text(data.get("name"), "name", 50)
    errors += check_choice(data.get("relation"), codes("resident_tags", "relations"), "relation")
    errors += check_choice(
        data.get("residence_type"), codes("resident_tags", "residence_types"), "residence_type"
    )
    errors += check_choice(
        data.get("employment"), codes("resident_tags", "employment_statuses"), "employment"
    )
    errors += _check_tags(data.get("care_tags"), "care_tags", restricted=False)
    errors += _check_tags(data.get("restricted_tags"), "restricted_tags", restricted=True)
    for kind in data.get("insurance") or ():
        if kind not in codes("resident_tags", "insurance_kinds"):
            errors.append(FieldError("insurance", "含有目录中没有的险种"))
            break
    info = None
    if not _is_blank(data.get("id_number")):
        try:
            info = parse_id_number(data["id_number"], today=today)  # type: ignore[arg-type]
        except ValidationError as exc:
            errors += exc.errors
    out: dict[str, object] = {k: _text(data, k) for k in ("name", "domicile", "notes")}
    out["phone"] = _optional_phone(data, "phone", errors)
    raise_if_errors(errors)
    assert info is not None
    out.update(
        id_number=normalize_id_number(data["id_number"], today=today),  # type: ignore[arg-type]
        gender=info.gender,
        birth_date=info.birth_date,
        relation=data["relation"],
        residence_type=data["residence_type"],
        employment=data.get("employment") or None,
        temporary=data.get("temporary") or None,
        insurance=list(data.get("insurance") or []) or None,
        care_tags=list(data.get("care_tags") or []) or None,
        restricted_tags=list(data.get("restricted_tags") or []) or None,
    )
    return out
