"""The register workbook's layout, shared by the export and the import so a file round-trips.

Two sheets, 住户 (households) and 人口 (residents), linked by 户编号: the household's
record id in an export, any text the user likes in a file made by hand. Codes travel
as their catalogue names (自住, 本人, 低保 …); an import takes the name or the code.
Each column has the header the export writes plus the names other registers use for
it, so a file made elsewhere is read by its headers, not by the position of its columns.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from ..catalogues import load_catalogue
from ..disclosure import ID_NUMBER, PHONE_FIELDS, is_masked
from ..errors import FieldError, ValidationError
from .policy import restricted_column

HOUSEHOLD_SHEET = "住户"
RESIDENT_SHEET = "人口"
NOTES_SHEET = "说明"


@dataclass(frozen=True)
class Column:
    """One column: where its value lives (`key`; "rental.tenants" is a key of a JSON field),
    its header, its width in Excel's units (a Chinese character takes two) and how
    cells are read and written."""

    key: str
    header: str
    width: int
    kind: str = "text"  # text, id, date, bool, int, choice, choices, tags
    group: str | None = None  # resident_tags group of a choice(s) column
    required: bool = False
    aliases: tuple[str, ...] = ()
    derived: bool = False  # written for people to read, never imported
    restricted: bool = False  # only for roles that may see restricted tags


HOUSEHOLD_COLUMNS = (
    Column("key", "户编号", 38, required=True, aliases=("户号", "住户编号")),
    Column("grid_code", "网格编码", 16),
    Column("grid_name", "网格", 18, aliases=("所属网格", "网格名称")),
    Column("building_code", "楼栋编码", 16),
    Column("building_name", "楼栋", 18, aliases=("楼栋名称", "院落")),
    Column("door_no", "门牌号", 14, required=True, aliases=("门牌", "房号", "室号")),
    Column("address", "地址", 50, required=True, aliases=("住址", "详细地址", "房屋地址")),
    Column("housing_use", "住房用途", 10, "choice", "housing_uses", required=True,
           aliases=("房屋用途", "住房状态", "房屋状态")),
    Column("head_name", "户主姓名", 10, aliases=("户主",)),
    Column("phone", "联系电话", 14, aliases=("电话", "手机", "联系方式", "户主电话")),
    Column("landlord_name", "房东姓名", 10, aliases=("房东", "房主姓名")),
    Column("landlord_phone", "房东电话", 14, aliases=("房主电话",)),
    Column("rental.tenants", "租住人数", 9, "int", aliases=("租户人数",)),
    Column("rental.lease_until", "租约到期", 12, "date", aliases=("租期至", "租赁到期")),
    Column("rental.registered", "租赁已登记", 10, "bool", aliases=("租赁登记",)),
    Column("contact_card", "联系卡", 8, "bool", aliases=("已发联系卡", "发放联系卡")),
    Column("last_visit_at", "最近走访", 12, "date", derived=True),
    Column("notes", "备注", 30),
)

RESIDENT_COLUMNS = (
    Column("household_key", "户编号", 38, required=True, aliases=("户号", "住户编号")),
    Column("name", "姓名", 10, required=True),
    Column("id_number", "身份证号", 21, "id", required=True,
           aliases=("身份证号码", "公民身份号码", "证件号码")),
    Column("gender", "性别", 6, derived=True),
    Column("birth_date", "出生日期", 12, "date", derived=True),
    Column("phone", "联系电话", 14, aliases=("电话", "手机", "联系方式")),
    Column("relation", "与户主关系", 12, "choice", "relations", required=True,
           aliases=("关系", "与户主的关系")),
    Column("domicile", "户籍地址", 30, aliases=("户籍地", "户籍所在地")),
    Column("residence_type", "居住类型", 10, "choice", "residence_types", required=True,
           aliases=("人口类型", "人员类型")),
    Column("temporary.permit_no", "暂住证号", 14, aliases=("居住证号",)),
    Column("temporary.arrived", "来本地日期", 12, "date", aliases=("来本地时间", "暂住时间")),
    Column("temporary.reason", "暂住事由", 10, "choice", "residence_reasons",
           aliases=("事由", "来本地事由")),
    Column("temporary.until", "暂住到期", 12, "date", aliases=("暂住证到期",)),
    Column("employment", "就业状况", 12, "choice", "employment_statuses",
           aliases=("就业情况", "职业状况")),
    Column("insurance", "参保情况", 28, "choices", "insurance_kinds", aliases=("参保",)),
    Column("care_tags", "关注标签", 24, "tags", aliases=("人员标签", "关爱标签")),
    Column("restricted_tags", "受限标签", 16, "tags", restricted=True),
    Column("notes", "备注", 30),
)

# A household names its grid by code or by name; one of the two columns must be there.
GRID_KEYS = ("grid_code", "grid_name")
# Details a tag may carry ({"code": "disability", "category": ..., "grade": ...}).
TAG_DETAILS = {"category": "disability_categories", "grade": "disability_grades"}
# Model fields the validation names that have no column of their own.
FIELD_COLUMNS = {"grid_id": "grid_name", "building_id": "building_code",
                 "rental": "rental.tenants", "temporary": "temporary.permit_no"}

YES, NO = "是", "否"
_TRUE = {"是", "有", "已发", "已登记", "y", "yes", "true", "1", "√"}
_FALSE = {"否", "无", "未发", "未登记", "n", "no", "false", "0", "×"}
_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d")
_LIST_SEPARATORS = "、,;"  # after NFKC folding: 、 ， ； all end up here
_TAG = re.compile(r"\s*([^()]+?)\s*(?:\((.*)\))?\s*")


def columns(entity: str, role: str) -> tuple[Column, ...]:
    """A sheet's columns as this role writes and reads them."""
    every = HOUSEHOLD_COLUMNS if entity == "household" else RESIDENT_COLUMNS
    shown = restricted_column(role)
    return tuple(c for c in every if shown or not c.restricted)


def header_of(entity: str, field: str) -> str:
    """The header a problem with a model field is shown under."""
    key = FIELD_COLUMNS.get(field, field)
    every = HOUSEHOLD_COLUMNS if entity == "household" else RESIDENT_COLUMNS
    return next((c.header for c in every if c.key == key), field)


def fold(text: str) -> str:
    """Full-width to half-width (Chinese input methods), trimmed."""
    return unicodedata.normalize("NFKC", text).strip()


def normal_header(text: object) -> str:
    """A header as matched: folded, no spaces, without a "*" or "(必填)" mark."""
    if not isinstance(text, str):
        return ""
    out = "".join(fold(text).split())
    return out.replace("(必填)", "").replace("(选填)", "").strip("*")


def match_headers(cells: Sequence[object], cols: Sequence[Column]
                  ) -> tuple[dict[int, Column], list[str], list[str]]:
    """Positions of the columns to read; other headers (derived columns of this layout
    are read by nobody and not listed); headers that appear twice."""
    names = {normal_header(name): c for c in cols for name in (c.header, *c.aliases)}
    found: dict[int, Column] = {}
    unused, twice = [], []
    taken: set[str] = set()
    for i, cell in enumerate(cells):
        header = normal_header(cell)
        column = names.get(header)
        if column is None:
            if header:
                unused.append(str(cell).strip())
        elif column.derived:
            continue
        elif column.key in taken:
            twice.append(column.header)
        else:
            taken.add(column.key)
            found[i] = column
    return found, unused, twice


# ---------------------------------------------------------------- catalogue names


@cache
def _values(group: str) -> tuple[Mapping[str, Any], ...]:
    return load_catalogue("resident_tags").members(group)


def name_of(group: str, code: str) -> str:
    """The catalogue name of a code; the code itself when the catalogue no longer has it."""
    return next((str(v["name"]) for v in _values(group) if v["code"] == code), code)


@cache
def _codes_by_name(group: str) -> dict[str, str]:
    out = {fold(str(v["code"])).lower(): str(v["code"]) for v in _values(group)}
    out.update({fold(str(v["name"])): str(v["code"]) for v in _values(group)})
    return out


def code_of(group: str, text: str) -> str:
    """The code for a name or a code; unknown text comes back as it is, for
    `inspector.validation` to refuse with its own words."""
    folded = fold(text)
    return _codes_by_name(group).get(folded) or _codes_by_name(group).get(folded.lower(), text)


def tag_text(tags: Iterable[Any] | None) -> str:
    """Tags as one cell: 低保、残疾（肢体，二级）."""
    parts = []
    for tag in tags or ():
        code = tag["code"] if isinstance(tag, dict) else tag
        name = name_of("tags", code)
        if isinstance(tag, dict):
            details = [name_of(group, tag[key]) for key, group in TAG_DETAILS.items()
                       if tag.get(key)]
            if details:
                name += "（" + "，".join(details) + "）"
        parts.append(name)
    return "、".join(parts)


def _split(text: str) -> list[str]:
    """Split a list cell at separators outside parentheses."""
    parts, depth, current = [], 0, []
    for ch in text:
        depth += (ch == "(") - (ch == ")")
        if depth == 0 and ch in _LIST_SEPARATORS:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def parse_tags(text: str, field: str) -> list[Any]:
    tags: list[Any] = []
    for part in _split(fold(text)):
        found = _TAG.fullmatch(part)
        if found is None:
            raise ValidationError(FieldError(field, "标签写法不正确，应为“标签名（类别，等级）”"))
        code = code_of("tags", found[1])
        if not found[2]:
            tags.append(code)
            continue
        tag: dict[str, str] = {"code": code}
        for detail in _split(found[2]):
            key = next((k for k, g in TAG_DETAILS.items()
                        if fold(detail) in _codes_by_name(g)), None)
            if key is None:
                raise ValidationError(FieldError(field, "标签括号中的类别或等级不在目录中"))
            tag[key] = code_of(TAG_DETAILS[key], detail)
        tags.append(tag)
    return tags


# ---------------------------------------------------------------- cells out and in


def cell_out(column: Column, value: Any) -> Any:
    """A stored value as the export writes it: names for codes, real dates, 是/否."""
    if value is None or value == "" or value == []:
        return None
    if column.kind == "bool":
        return YES if value else NO
    if column.kind == "choice":
        return name_of(column.group, value)  # type: ignore[arg-type]
    if column.kind == "choices":
        return "、".join(name_of(column.group, v) for v in value)  # type: ignore[arg-type]
    if column.kind == "tags":
        return tag_text(value)
    if column.kind == "date":
        return _as_date(value)
    return value


def _as_date(value: Any) -> Any:
    if isinstance(value, datetime):
        return (value.astimezone() if value.tzinfo else value).date()
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value  # not a date after all: shown as the text it is
    return value


def _text(value: object) -> str | None:
    """A cell as text; Excel turns digits typed into a cell into numbers."""
    if value is None:
        return None
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime | date):
        value = value.isoformat()
    text = str(value).strip()
    return text or None


def cell_in(column: Column, value: object) -> Any:
    """A cell read back into the stored form; ValidationError names the column's field."""
    def refuse(reason: str) -> ValidationError:
        return ValidationError(FieldError(column.key, reason))

    if column.kind == "id" and isinstance(value, int | float) and not isinstance(value, bool):
        raise refuse("身份证号被 Excel 存成了数字，末几位已丢失；请把该列设为文本后重新填写")
    text = _text(value)
    if text is None:
        return None
    if column.key == ID_NUMBER and is_masked(text):
        raise refuse("身份证号已打码，不能导入；请使用含完整号码的导出文件")
    if column.key in PHONE_FIELDS and is_masked(text):
        raise refuse("电话号码已打码，不能导入；请使用含完整号码的导出文件")
    if column.kind == "bool":
        word = fold(text).lower()
        if word in _TRUE or word in _FALSE:
            return word in _TRUE
        raise refuse("应填“是”或“否”")
    if column.kind == "int":
        if isinstance(value, int | float) and float(value).is_integer() and value >= 0:
            return int(value)
        if fold(text).isdigit():
            return int(fold(text))
        raise refuse("应为整数")
    if column.kind == "date":
        return _date_in(value, text, refuse)
    if column.kind == "choice":
        return code_of(column.group, text)  # type: ignore[arg-type]
    if column.kind == "choices":
        return [code_of(column.group, part) for part in _split(fold(text))]  # type: ignore[arg-type]
    if column.kind == "tags":
        return parse_tags(text, column.key)
    return text


def _date_in(value: object, text: str, refuse: Any) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(fold(text), pattern).date().isoformat()
        except ValueError:
            continue
    raise refuse("日期格式不正确，应为“年-月-日”，如 2025-03-01")
