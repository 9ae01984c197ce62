"""Collect the source strings, fill the zh_CN .ts file from the tables in zh_CN/, build the .qm.

Each area of the app keeps its English → Chinese pairs in its own zh_CN/<area>.json,
so people working on different pages never edit the same table. Run:
    .venv/bin/python resources/translations/fill_zh.py
It fails and names every source string that has no Chinese yet.
"""

import copy
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

here = Path(__file__).parent
root = here.parent.parent
ts = here / "grid_inspector_zh_CN.ts"
tools = Path(sys.executable).parent

sources = sorted(str(p.relative_to(root)) for p in (root / "ui").rglob("*.py"))
subprocess.run([str(tools / "pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(ts)],
               check=True, cwd=root, stdout=subprocess.DEVNULL)


_WRAPPER = re.compile(r"def _?tr\(.*?\n(?:\s+\"\"\".*?\"\"\"\n)?\s+return "
                      r"QCoreApplication\.translate\(\"(\w+)\"")
_IMPORTED = re.compile(r"from (\.+)([\w.]*) import (\([^)]*\)|[^\n]*)")


def _wrapper_context(source: Path) -> str | None:
    """The context of the `tr`/`_tr` helper a module defines or imports.

    Modules translate through a helper (`def _tr(text): return translate("ctx", text)`);
    lupdate cannot see through it and files those strings under an empty context.
    """
    text = source.read_text(encoding="utf-8")
    found = _WRAPPER.search(text)
    if found:
        return found.group(1)
    for imported in _IMPORTED.finditer(text):
        if not re.search(r"\b_?tr\b", imported.group(3)):
            continue
        folder = source.parent
        for _ in range(len(imported.group(1)) - 1):
            folder = folder.parent
        module = folder.joinpath(*imported.group(2).split(".")).with_suffix(".py")
        if module.exists():
            return _wrapper_context(module)
    return None


def _place_wrapped(tree: ET.ElementTree) -> None:
    """lupdate files `_tr("…")` calls under an empty context; move each to its module's context."""
    top = tree.getroot()
    contexts = {c.findtext("name"): c for c in top.iter("context")}
    empty = contexts.get("")
    if empty is None:
        return
    for message in list(empty.findall("message")):
        for location in message.findall("location"):
            name = _wrapper_context((ts.parent / location.get("filename")).resolve())
            if name is None:
                sys.exit(f"cannot tell the context of a string in {location.get('filename')}")
            context = contexts.get(name)
            if context is None:
                context = ET.SubElement(top, "context")
                ET.SubElement(context, "name").text = name
                contexts[name] = context
            source = message.findtext("source")
            if not any(m.findtext("source") == source for m in context.findall("message")):
                context.append(copy.deepcopy(message))
        empty.remove(message)
    if not empty.findall("message"):
        top.remove(empty)


zh: dict[str, str] = {}
for table in sorted((here / "zh_CN").glob("*.json")):
    zh.update(json.loads(table.read_text(encoding="utf-8")))

tree = ET.parse(ts)
_place_wrapped(tree)
missing = []
for message in tree.iter("message"):
    source = message.findtext("source")
    translation = message.find("translation")
    if source in zh:
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            for form in list(translation):
                translation.remove(form)
            ET.SubElement(translation, "numerusform").text = zh[source]
        else:
            translation.text = zh[source]
    else:
        missing.append(source)
tree.write(ts, encoding="utf-8", xml_declaration=True)
if missing:
    sys.exit("no Chinese for:\n" + "\n".join(sorted(set(missing))))
subprocess.run([str(tools / "pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))],
               check=True, stdout=subprocess.DEVNULL)
