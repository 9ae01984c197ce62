<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="23" />
        <source>Grid Inspector</source>
        <translation>网格巡查</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="29" />
        <source>Demo mode — fictional data for training only</source>
        <translation>演示模式 — 虚构数据，仅供培训使用</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="36" />
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="36" />
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="36" />
        <source>Residents</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="37" />
        <source>Open cases</source>
        <translation>在办案件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="37" />
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="44" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="61" />
        <source>Pending changes: %n</source>
        <translation>
            <numerusform>待同步：%n 条</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="62" />
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
</context>
<context>
    <name>window</name>
    <message>
        <location filename="../../ui/app.py" line="81" />
        <source>Could not open the profile: %1</source>
        <translation>无法打开档案：%1</translation>
    </message>
</context>
</TS>