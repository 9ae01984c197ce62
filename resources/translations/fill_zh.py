"""Collect the source strings, fill the zh_CN .ts file from the tables in zh_CN/, build the .qm.

Each area of the app keeps its English → Chinese pairs in its own zh_CN/<area>.json,
so people working on different pages never edit the same table. Run:
    .venv/bin/python resources/translations/fill_zh.py
It fails and names every source string that has no Chinese yet.
"""

import json
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

zh: dict[str, str] = {}
for table in sorted((here / "zh_CN").glob("*.json")):
    zh.update(json.loads(table.read_text(encoding="utf-8")))

tree = ET.parse(ts)
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
