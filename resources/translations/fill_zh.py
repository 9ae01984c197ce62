"""Fill the zh_CN .ts file from the table below, then build the .qm.

Run after pyside6-lupdate has added new source strings:
    .venv/bin/pyside6-lupdate ui/*.py -ts resources/translations/grid_inspector_zh_CN.ts
    .venv/bin/python resources/translations/fill_zh.py
"""

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ZH = {
    "Grid Inspector": "网格巡查",
    "Demo mode — fictional data for training only": "演示模式 — 虚构数据，仅供培训使用",
    "Area": "区域",
    "Households": "户数",
    "Residents": "人数",
    "Open cases": "在办案件",
    "Overdue": "超期",
    "Loading…": "正在加载…",
    "Pending changes: %n": "待同步：%n 条",
    "Ready": "就绪",
    "Could not open the profile: %1": "无法打开档案：%1",
}

here = Path(__file__).parent
ts = here / "grid_inspector_zh_CN.ts"
tree = ET.parse(ts)
missing = []
for message in tree.iter("message"):
    source = message.findtext("source")
    translation = message.find("translation")
    if source in ZH:
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            for form in list(translation):
                translation.remove(form)
            ET.SubElement(translation, "numerusform").text = ZH[source]
        else:
            translation.text = ZH[source]
    else:
        missing.append(source)
tree.write(ts, encoding="utf-8", xml_declaration=True)
if missing:
    sys.exit(f"no Chinese for: {missing}")
lrelease = Path(sys.executable).with_name("pyside6-lrelease")
subprocess.run([str(lrelease), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
