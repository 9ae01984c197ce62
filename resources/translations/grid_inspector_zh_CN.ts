<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>IssuesPage</name>
    <message>
        <location filename="../../ui/pages/issues.py" line="13" />
        <source>Issues</source>
        <translation>事件</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="38" />
        <source>Grid Inspector</source>
        <translation>网格巡查</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="45" />
        <source>Demo mode — fictional data for training only</source>
        <translation>演示模式 — 虚构数据，仅供培训使用</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="70" />
        <source>%1 (Ctrl+%2)</source>
        <translation>%1（Ctrl+%2）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="120" />
        <source>Never synced</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="122" />
        <source>Last sync: %1</source>
        <translation>上次同步：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="127" />
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="130" />
        <source>○ Offline</source>
        <translation>○ 离线</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="118" />
        <source>Pending changes: %n</source>
        <translation>
            <numerusform>待同步：%n 条</numerusform></translation>
    </message>
</context>
<context>
    <name>MapPage</name>
    <message>
        <location filename="../../ui/pages/map.py" line="13" />
        <source>Map</source>
        <translation>地图</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../ui/pages/overview.py" line="23" />
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="23" />
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="23" />
        <source>Residents</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="24" />
        <source>Open cases</source>
        <translation>在办案件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="24" />
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="34" />
        <source>Overview</source>
        <translation>概览</translation>
    </message>
</context>
<context>
    <name>PatrolsPage</name>
    <message>
        <location filename="../../ui/pages/patrols.py" line="13" />
        <source>Patrols</source>
        <translation>巡查</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <location filename="../../ui/pages/register.py" line="13" />
        <source>Register</source>
        <translation>台账</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../ui/pages/sync.py" line="13" />
        <source>Sync</source>
        <translation>同步</translation>
    </message>
</context>
<context>
    <name>TasksPage</name>
    <message>
        <location filename="../../ui/pages/tasks.py" line="13" />
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <location filename="../../ui/pages/visits.py" line="13" />
        <source>Visits</source>
        <translation>走访</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="144" />
        <source>Could not open the profile: %1</source>
        <translation>无法打开档案：%1</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../ui/labels.py" line="19" />
        <source>Grid worker</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="20" />
        <source>Community staff</source>
        <translation>社区工作人员</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="21" />
        <source>Supervisor</source>
        <translation>监督员</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="22" />
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="25" />
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="26" />
        <source>Reported</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="27" />
        <source>Accepted</source>
        <translation>已立案</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="28" />
        <source>Rejected</source>
        <translation>不予立案</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="29" />
        <source>Dispatched</source>
        <translation>已派遣</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="30" />
        <source>Handled</source>
        <translation>已处置</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="31" />
        <source>Handled on the spot</source>
        <translation>现场处置</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="32" />
        <source>Verifying</source>
        <translation>核查中</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="33" />
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="34" />
        <source>Evaluated</source>
        <translation>已回访</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="39" />
        <source>Simple</source>
        <translation>简单</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="40" />
        <source>Ordinary</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="41" />
        <source>Key</source>
        <translation>重点</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="42" />
        <source>Difficult</source>
        <translation>疑难</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="45" />
        <source>Extremely serious</source>
        <translation>特别重大</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="46" />
        <source>Very serious</source>
        <translation>重大</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="47" />
        <source>Serious</source>
        <translation>较大</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="48" />
        <source>General</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="49" />
        <source>Minor</source>
        <translation>影响较小</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="52" />
        <source>Patrol</source>
        <translation>巡查</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="53" />
        <source>Visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="54" />
        <source>Reported by the public</source>
        <translation>群众反映</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="55" />
        <source>12345 hotline</source>
        <translation>12345热线</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="56" />
        <source>Assigned from above</source>
        <translation>上级交办</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="59" />
        <source>Morning</source>
        <translation>早</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="60" />
        <source>Midday</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="61" />
        <source>Evening</source>
        <translation>晚</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="64" />
        <source>Scheduled patrol</source>
        <translation>定时巡查</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="65" />
        <source>Unscheduled patrol</source>
        <translation>不定时巡查</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="68" />
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="69" />
        <source>Fixed on the spot</source>
        <translation>现场整改</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="70" />
        <source>Problem found</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="71" />
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="74" />
        <source>Urban works and environment</source>
        <translation>城建环保</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="75" />
        <source>Social affairs</source>
        <translation>社会事务</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="76" />
        <source>Hardship relief</source>
        <translation>困难救助</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="77" />
        <source>Economic development</source>
        <translation>经济发展</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="78" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="81" />
        <source>Routine visit</source>
        <translation>日常走访</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="82" />
        <source>Home check</source>
        <translation>入户核查</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="83" />
        <source>Follow-up visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="84" />
        <source>Assistance visit</source>
        <translation>帮扶</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="87" />
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="88" />
        <source>Mostly satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="89" />
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
</context>
</TS>