<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/about.py" line="47" />
        <source>About Grid Inspector</source>
        <translation>关于网格巡查</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="51" />
        <source>Grid Inspector %1</source>
        <translation>网格巡查 %1</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="54" />
        <source>Offline field work for grid inspectors: the register, patrols, visits and cases, synced with the district's server.</source>
        <translation>供网格员离线使用的工作软件：台账、巡查、走访和事件，与区级服务器同步。</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="61" />
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="65" />
        <source>Profile schema</source>
        <translation>档案结构版本</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="65" />
        <location filename="../../ui/about.py" line="91" />
        <source>reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="72" />
        <source>This profile</source>
        <translation>本档案</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="72" />
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="73" />
        <source>Logs and crash reports</source>
        <translation>日志和崩溃报告</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="78" />
        <source>Proprietary software. Built with Qt for Python (PySide6, LGPLv3), SQLite (public domain), SQLCipher (BSD), SQLAlchemy and Alembic (MIT), and Font Awesome icons through qtawesome (icons CC BY 4.0, code MIT).</source>
        <translation>专有软件。使用了 Qt for Python（PySide6，LGPLv3）、SQLite（公有领域）、SQLCipher（BSD）、SQLAlchemy 和 Alembic（MIT），以及通过 qtawesome 提供的 Font Awesome 图标（图标 CC BY 4.0，代码 MIT）。</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="102" />
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="115" />
        <source>unknown (the profile is locked)</source>
        <translation>未知（档案已锁定）</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="118" />
        <source>%1 (encrypted)</source>
        <translation>%1（已加密）</translation>
    </message>
    <message>
        <location filename="../../ui/about.py" line="118" />
        <source>%1 (not encrypted)</source>
        <translation>%1（未加密）</translation>
    </message>
</context>
<context>
    <name>CategoryTree</name>
    <message>
        <location filename="../../ui/issues/category_tree.py" line="26" />
        <source>Type to find a category, e.g. 井盖</source>
        <translation>输入文字查找分类，例如：井盖</translation>
    </message>
</context>
<context>
    <name>ChecklistRow</name>
    <message>
        <location filename="../../ui/patrols/checklist.py" line="157" />
        <source>Note (optional)</source>
        <translation>备注（可不填）</translation>
    </message>
    <message>
        <location filename="../../ui/patrols/checklist.py" line="214" />
        <source>Recorded: %1</source>
        <translation>已记录：%1</translation>
    </message>
    <message>
        <location filename="../../ui/patrols/checklist.py" line="217" />
        <source>a case was reported</source>
        <translation>已上报事件</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../ui/crash.py" line="140" />
        <source>Grid Inspector — unexpected error</source>
        <translation>网格巡查 — 意外错误</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="149" />
        <source>Something unexpected went wrong while the app was starting, so it has to close. Your saved work is safe: nothing saved before is lost. Start the app again; if this keeps happening, send the report below to your administrator.</source>
        <translation>程序启动时发生了意外错误，需要关闭。已保存的工作是安全的：之前保存的内容都不会丢失。请重新启动程序；如果问题反复出现，请将下面的报告发送给您的管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="154" />
        <source>Something unexpected went wrong. Your saved work is safe: everything saved before this moment is in the database. You can keep working; if it happens again, restart the app and send the report below to your administrator.</source>
        <translation>发生了意外错误。已保存的工作是安全的：此前保存的内容都在数据库中。您可以继续工作；如果再次出现，请重新启动程序，并将下面的报告发送给您的管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="165" />
        <source>A report was written. It holds no residents' personal data:</source>
        <translation>已写入一份报告，其中不含居民个人信息：</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="174" />
        <source>The report could not be written (see the log file).</source>
        <translation>报告未能写入（请查看日志文件）。</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="183" />
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="186" />
        <source>Copy path</source>
        <translation>复制路径</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="191" />
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <location filename="../../ui/crash.py" line="191" />
        <source>Continue working</source>
        <translation>继续工作</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/crash.py" line="204" />
        <source>%n more unexpected error(s) followed; their reports are in the same folder.</source>
        <translation>
            <numerusform>之后又发生了 %n 个意外错误，报告在同一文件夹中。</numerusform></translation>
    </message>
</context>
<context>
    <name>DailyLinesView</name>
    <message>
        <location filename="../../ui/dashboard/charts.py" line="112" />
        <source>Cases reported</source>
        <translation>上报事件</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/charts.py" line="113" />
        <source>Cases closed</source>
        <translation>结案事件</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/charts.py" line="129" />
        <source>Cases reported and closed per day</source>
        <translation>每日上报与结案数</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="72" />
        <source>Export PDF report…</source>
        <translation>导出 PDF 报表…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="88" />
        <source>By grid</source>
        <translation>按网格</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="89" />
        <source>By worker</source>
        <translation>按人员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="90" />
        <source>Device sync</source>
        <translation>设备同步</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="124" />
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="153" />
        <source>%1 grids · coverage measured at %2</source>
        <translation>%1 个网格 · 走访覆盖率统计至 %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="158" />
        <source>Reported %1</source>
        <translation>上报 %1 件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="159" />
        <source>Closed %1</source>
        <translation>结案 %1 件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="160" />
        <source>Closure rate %1</source>
        <translation>结案率 %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="161" />
        <source>On time %1</source>
        <translation>按时结案率 %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="162" />
        <source>Hours to close %1</source>
        <translation>平均办理 %1 小时</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="163" />
        <source>Patrols %1 (nothing checked: %2)</source>
        <translation>巡查 %1 次（巡而不查 %2 次）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="165" />
        <source>Visits %1</source>
        <translation>走访 %1 次</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="166" />
        <source>Households visited in 30 days %1, in 90 days %2</source>
        <translation>30天走访覆盖 %1，90天走访覆盖 %2</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="180" />
        <source>This profile has no server, so devices cannot report how their syncing stands. The figures above come from this computer.</source>
        <translation>此档案没有连接服务器，无法查看各设备的同步情况。上方的统计数据来自本机。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="183" />
        <source>Log in to the server (on the Sync page) to see how each device's syncing stands.</source>
        <translation>请先登录服务器（在“同步”页面），才能查看各设备的同步情况。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="186" />
        <source>The server cannot be reached, so device sync health is not known now. The figures above come from this computer and are shown.</source>
        <translation>现在连接不上服务器，暂时无法查看各设备的同步情况。上方的统计数据来自本机，照常显示。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="202" />
        <source>Writing the report…</source>
        <translation>正在生成报表…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="208" />
        <source>Report saved: %1</source>
        <translation>报表已保存：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/dashboard.py" line="214" />
        <source>The report was not saved: %1</source>
        <translation>报表未保存：%1</translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <location filename="../../ui/demo/banner.py" line="43" />
        <source>Demo mode — fictional data for training only</source>
        <translation>演示模式 — 虚构数据，仅供培训使用</translation>
    </message>
    <message>
        <location filename="../../ui/demo/banner.py" line="45" />
        <source>Act as</source>
        <translation>当前角色</translation>
    </message>
    <message>
        <location filename="../../ui/demo/banner.py" line="51" />
        <source>Each role works on its own demo laptop; sync to pass work between them</source>
        <translation>每个角色使用各自的演示电脑，通过同步传递工作</translation>
    </message>
    <message>
        <location filename="../../ui/demo/banner.py" line="55" />
        <source>Drills</source>
        <translation>练习</translation>
    </message>
    <message>
        <location filename="../../ui/demo/banner.py" line="56" />
        <source>Guided exercises with a check when done</source>
        <translation>带提示的练习，完成后自动判定</translation>
    </message>
    <message>
        <location filename="../../ui/demo/banner.py" line="59" />
        <source>Skip time</source>
        <translation>时间快进</translation>
    </message>
    <message>
        <location filename="../../ui/demo/banner.py" line="60" />
        <source>Let days pass for the open cases, so deadlines come near or pass</source>
        <translation>让在办案件的时间往后推，期限临近或超期</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/demo/banner.py" line="64" />
        <source>%n day(s) later</source>
        <translation>
            <numerusform>%n 天后</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/demo/banner.py" line="68" />
        <location filename="../../ui/demo/banner.py" line="86" />
        <source>Reset demo</source>
        <translation>重置演示</translation>
    </message>
    <message>
        <location filename="../../ui/demo/banner.py" line="69" />
        <source>Bring the demo community back to its first state</source>
        <translation>把演示社区恢复到初始状态</translation>
    </message>
    <message>
        <location filename="../../ui/demo/banner.py" line="87" />
        <source>Everything done in the demo since it was set up is removed, on every role's laptop and on the demo server. Reset now?</source>
        <translation>自演示建立以来所做的一切（各角色的电脑和演示服务器上）都将被清除。现在重置吗？</translation>
    </message>
</context>
<context>
    <name>DiagnosticsDialog</name>
    <message>
        <location filename="../../ui/diagnostics.py" line="37" />
        <source>Save the diagnostics file as</source>
        <translation>诊断文件另存为</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="39" />
        <source>Zip files (*.zip)</source>
        <translation>Zip 文件 (*.zip)</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="71" />
        <source>Export diagnostics</source>
        <translation>导出诊断信息</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="75" />
        <source>A diagnostics file helps support find out what went wrong. It holds the versions of the app and its libraries, this computer's system, your settings, how many records of each kind this profile has, the work waiting to be sent and the sync problems, the checks of the database and of the audit trail, and the log files and crash reports.

It never holds residents' data, photos, passwords or keys. Save it, then send it to your administrator.</source>
        <translation>诊断文件帮助技术支持查明问题原因。其中包括：本程序及其组件的版本、本机的操作系统、您的设置、本档案中各类记录的数量、待发送的工作和同步问题、数据库和审计记录的检查结果，以及日志文件和崩溃报告。

其中绝不包含居民信息、照片、密码或密钥。请保存后发送给您的管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="87" />
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="90" />
        <source>Open folder</source>
        <translation>打开文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="104" />
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="120" />
        <source>Saved %1 (%2 KB). Send this file to your administrator.</source>
        <translation>已保存 %1（%2 KB）。请将此文件发送给您的管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/diagnostics.py" line="127" />
        <source>The diagnostics file was not saved: %1</source>
        <translation>诊断文件未能保存：%1</translation>
    </message>
</context>
<context>
    <name>DrillPanel</name>
    <message>
        <location filename="../../ui/demo/drill_panel.py" line="75" />
        <source>Drills</source>
        <translation>练习</translation>
    </message>
    <message>
        <location filename="../../ui/demo/drill_panel.py" line="87" />
        <source>Start this drill</source>
        <translation>开始这个练习</translation>
    </message>
    <message>
        <location filename="../../ui/demo/drill_panel.py" line="95" />
        <source>Name of the person</source>
        <translation>此人的姓名</translation>
    </message>
    <message>
        <location filename="../../ui/demo/drill_panel.py" line="98" />
        <source>Check</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <location filename="../../ui/demo/drill_panel.py" line="115" />
        <source>Starting …</source>
        <translation>正在开始…</translation>
    </message>
    <message>
        <location filename="../../ui/demo/drill_panel.py" line="125" />
        <source>Go ahead: the steps tick off as you do them.</source>
        <translation>开始吧：每完成一步就会自动打勾。</translation>
    </message>
    <message>
        <location filename="../../ui/demo/drill_panel.py" line="139" />
        <source>Well done: the drill is complete.</source>
        <translation>做得好：练习已完成。</translation>
    </message>
    <message>
        <location filename="../../ui/demo/drill_panel.py" line="141" />
        <source>Not yet: step %1 is still to do.</source>
        <translation>还没有完成：第 %1 步尚未完成。</translation>
    </message>
</context>
<context>
    <name>ExportJob</name>
    <message>
        <location filename="../../ui/exchange/export_job.py" line="42" />
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/export_job.py" line="53" />
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/export_job.py" line="62" />
        <source>Writing %1: %2 of %3 rows</source>
        <translation>正在写入 %1：第 %2 行，共 %3 行</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/export_job.py" line="74" />
        <source>Exported %1 households and %2 residents to %3</source>
        <translation>已导出 %1 户、%2 人到 %3</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/export_job.py" line="78" />
        <source>Exported %1 cases to %2</source>
        <translation>已导出 %1 件案件到 %2</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/export_job.py" line="86" />
        <source>Export stopped; no file was written.</source>
        <translation>导出已停止，没有生成文件。</translation>
    </message>
</context>
<context>
    <name>FindingForm</name>
    <message>
        <location filename="../../ui/patrols/checklist.py" line="70" />
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../ui/patrols/checklist.py" line="72" />
        <source>What you saw</source>
        <translation>看到的情况</translation>
    </message>
    <message>
        <location filename="../../ui/patrols/checklist.py" line="73" />
        <source>What is wrong</source>
        <translation>问题情况</translation>
    </message>
    <message>
        <location filename="../../ui/patrols/checklist.py" line="75" />
        <source>Street, number, landmark</source>
        <translation>街道、门牌号、标志物</translation>
    </message>
    <message>
        <location filename="../../ui/patrols/checklist.py" line="76" />
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../ui/patrols/checklist.py" line="80" />
        <source>How serious</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../ui/patrols/checklist.py" line="82" />
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../ui/patrols/checklist.py" line="86" />
        <source>Report the problem</source>
        <translation>上报发现的问题</translation>
    </message>
    <message>
        <location filename="../../ui/patrols/checklist.py" line="95" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/patrols/checklist.py" line="98" />
        <source>Report problem</source>
        <translation>上报问题</translation>
    </message>
    <message>
        <location filename="../../ui/patrols/checklist.py" line="116" />
        <source>Photos are still being added; report again in a moment.</source>
        <translation>照片还在添加中，请稍后再上报。</translation>
    </message>
</context>
<context>
    <name>GridBarsView</name>
    <message>
        <location filename="../../ui/dashboard/charts.py" line="70" />
        <source>Cases reported</source>
        <translation>上报事件</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/charts.py" line="70" />
        <source>Cases closed</source>
        <translation>结案事件</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/charts.py" line="88" />
        <source>Cases per grid</source>
        <translation>各网格事件数</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/charts.py" line="89" />
        <source>Cases per grid: the %1 grids with the most reports</source>
        <translation>各网格事件数（上报最多的 %1 个网格）</translation>
    </message>
</context>
<context>
    <name>HealthPanel</name>
    <message>
        <location filename="../../ui/dashboard/health_panel.py" line="46" />
        <source>Ask the server again</source>
        <translation>重新查询</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/health_panel.py" line="50" />
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/health_panel.py" line="50" />
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/health_panel.py" line="50" />
        <source>Unsent changes</source>
        <translation>未发送条数</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/health_panel.py" line="51" />
        <source>Oldest unsent for</source>
        <translation>最早一条已等待</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/health_panel.py" line="51" />
        <source>Last successful sync</source>
        <translation>上次成功同步</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/health_panel.py" line="52" />
        <source>Last heard from</source>
        <translation>最近一次报告</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/health_panel.py" line="52" />
        <source>Last problem</source>
        <translation>最近的问题</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/health_panel.py" line="68" />
        <source>Asking the server how each device stands…</source>
        <translation>正在向服务器查询各设备的同步情况…</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/health_panel.py" line="81" />
        <source>No device in your grids has reported to the server yet.</source>
        <translation>您的网格中还没有设备向服务器报告同步情况。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/health_panel.py" line="84" />
        <source>%1 of %2 devices have work not yet sent.</source>
        <translation>%2 台设备中有 %1 台还有未发送的数据。</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/health_panel.py" line="88" />
        <source>Every device has sent all its work.</source>
        <translation>所有设备的数据都已发送。</translation>
    </message>
</context>
<context>
    <name>HouseholdForm</name>
    <message>
        <location filename="../../ui/register/household_form.py" line="65" />
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="66" />
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="67" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="68" />
        <source>Door number</source>
        <translation>门牌号</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="69" />
        <source>Housing</source>
        <translation>房屋使用</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="70" />
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="71" />
        <source>Show the whole phone number (this is recorded)</source>
        <translation>显示完整电话号码（此操作会被记录）</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="73" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="74" />
        <source>Landlord</source>
        <translation>房东</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="76" />
        <source>Landlord's phone</source>
        <translation>房东电话</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="78" />
        <source>Contact card</source>
        <translation>联系卡</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="79" />
        <source>Contact card given</source>
        <translation>已发放联系卡</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="80" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="83" />
        <source>e.g. 12 Xingfu Road, building 3, unit 2</source>
        <translation>例如：幸福路12号3栋2单元</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="85" />
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="89" />
        <source>Save household</source>
        <translation>保存住户</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="91" />
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="92" />
        <source>Log visit</source>
        <translation>登记走访</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="94" />
        <source>Record a door-to-door visit (Ctrl+Shift+V)</source>
        <translation>登记一次入户走访（Ctrl+Shift+V）</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="95" />
        <source>Remove household</source>
        <translation>删除住户</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="124" />
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="125" />
        <source>New household</source>
        <translation>新增住户</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="187" />
        <source>— none —</source>
        <translation>— 无 —</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../ui/exchange/import_preview.py" line="87" />
        <source>Import the register: %1</source>
        <translation>导入台账：%1</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_preview.py" line="94" />
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_preview.py" line="94" />
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_preview.py" line="96" />
        <location filename="../../ui/exchange/import_preview.py" line="103" />
        <source>Sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_preview.py" line="96" />
        <location filename="../../ui/exchange/import_preview.py" line="103" />
        <source>Row</source>
        <translation>行号</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_preview.py" line="96" />
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_preview.py" line="96" />
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_preview.py" line="97" />
        <location filename="../../ui/exchange/import_preview.py" line="103" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_preview.py" line="97" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_preview.py" line="103" />
        <source>Changes</source>
        <translation>改动的列</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_preview.py" line="108" />
        <source>Every row can be imported.</source>
        <translation>所有行都可以导入。</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_preview.py" line="109" />
        <source>Problems (%1)</source>
        <translation>问题（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_preview.py" line="111" />
        <source>No registered record is changed.</source>
        <translation>不会改动任何已登记的记录。</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_preview.py" line="112" />
        <source>Changes to registered records (%1)</source>
        <translation>将更新的已登记记录（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_preview.py" line="114" />
        <source>These columns are not imported: %1</source>
        <translation>这些列不会导入：%1</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_preview.py" line="119" />
        <source>Add %1 new households and %2 new residents</source>
        <translation>新增 %1 户、%2 人</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_preview.py" line="122" />
        <source>Update %1 households and %2 residents already registered</source>
        <translation>更新已登记的 %1 户、%2 人</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_preview.py" line="130" />
        <source>Rows with a problem are left out. Correct them in the file and import it again; rows already imported then show as unchanged.</source>
        <translation>有问题的行不会导入。请在文件中改正后再次导入，已导入的行届时显示为“无变化”。</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_preview.py" line="175" />
        <source>New: %1 · Update: %2 · Unchanged: %3 · With errors: %4 · Duplicates: %5</source>
        <translation>新增 %1 · 更新 %2 · 无变化 %3 · 有错误 %4 行 · 重复 %5 行</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/exchange/import_preview.py" line="187" />
        <source>Import %n row(s)</source>
        <translation>
            <numerusform>导入 %n 条</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_preview.py" line="195" />
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_preview.py" line="202" />
        <source>Imported: %1 households and %2 residents added, %3 records updated</source>
        <translation>导入完成：新增 %1 户、%2 人，更新 %3 条记录</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/import_preview.py" line="213" />
        <source>Import failed: nothing was written</source>
        <translation>导入失败，未写入任何数据</translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message>
        <location filename="../../ui/pages/inbox.py" line="52" />
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/inbox.py" line="52" />
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../ui/pages/inbox.py" line="53" />
        <source>Deadline</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <location filename="../../ui/pages/inbox.py" line="53" />
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../ui/pages/inbox.py" line="60" />
        <source>Nothing waits here.</source>
        <translation>这里没有待办的案件。</translation>
    </message>
</context>
<context>
    <name>IssuesPage</name>
    <message>
        <location filename="../../ui/pages/issues.py" line="34" />
        <source>New report</source>
        <translation>新建上报</translation>
    </message>
    <message>
        <location filename="../../ui/pages/issues.py" line="35" />
        <source>Report a new issue (Ctrl+N)</source>
        <translation>上报新事件（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/issues.py" line="38" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/issues.py" line="39" />
        <source>Save the cases the list shows (with its filters) as an Excel workbook</source>
        <translation>把列表当前显示的案件（按当前筛选条件）保存为 Excel 工作簿</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../ui/lock.py" line="71" />
        <source>Locked. Enter your password to continue.</source>
        <translation>已锁定。请输入密码继续使用。</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="76" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="79" />
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="89" />
        <source>Demo password: %1</source>
        <translation>演示密码：%1</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login.py" line="76" />
        <source>Log in — Grid Inspector</source>
        <translation>登录 — 网格巡查</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="79" />
        <source>Log in with the account your administrator gave you.</source>
        <translation>请使用管理员为您开设的账号登录。</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="81" />
        <source>Welcome back, %1. Enter your password.</source>
        <translation>%1，欢迎回来。请输入密码。</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="91" />
        <location filename="../../ui/login.py" line="108" />
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="92" />
        <location filename="../../ui/login.py" line="108" />
        <source>User name</source>
        <translation>账号</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="93" />
        <location filename="../../ui/login.py" line="111" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="99" />
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="114" />
        <source>%1: please fill this in.</source>
        <translation>%1：请填写。</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="119" />
        <source>Checking…</source>
        <translation>正在核对…</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="138" />
        <source>The server did not accept this user name and password.</source>
        <translation>服务器不接受这个账号和密码。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="48" />
        <location filename="../../ui/selftest.py" line="102" />
        <source>Grid Inspector</source>
        <translation>网格巡查</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="86" />
        <source>%1 (Ctrl+%2)</source>
        <translation>%1（Ctrl+%2）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="108" />
        <source>Lock now (Ctrl+L)</source>
        <translation>立即锁定（Ctrl+L）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="109" />
        <source>Lock when idle for</source>
        <translation>无操作自动锁定</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="112" />
        <source>Change password…</source>
        <translation>修改密码…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="115" />
        <source>About Grid Inspector (F1)</source>
        <translation>关于网格巡查（F1）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117" />
        <source>Export diagnostics…</source>
        <translation>导出诊断信息…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="136" />
        <source>Log in on the Sync page to send your work.</source>
        <translation>请在“同步”页登录，以便上传您的工作。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="153" />
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分钟</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="261" />
        <source>Never synced</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="263" />
        <source>Last sync: %1</source>
        <translation>上次同步：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="268" />
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="271" />
        <source>○ Offline</source>
        <translation>○ 离线</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="259" />
        <source>Pending changes: %n</source>
        <translation>
            <numerusform>待同步：%n 条</numerusform></translation>
    </message>
</context>
<context>
    <name>MapPage</name>
    <message>
        <location filename="../../ui/pages/map.py" line="63" />
        <source>Zoom to one grid</source>
        <translation>缩放到某个网格</translation>
    </message>
    <message>
        <location filename="../../ui/pages/map.py" line="65" />
        <source>Buildings</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../ui/pages/map.py" line="73" />
        <source>Open issues:</source>
        <translation>在办事件：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/map.py" line="86" />
        <source>Grid:</source>
        <translation>网格：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/map.py" line="90" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/map.py" line="118" />
        <source>All my grids (%n)</source>
        <translation>
            <numerusform>我的全部网格（%n 个）</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/map.py" line="135" />
        <source>%n grid(s)</source>
        <translation>
            <numerusform>%n 个网格</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/map.py" line="136" />
        <source>%n building(s)</source>
        <translation>
            <numerusform>%n 栋楼</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/map.py" line="137" />
        <source>%n open issue(s) on the map</source>
        <translation>
            <numerusform>地图上 %n 件在办事件</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/map.py" line="139" />
        <source>%n open issue(s) have no location and are not shown</source>
        <translation>
            <numerusform>%n 件在办事件没有位置，未显示</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/map.py" line="142" />
        <source>%n building(s) have no location</source>
        <translation>
            <numerusform>%n 栋楼没有位置</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/pages/map.py" line="169" />
        <source>No households are registered in this building yet.</source>
        <translation>该楼栋还没有登记住户。</translation>
    </message>
</context>
<context>
    <name>MapView</name>
    <message numerus="yes">
        <location filename="../../ui/widgets/map_view.py" line="211" />
        <source>%n household(s)</source>
        <translation>
            <numerusform>%n 户</numerusform></translation>
    </message>
</context>
<context>
    <name>MaskedField</name>
    <message>
        <location filename="../../ui/register/masked.py" line="35" />
        <source>Show</source>
        <translation>显示</translation>
    </message>
</context>
<context>
    <name>MoveDialog</name>
    <message>
        <location filename="../../ui/register/move_dialog.py" line="39" />
        <source>Move resident</source>
        <translation>人员迁移</translation>
    </message>
    <message>
        <location filename="../../ui/register/move_dialog.py" line="43" />
        <source>Type the new address or the head's name</source>
        <translation>输入新住址或户主姓名</translation>
    </message>
    <message>
        <location filename="../../ui/register/move_dialog.py" line="56" />
        <source>Move here</source>
        <translation>迁入此户</translation>
    </message>
    <message>
        <location filename="../../ui/register/move_dialog.py" line="60" />
        <source>Moved away (out of this area)</source>
        <translation>已迁出（离开本辖区）</translation>
    </message>
    <message>
        <location filename="../../ui/register/move_dialog.py" line="62" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/register/move_dialog.py" line="70" />
        <source>Find the household the person moves to:</source>
        <translation>查找此人迁入的住户：</translation>
    </message>
    <message>
        <location filename="../../ui/register/move_dialog.py" line="90" />
        <source>Choose a household from the list first.</source>
        <translation>请先从列表中选择一户。</translation>
    </message>
    <message>
        <location filename="../../ui/register/move_dialog.py" line="102" />
        <source>Resident moved</source>
        <translation>人员已迁移</translation>
    </message>
</context>
<context>
    <name>NeedRow</name>
    <message>
        <location filename="../../ui/dialogs/visit.py" line="68" />
        <source>Need category</source>
        <translation>诉求类别</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit.py" line="71" />
        <source>What was asked for</source>
        <translation>住户提出了什么</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit.py" line="72" />
        <source>Need description</source>
        <translation>诉求内容</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit.py" line="76" />
        <location filename="../../ui/dialogs/visit.py" line="77" />
        <source>Remove this need</source>
        <translation>删除这条诉求</translation>
    </message>
</context>
<context>
    <name>OversightPage</name>
    <message>
        <location filename="../../ui/pages/oversight.py" line="31" />
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../ui/pages/oversight.py" line="32" />
        <source>Register changes</source>
        <translation>台账修改</translation>
    </message>
    <message>
        <location filename="../../ui/pages/oversight.py" line="33" />
        <source>Duplicates</source>
        <translation>重复登记</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <location filename="../../ui/pages/overview.py" line="21" />
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="21" />
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="21" />
        <source>Residents</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="22" />
        <source>Open cases</source>
        <translation>在办案件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/overview.py" line="22" />
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../ui/dialogs/password.py" line="34" />
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/password.py" line="37" />
        <source>The server checks the change, so this needs the network. Your other logins will be ended.</source>
        <translation>修改密码需经服务器确认，请在联网时操作。您在其他设备上的登录将被注销。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/password.py" line="44" />
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/password.py" line="45" />
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/password.py" line="46" />
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/password.py" line="54" />
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/password.py" line="67" />
        <source>Checking…</source>
        <translation>正在核对…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/password.py" line="77" />
        <source>Your password has been changed.</source>
        <translation>密码已修改。</translation>
    </message>
</context>
<context>
    <name>PatrolsPage</name>
    <message>
        <location filename="../../ui/pages/patrols.py" line="81" />
        <source>Patrol</source>
        <translation>巡查</translation>
    </message>
    <message>
        <location filename="../../ui/pages/patrols.py" line="82" />
        <source>History</source>
        <translation>办理过程</translation>
    </message>
    <message>
        <location filename="../../ui/pages/patrols.py" line="89" />
        <source>Start a patrol</source>
        <translation>开始巡查</translation>
    </message>
    <message>
        <location filename="../../ui/pages/patrols.py" line="101" />
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../ui/pages/patrols.py" line="114" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/pages/patrols.py" line="116" />
        <source>Time slot</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../../ui/pages/patrols.py" line="119" />
        <source>Start patrol (Ctrl+P)</source>
        <translation>开始巡查（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/patrols.py" line="150" />
        <source>Finish patrol</source>
        <translation>结束巡查</translation>
    </message>
    <message>
        <location filename="../../ui/pages/patrols.py" line="193" />
        <source>You have no grid to patrol. Ask your supervisor.</source>
        <translation>您没有可巡查的网格，请联系上级。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/patrols.py" line="217" />
        <source>Patrol of %1 · %2 · started %3</source>
        <translation>%1 巡查 · %2 · %3 开始</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/patrols.py" line="244" />
        <source>%n item(s) checked</source>
        <translation>
            <numerusform>已检查 %n 项</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/pages/patrols.py" line="306" />
        <source>Problem reported as a case.</source>
        <translation>问题已作为事件上报。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/patrols.py" line="323" />
        <source>Patrol finished: %n item(s) checked.</source>
        <translation>
            <numerusform>巡查已结束：共检查 %n 项。</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/patrols.py" line="343" />
        <source>%n item(s) checked:</source>
        <translation>
            <numerusform>检查了 %n 项：</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/pages/patrols.py" line="350" />
        <source>case reported</source>
        <translation>已上报事件</translation>
    </message>
</context>
<context>
    <name>PeriodPicker</name>
    <message>
        <location filename="../../ui/dashboard/period_picker.py" line="31" />
        <source>This week</source>
        <translation>本周</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/period_picker.py" line="31" />
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/period_picker.py" line="32" />
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/period_picker.py" line="32" />
        <source>Chosen dates</source>
        <translation>自选日期</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/period_picker.py" line="38" />
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/period_picker.py" line="41" />
        <source>Period:</source>
        <translation>统计周期：</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../ui/widgets/photo_strip.py" line="48" />
        <source>Choose photos</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/photo_strip.py" line="49" />
        <source>Images (*.jpg *.jpeg *.png *.webp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.webp)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/photo_strip.py" line="57" />
        <source>no time</source>
        <translation>无拍摄时间</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/photo_strip.py" line="145" />
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/photo_strip.py" line="147" />
        <source>Choose photo files, or drag them here</source>
        <translation>选择照片文件，或把照片拖到这里</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/photo_strip.py" line="150" />
        <location filename="../../ui/widgets/photo_strip.py" line="241" />
        <source>or drag photos here</source>
        <translation>或把照片拖到这里</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/photo_strip.py" line="212" />
        <source>This photo is already added.</source>
        <translation>这张照片已经添加过了。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/photo_strip.py" line="227" />
        <source>%1 was not added: %2</source>
        <translation>%1 未能添加：%2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/photo_strip.py" line="240" />
        <source>Adding %n photo(s)…</source>
        <translation>
            <numerusform>正在添加 %n 张照片…</numerusform></translation>
    </message>
</context>
<context>
    <name>PhotoTile</name>
    <message>
        <location filename="../../ui/widgets/photo_strip.py" line="89" />
        <location filename="../../ui/widgets/photo_strip.py" line="90" />
        <source>Remove this photo</source>
        <translation>删除这张照片</translation>
    </message>
</context>
<context>
    <name>PickPointDialog</name>
    <message>
        <location filename="../../ui/dialogs/pick_point.py" line="37" />
        <source>Pick a point on the map</source>
        <translation>在地图上选点</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pick_point.py" line="40" />
        <source>Click the place inside the green outline, then press “Use this point”. Drag to move the map, use the wheel or the buttons to zoom.</source>
        <translation>请在绿色边框内点击位置，然后按“使用此点”。拖动可移动地图，用滚轮或按钮缩放。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pick_point.py" line="47" />
        <source>Loading the map…</source>
        <translation>正在加载地图…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pick_point.py" line="51" />
        <source>Use this point</source>
        <translation>使用此点</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pick_point.py" line="73" />
        <source>This grid has no outline on record, so the point cannot be checked. Click where it is.</source>
        <translation>该网格没有边界记录，无法核对位置。请点击实际位置。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pick_point.py" line="76" />
        <source>Click a point inside %1.</source>
        <translation>请在%1内点击一个位置。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pick_point.py" line="82" />
        <source>That point is outside %1. Click inside the green outline.</source>
        <translation>该位置在%1之外。请在绿色边框内点击。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/pick_point.py" line="88" />
        <source>Chosen point: %1, %2 (latitude, longitude)</source>
        <translation>已选位置：%1，%2（纬度，经度）</translation>
    </message>
</context>
<context>
    <name>ProfileChooser</name>
    <message>
        <location filename="../../ui/profile_chooser.py" line="40" />
        <source>Choose a profile — Grid Inspector</source>
        <translation>选择档案 — 网格巡查</translation>
    </message>
    <message>
        <location filename="../../ui/profile_chooser.py" line="43" />
        <source>Whose work is this?</source>
        <translation>请选择使用人的档案：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_chooser.py" line="48" />
        <source>Demo district (training)</source>
        <translation>演示社区（培训用）</translation>
    </message>
    <message>
        <location filename="../../ui/profile_chooser.py" line="53" />
        <source>Or a new profile (letters, digits, - and _):</source>
        <translation>或新建档案（字母、数字、- 和 _）：</translation>
    </message>
    <message>
        <location filename="../../ui/profile_chooser.py" line="76" />
        <source>Profile name: use letters, digits, - and _ only.</source>
        <translation>档案名称：只能使用字母、数字、- 和 _。</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <location filename="../../ui/pages/register.py" line="97" />
        <source>Search: name, pinyin, last digits of ID number, phone, address (Ctrl+F)</source>
        <translation>搜索：姓名、拼音、身份证号后几位、电话、地址（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="115" />
        <source>New household</source>
        <translation>新增住户</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="117" />
        <source>Register a new household (Ctrl+N)</source>
        <translation>登记新住户（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="124" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="125" />
        <source>Save the households and residents of your grids as an Excel workbook</source>
        <translation>把您负责网格的住户和人口保存为 Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="128" />
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="129" />
        <source>Add or update households and residents from an Excel workbook; you see every change first</source>
        <translation>从 Excel 工作簿新增或更新住户和人口；写入前先逐条预览</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="160" />
        <source>Add resident</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="162" />
        <source>Add a person to this household (Ctrl+Shift+A)</source>
        <translation>为本户添加人员（Ctrl+Shift+A）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="165" />
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="168" />
        <source>Move…</source>
        <translation>迁移…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="170" />
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="172" />
        <source>Residents</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="182" />
        <source>Save the household first, then add its residents.</source>
        <translation>请先保存住户，再添加家庭成员。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="193" />
        <source>Choose a household from the list, or press “New household”.</source>
        <translation>请从列表中选择一户，或点击“新增住户”。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="228" />
        <source>All my grids</source>
        <translation>我的全部网格</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/register.py" line="317" />
        <source>First %n matches: type more to narrow</source>
        <translation>
            <numerusform>仅显示前 %n 条：请多输入几个字缩小范围</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/register.py" line="318" />
        <source>%n found</source>
        <translation>
            <numerusform>找到 %n 条</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/register.py" line="320" />
        <source>%n households</source>
        <translation>
            <numerusform>共 %n 户</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="435" />
        <source>Household saved</source>
        <translation>住户已保存</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="449" />
        <source>Remove this household from the register?</source>
        <translation>确定从台账中删除该住户吗？</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="460" />
        <source>Logging visits is not available in this version.</source>
        <translation>此版本暂不能登记走访。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="513" />
        <source>Remove this person from the register? If they moved away, use “Move…” instead.</source>
        <translation>确定从台账中删除此人吗？如已搬走，请改用“迁移…”。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="521" />
        <source>Please confirm</source>
        <translation>请确认</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="556" />
        <source>This person is no longer in the register.</source>
        <translation>此人已不在台账中。</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../ui/reports/dialog.py" line="53" />
        <source>Export a PDF case report</source>
        <translation>导出 PDF 事件报表</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dialog.py" line="58" />
        <source>Daily</source>
        <translation>日报</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dialog.py" line="58" />
        <source>Weekly</source>
        <translation>周报</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dialog.py" line="59" />
        <source>Monthly</source>
        <translation>月报</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dialog.py" line="69" />
        <source>Report:</source>
        <translation>报表：</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dialog.py" line="70" />
        <source>Containing the day:</source>
        <translation>包含日期：</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dialog.py" line="71" />
        <source>Covers:</source>
        <translation>统计范围：</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dialog.py" line="73" />
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dialog.py" line="91" />
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
<message>
        <location filename="../../ui/reports/dialog.py" line="38" />
        <source>Save the report as</source>
        <translation>报表另存为</translation>
    </message>
    <message>
        <location filename="../../ui/reports/dialog.py" line="39" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    </context>
<context>
    <name>ReportForm</name>
    <message>
        <location filename="../../ui/issues/report_form.py" line="101" />
        <source>What happened</source>
        <translation>发生了什么</translation>
    </message>
    <message>
        <location filename="../../ui/issues/report_form.py" line="102" />
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../ui/issues/report_form.py" line="104" />
        <source>What (short title)</source>
        <translation>事件（简短标题）</translation>
    </message>
    <message>
        <location filename="../../ui/issues/report_form.py" line="106" />
        <source>e.g. Manhole cover missing</source>
        <translation>例如：井盖缺失</translation>
    </message>
    <message>
        <location filename="../../ui/issues/report_form.py" line="107" />
        <source>Description</source>
        <translation>情况描述</translation>
    </message>
    <message>
        <location filename="../../ui/issues/report_form.py" line="108" />
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../ui/issues/report_form.py" line="113" />
        <source>Urgent: this report will be sent first, as soon as there is a connection.</source>
        <translation>紧急：一旦有网络，这条上报会最先发送。</translation>
    </message>
    <message>
        <location filename="../../ui/issues/report_form.py" line="118" />
        <source>Triage</source>
        <translation>案件分级</translation>
    </message>
    <message>
        <location filename="../../ui/issues/report_form.py" line="120" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/issues/report_form.py" line="122" />
        <source>Occurred at</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <location filename="../../ui/issues/report_form.py" line="127" />
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../ui/issues/report_form.py" line="128" />
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../ui/issues/report_form.py" line="129" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/issues/report_form.py" line="130" />
        <source>Street, number, landmark</source>
        <translation>街道、门牌号、标志物</translation>
    </message>
    <message>
        <location filename="../../ui/issues/report_form.py" line="134" />
        <source>Pick on map…</source>
        <translation>在地图上选点…</translation>
    </message>
    <message>
        <location filename="../../ui/issues/report_form.py" line="136" />
        <location filename="../../ui/issues/report_form.py" line="295" />
        <source>No point chosen</source>
        <translation>未选点</translation>
    </message>
    <message>
        <location filename="../../ui/issues/report_form.py" line="139" />
        <source>Point</source>
        <translation>位置点</translation>
    </message>
    <message>
        <location filename="../../ui/issues/report_form.py" line="141" />
        <source>More about it (if known)</source>
        <translation>更多情况（如已知）</translation>
    </message>
    <message>
        <location filename="../../ui/issues/report_form.py" line="142" />
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/issues/report_form.py" line="143" />
        <source>Losses</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../ui/issues/report_form.py" line="144" />
        <source>Scope of impact</source>
        <translation>影响范围</translation>
    </message>
    <message>
        <location filename="../../ui/issues/report_form.py" line="145" />
        <source>Likely development</source>
        <translation>发展趋势</translation>
    </message>
    <message>
        <location filename="../../ui/issues/report_form.py" line="146" />
        <source>Measures taken</source>
        <translation>已采取的措施</translation>
    </message>
    <message>
        <location filename="../../ui/issues/report_form.py" line="148" />
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../ui/issues/report_form.py" line="152" />
        <source>I handled it on the spot (needs photos before and after)</source>
        <translation>我已现场处置（需要处置前和处置后的照片）</translation>
    </message>
    <message>
        <location filename="../../ui/issues/report_form.py" line="155" />
        <source>Handled on the spot</source>
        <translation>现场处置</translation>
    </message>
    <message>
        <location filename="../../ui/issues/report_form.py" line="159" />
        <source>Before</source>
        <translation>处置前</translation>
    </message>
    <message>
        <location filename="../../ui/issues/report_form.py" line="160" />
        <source>After</source>
        <translation>处置后</translation>
    </message>
    <message>
        <location filename="../../ui/issues/report_form.py" line="168" />
        <source>Submit report</source>
        <translation>提交上报</translation>
    </message>
    <message>
        <location filename="../../ui/issues/report_form.py" line="169" />
        <source>Submit (Ctrl+Enter)</source>
        <translation>提交（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../ui/issues/report_form.py" line="172" />
        <source>Back to the list</source>
        <translation>返回列表</translation>
    </message>
    <message>
        <location filename="../../ui/issues/report_form.py" line="216" />
        <source>Choose the grid first.</source>
        <translation>请先选择网格。</translation>
    </message>
    <message>
        <location filename="../../ui/issues/report_form.py" line="251" />
        <source>Photos are still being added. Submit again in a moment.</source>
        <translation>照片还在添加中，请稍后再提交。</translation>
    </message>
    <message>
        <location filename="../../ui/issues/report_form.py" line="264" />
        <source>Urgent report saved. It will be sent first.</source>
        <translation>紧急上报已保存，将最先发送。</translation>
    </message>
    <message>
        <location filename="../../ui/issues/report_form.py" line="266" />
        <source>Report saved. It will be sent with the next sync.</source>
        <translation>上报已保存，将在下次同步时发送。</translation>
    </message>
</context>
<context>
    <name>ResidentDialog</name>
    <message>
        <location filename="../../ui/register/resident_dialog.py" line="90" />
        <source>Edit resident</source>
        <translation>修改人员信息</translation>
    </message>
    <message>
        <location filename="../../ui/register/resident_dialog.py" line="90" />
        <source>Add resident</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <location filename="../../ui/register/resident_dialog.py" line="99" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/register/resident_dialog.py" line="102" />
        <source>Show the full ID number (this is recorded)</source>
        <translation>显示完整身份证号（此操作会被记录）</translation>
    </message>
    <message>
        <location filename="../../ui/register/resident_dialog.py" line="101" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../ui/register/resident_dialog.py" line="104" />
        <source>Gender and date of birth are read from the ID number.</source>
        <translation>性别和出生日期根据身份证号码自动得出。</translation>
    </message>
    <message>
        <location filename="../../ui/register/resident_dialog.py" line="107" />
        <source>Relation to head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <location filename="../../ui/register/resident_dialog.py" line="108" />
        <source>Residence</source>
        <translation>居住类型</translation>
    </message>
    <message>
        <location filename="../../ui/register/resident_dialog.py" line="110" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/register/resident_dialog.py" line="110" />
        <source>Show the whole phone number (this is recorded)</source>
        <translation>显示完整电话号码（此操作会被记录）</translation>
    </message>
    <message>
        <location filename="../../ui/register/resident_dialog.py" line="112" />
        <source>Registered address (hukou)</source>
        <translation>户籍地址</translation>
    </message>
    <message>
        <location filename="../../ui/register/resident_dialog.py" line="114" />
        <source>Employment</source>
        <translation>就业状况</translation>
    </message>
    <message>
        <location filename="../../ui/register/resident_dialog.py" line="115" />
        <source>Care</source>
        <translation>关注标签</translation>
    </message>
    <message>
        <location filename="../../ui/register/resident_dialog.py" line="118" />
        <source>Restricted</source>
        <translation>受限标签</translation>
    </message>
    <message>
        <location filename="../../ui/register/resident_dialog.py" line="120" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/register/resident_dialog.py" line="123" />
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../ui/register/resident_dialog.py" line="129" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/register/resident_dialog.py" line="133" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/register/resident_dialog.py" line="164" />
        <source>%1, born %2</source>
        <translation>%1，%2 出生</translation>
    </message>
    <message>
        <location filename="../../ui/register/resident_dialog.py" line="198" />
        <source>Resident saved</source>
        <translation>人员已保存</translation>
    </message>
</context>
<context>
    <name>RetryWait</name>
    <message numerus="yes">
        <location filename="../../ui/widgets/retry_wait.py" line="34" />
        <source>You can try again in %n second(s).</source>
        <translation>
            <numerusform>%n 秒后可以再试。</numerusform></translation>
    </message>
</context>
<context>
    <name>ScoreTable</name>
    <message>
        <location filename="../../ui/dashboard/score_table.py" line="51" />
        <source>Patrols</source>
        <translation>巡查</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/score_table.py" line="52" />
        <source>Patrols started in the period with something checked</source>
        <translation>统计期内开始、且有检查记录的巡查次数</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/score_table.py" line="55" />
        <source>Nothing checked</source>
        <translation>巡而不查</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/score_table.py" line="56" />
        <source>Patrols with nothing checked: not counted as patrols</source>
        <translation>没有任何检查记录的巡查（巡而不查），不计入巡查次数</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/score_table.py" line="59" />
        <source>Visits</source>
        <translation>走访</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/score_table.py" line="60" />
        <source>Door-to-door visits made in the period</source>
        <translation>统计期内的入户走访次数</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/score_table.py" line="62" />
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/score_table.py" line="63" />
        <source>Households registered in the grid(s)</source>
        <translation>网格内登记的户数</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/score_table.py" line="65" />
        <source>Visited 30 d</source>
        <translation>30天走访覆盖</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/score_table.py" line="66" />
        <source>Households visited in the 30 days before the period's end</source>
        <translation>统计截止前30天内走访过的户数占比（不漏一户）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/score_table.py" line="69" />
        <source>Visited 90 d</source>
        <translation>90天走访覆盖</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/score_table.py" line="70" />
        <source>Households visited in the 90 days before the period's end</source>
        <translation>统计截止前90天内走访过的户数占比（不漏一户）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/score_table.py" line="73" />
        <source>Cases reported</source>
        <translation>上报事件</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/score_table.py" line="76" />
        <source>Cases closed</source>
        <translation>结案事件</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/score_table.py" line="74" />
        <source>Cases reported in the period</source>
        <translation>统计期内上报的事件数</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/score_table.py" line="77" />
        <source>Of those cases, closed before the period's end</source>
        <translation>其中在统计期结束前结案的事件数</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/score_table.py" line="79" />
        <source>Closure rate</source>
        <translation>结案率</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/score_table.py" line="80" />
        <source>Closed ÷ reported (rejected reports left out)</source>
        <translation>结案数 ÷ 上报数（不予立案的不计）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/score_table.py" line="82" />
        <source>On time</source>
        <translation>按时结案率</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/score_table.py" line="83" />
        <source>Closed no later than the deadline ÷ closed</source>
        <translation>在办理时限内结案的事件数 ÷ 结案数</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/score_table.py" line="85" />
        <source>Hours to close</source>
        <translation>平均办理时长（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/score_table.py" line="86" />
        <source>Average hours from report to close</source>
        <translation>从上报到结案的平均小时数</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/score_table.py" line="90" />
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/score_table.py" line="94" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/score_table.py" line="95" />
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/score_table.py" line="96" />
        <source>Grids</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/score_table.py" line="97" />
        <source>Grids the person is listed for or worked in</source>
        <translation>所属网格及统计期内工作过的网格数</translation>
    </message>
</context>
<context>
    <name>StoredPhotos</name>
    <message>
        <location filename="../../ui/widgets/photo_strip.py" line="303" />
        <source>No photos</source>
        <translation>没有照片</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../ui/sync_controller.py" line="191" />
        <source>This profile has no server to sync with.</source>
        <translation>此档案还没有可同步的服务器。</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../ui/pages/sync.py" line="52" />
        <source>Sync now (F5)</source>
        <translation>立即同步（F5）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="55" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="66" />
        <source>Log in to sync</source>
        <translation>登录后同步</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="70" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="71" />
        <source>Log in and sync</source>
        <translation>登录并同步</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="77" />
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="96" />
        <source>What the server did not accept</source>
        <translation>服务器未接受的内容</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="100" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="100" />
        <source>What</source>
        <translation>内容</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="100" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="100" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="105" />
        <source>Mark all as read</source>
        <translation>全部标为已读</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="130" />
        <source>Connect to the server</source>
        <translation>连接服务器</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="131" />
        <source>Send records</source>
        <translation>上传记录</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="132" />
        <source>Send photos</source>
        <translation>上传照片</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="133" />
        <source>Fetch updates</source>
        <translation>下载更新</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="134" />
        <source>Fetch photos</source>
        <translation>下载照片</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="135" />
        <source>Send audit trail</source>
        <translation>上传审计记录</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="136" />
        <source>Check data</source>
        <translation>核对数据</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="137" />
        <source>Report status</source>
        <translation>报告状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="152" />
        <source>This profile has no server to sync with.</source>
        <translation>此档案还没有可同步的服务器。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="155" />
        <source>Server: %1</source>
        <translation>服务器：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="156" />
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="156" />
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/sync.py" line="160" />
        <source>%n change(s) waiting to be sent.</source>
        <translation>
            <numerusform>有 %n 条修改等待上传。</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="162" />
        <source>Last good sync: %1</source>
        <translation>上次成功同步：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="165" />
        <source>Not synced yet.</source>
        <translation>尚未同步。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/sync.py" line="167" />
        <source>%n item(s) need your attention below.</source>
        <translation>
            <numerusform>下方有 %n 项需要您查看。</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="174" />
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="174" />
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="197" />
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="233" />
        <source>Done. Sent %1, received %2.</source>
        <translation>同步完成。上传 %1 条，下载 %2 条。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="236" />
        <source>Some changes were not accepted; see the list below.</source>
        <translation>有些修改未被接受，请看下方列表。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="246" />
        <source>Enter your password to connect to the server.</source>
        <translation>请输入密码以连接服务器。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="252" />
        <source>Password: please enter it.</source>
        <translation>密码：请输入。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="266" />
        <source>The server did not accept this password.</source>
        <translation>服务器不接受这个密码。</translation>
    </message>
</context>
<context>
    <name>TasksPage</name>
    <message>
        <location filename="../../ui/pages/tasks.py" line="66" />
        <source>Show finished tasks</source>
        <translation>显示已办任务</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="69" />
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="69" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="70" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="70" />
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="71" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="75" />
        <source>No tasks. New tasks arrive with the next sync.</source>
        <translation>没有任务。新任务会在下次同步时到达。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="83" />
        <source>Choose a task on the left.</source>
        <translation>请在左侧选择一个任务。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="88" />
        <source>Open the case</source>
        <translation>打开案件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="142" />
        <source>This task is not on this computer.</source>
        <translation>这台电脑上没有这个任务。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="149" />
        <source>To do, by %1</source>
        <translation>待办，截止 %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="150" />
        <source>To do</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="153" />
        <source>Done on %1: %2</source>
        <translation>%1 已办：%2</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <location filename="../../ui/dialogs/visit.py" line="109" />
        <source>New visit</source>
        <translation>登记走访</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit.py" line="118" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit.py" line="137" />
        <source>Kind of visit</source>
        <translation>走访类型</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit.py" line="143" />
        <source>People met</source>
        <translation>见到的人</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit.py" line="150" />
        <source>Add a need</source>
        <translation>添加诉求</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit.py" line="151" />
        <source>Add a need raised by the household (Ctrl+N)</source>
        <translation>添加住户提出的诉求（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit.py" line="155" />
        <source>Needs raised</source>
        <translation>提出的诉求</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit.py" line="166" />
        <source>Services given</source>
        <translation>提供的服务</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit.py" line="170" />
        <source>Not asked</source>
        <translation>未询问</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit.py" line="172" />
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit.py" line="178" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit.py" line="182" />
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit.py" line="192" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit.py" line="195" />
        <source>Save visit (Ctrl+Enter)</source>
        <translation>保存走访（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit.py" line="221" />
        <source>This household no longer exists.</source>
        <translation>该住户已不存在。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit.py" line="232" />
        <source>Nobody is registered in this household yet.</source>
        <translation>该户尚未登记人员。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit.py" line="283" />
        <source>Photos are still being added; save again in a moment.</source>
        <translation>照片还在添加中，请稍后再保存。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit.py" line="293" />
        <source>Visit saved.</source>
        <translation>走访已保存。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit.py" line="339" />
        <source>Discard this visit?</source>
        <translation>放弃这次走访记录？</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit.py" line="340" />
        <source>What you entered for this visit will be lost.</source>
        <translation>这次走访已填写的内容将会丢失。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit.py" line="342" />
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/visit.py" line="344" />
        <source>Keep editing</source>
        <translation>继续填写</translation>
    </message>
</context>
<context>
    <name>VisitsPage</name>
    <message>
        <location filename="../../ui/pages/visits.py" line="59" />
        <source>Find a household by address or name</source>
        <translation>按地址或姓名查找住户</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visits.py" line="70" />
        <source>New visit (Ctrl+Shift+V)</source>
        <translation>登记走访（Ctrl+Shift+V）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visits.py" line="72" />
        <source>Log a visit to the household selected in the list</source>
        <translation>为列表中选中的住户登记走访</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visits.py" line="79" />
        <source>Visits logged</source>
        <translation>已登记的走访</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visits.py" line="81" />
        <source>Households not visited in %1 days</source>
        <translation>%1 天未走访的住户</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visits.py" line="83" />
        <source>Households found</source>
        <translation>查找到的住户</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visits.py" line="86" />
        <source>All kinds</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visits.py" line="89" />
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visits.py" line="91" />
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/visits.py" line="145" />
        <source>%n visit(s)</source>
        <translation>
            <numerusform>共 %n 次走访</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/visits.py" line="146" />
        <source>%n household(s)</source>
        <translation>
            <numerusform>%n 户</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/pages/visits.py" line="180" />
        <source>No needs were raised during this visit.</source>
        <translation>这次走访没有提出诉求。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visits.py" line="183" />
        <source>Needs raised:</source>
        <translation>提出的诉求：</translation>
    </message>
    <message>
        <location filename="../../ui/pages/visits.py" line="197" />
        <source>First find the household: type its address or a name above, then choose it in the list.</source>
        <translation>请先找到住户：在上方输入地址或姓名，再在列表中选中。</translation>
    </message>
</context>
<context>
    <name>ZoomButtons</name>
    <message>
        <location filename="../../ui/widgets/map_view.py" line="426" />
        <source>Zoom in (Ctrl+=)</source>
        <translation>放大（Ctrl+=）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/map_view.py" line="427" />
        <source>Zoom out (Ctrl+-)</source>
        <translation>缩小（Ctrl+-）</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/map_view.py" line="428" />
        <source>Show everything (Ctrl+0)</source>
        <translation>显示全部（Ctrl+0）</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="221" />
        <source>Could not open the profile: %1</source>
        <translation>无法打开档案：%1</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="229" />
        <location filename="../../ui/app.py" line="277" />
        <source>Grid Inspector</source>
        <translation>网格巡查</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="260" />
        <source>Resetting the demo …</source>
        <translation>正在重置演示…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="267" />
        <source>Deadlines of %n open case(s) moved earlier; syncing now</source>
        <translation>已将 %n 件在办案件的期限提前，正在同步</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="287" />
        <source>Setting up the demo community and its server (first run only) …</source>
        <translation>正在建立演示社区及其服务器（仅首次运行）…</translation>
    </message>
</context>
<context>
    <name>inbox</name>
    <message>
        <location filename="../../ui/inbox/queues.py" line="37" />
        <source>New reports</source>
        <translation>新上报待立案</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/queues.py" line="38" />
        <source>Accept (立案) or reject with a reason.</source>
        <translation>立案，或写明理由不予立案。</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/queues.py" line="41" />
        <source>To dispatch</source>
        <translation>待派遣</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/queues.py" line="42" />
        <source>Dispatch to the responsible department with a deadline.</source>
        <translation>派遣给责任部门，并确定办理时限。</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/queues.py" line="45" />
        <source>More time asked</source>
        <translation>延期申请</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/queues.py" line="46" />
        <source>Approve or refuse the department's request for more time.</source>
        <translation>批准或驳回处置部门的延期申请。</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/queues.py" line="49" />
        <source>In handling</source>
        <translation>处置中</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/queues.py" line="50" />
        <source>Record the department's feedback with photos, urge, ask for more time or escalate.</source>
        <translation>登记处置部门的反馈和照片，或催办、申请延期、上报上级。</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/queues.py" line="54" />
        <source>To verify</source>
        <translation>待发起核查</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/queues.py" line="55" />
        <source>Handled: send a verification task to the reporting worker.</source>
        <translation>已处置：向上报的网格员发起核查任务。</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/queues.py" line="58" />
        <source>Being verified</source>
        <translation>核查中</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/queues.py" line="59" />
        <source>Waiting for the worker's verification on site.</source>
        <translation>等待网格员到现场核查。</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/queues.py" line="62" />
        <source>Verified: to close</source>
        <translation>核查通过待结案</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/queues.py" line="63" />
        <source>The verification passed: close the case.</source>
        <translation>核查已通过：可以结案。</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/queues.py" line="66" />
        <source>Verification failed</source>
        <translation>核查未通过</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/queues.py" line="67" />
        <source>Send the case back to the department with a reason.</source>
        <translation>写明理由，退回处置部门返工。</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/queues.py" line="70" />
        <source>Waiting for the server</source>
        <translation>等待服务器确认</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/queues.py" line="71" />
        <source>Accepted or closed on this computer; the server confirms it at the next sync.</source>
        <translation>已在本机立案或结案，下次同步时由服务器确认。</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/queues.py" line="75" />
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <location filename="../../ui/inbox/queues.py" line="76" />
        <source>Every open case past its deadline, most overdue first.</source>
        <translation>所有超过办理时限仍未办结的案件，超期最久的排在前面。</translation>
    </message>
</context>
<context>
    <name>issues</name>
    <message>
        <location filename="../../ui/issues/words.py" line="17" />
        <source>Report</source>
        <translation>上报</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="18" />
        <source>Handled on the spot</source>
        <translation>现场处置</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="19" />
        <source>Accept</source>
        <translation>立案</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="20" />
        <source>Reject</source>
        <translation>不予立案</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="21" />
        <source>Dispatch</source>
        <translation>派遣</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="22" />
        <source>Handling feedback</source>
        <translation>处置反馈</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="23" />
        <source>Ask for verification</source>
        <translation>发起核查</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="24" />
        <source>Verify</source>
        <translation>核查</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="25" />
        <source>Close</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="26" />
        <source>Send back for rework</source>
        <translation>返工</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="27" />
        <source>Follow-up evaluation</source>
        <translation>回访评价</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="28" />
        <source>Urge</source>
        <translation>催办</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="29" />
        <source>Escalate</source>
        <translation>上报上级</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="30" />
        <source>Ask for more time</source>
        <translation>申请延期</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="31" />
        <source>Approve more time</source>
        <translation>批准延期</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="32" />
        <source>Refuse more time</source>
        <translation>驳回延期</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="35" />
        <source>When reported</source>
        <translation>上报时</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="36" />
        <source>Before handling</source>
        <translation>处置前</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="37" />
        <source>After handling</source>
        <translation>处置后</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="38" />
        <source>Handling</source>
        <translation>处置</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="39" />
        <source>Verification</source>
        <translation>核查</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="42" />
        <source>Verify a case</source>
        <translation>核查案件</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="43" />
        <source>Revisit a household</source>
        <translation>回访住户</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="44" />
        <source>Patrol plan</source>
        <translation>巡查计划</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="47" />
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="48" />
        <source>Not passed</source>
        <translation>不通过</translation>
    </message>
<message>
        <location filename="../../ui/dashboard/formats.py" line="33" />
        <location filename="../../ui/issues/deadline_style.py" line="48" />
        <location filename="../../ui/issues/deadline_style.py" line="50" />
        <source>%1 h</source>
        <translation>%1小时</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/formats.py" line="34" />
        <location filename="../../ui/issues/deadline_style.py" line="52" />
        <location filename="../../ui/issues/deadline_style.py" line="54" />
        <source>%1 min</source>
        <translation>%1分钟</translation>
    </message>
    <message>
        <location filename="../../ui/issues/action_panel.py" line="74" />
        <location filename="../../ui/issues/detail.py" line="188" />
        <location filename="../../ui/reports/pdf.py" line="166" />
        <source>Department</source>
        <translation>处置部门</translation>
    </message>
    <message>
        <location filename="../../ui/issues/action_panel.py" line="79" />
        <location filename="../../ui/issues/detail.py" line="189" />
        <location filename="../../ui/issues/issue_list.py" line="109" />
        <location filename="../../ui/reports/pdf.py" line="166" />
        <source>Deadline</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <location filename="../../ui/issues/action_panel.py" line="85" />
        <location filename="../../ui/issues/detail.py" line="197" />
        <location filename="../../ui/issues/verify_form.py" line="56" />
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../ui/issues/action_panel.py" line="92" />
        <location filename="../../ui/oversight/duplicates.py" line="211" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/issues/action_panel.py" line="94" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/issues/action_panel.py" line="95" />
        <source>Save (Ctrl+Enter)</source>
        <translation>保存（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../ui/issues/action_panel.py" line="112" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/issues/action_panel.py" line="112" />
        <source>Note (optional)</source>
        <translation>备注（可不填）</translation>
    </message>
    <message>
        <location filename="../../ui/issues/action_panel.py" line="138" />
        <source>This case's category is not in the current catalogue: choose the department and the deadline yourself.</source>
        <translation>该案件的分类已不在当前事件分类目录中：请自行选择处置部门和办理时限。</translation>
    </message>
    <message>
        <location filename="../../ui/issues/action_panel.py" line="144" />
        <source>Time limit for this category at severity %1: %2</source>
        <translation>该类事件严重程度为“%1”时的办理时限：%2</translation>
    </message>
    <message>
        <location filename="../../ui/issues/action_panel.py" line="158" />
        <source>Photos are still being added. Save again in a moment.</source>
        <translation>照片还在添加中，请稍后再保存。</translation>
    </message>
    <message>
        <location filename="../../ui/issues/action_panel.py" line="169" />
        <source>Request saved. The case changes when the server confirms.</source>
        <translation>申请已保存，服务器确认后案件状态才会改变。</translation>
    </message>
    <message>
        <location filename="../../ui/issues/action_panel.py" line="171" />
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <location filename="../../ui/issues/deadline_style.py" line="28" />
        <source>%1 · overdue</source>
        <translation>%1 · 已超期</translation>
    </message>
    <message>
        <location filename="../../ui/issues/deadline_style.py" line="30" />
        <source>%1 · due soon</source>
        <translation>%1 · 即将到期</translation>
    </message>
    <message>
        <location filename="../../ui/issues/deadline_style.py" line="36" />
        <source>Overdue: the time limit has passed</source>
        <translation>已超期：办理时限已过</translation>
    </message>
    <message>
        <location filename="../../ui/issues/deadline_style.py" line="38" />
        <source>Due soon: less than a quarter of the time limit is left</source>
        <translation>即将到期：剩余时间已不足办理时限的四分之一</translation>
    </message>
    <message>
        <location filename="../../ui/issues/deadline_style.py" line="46" />
        <source>%1 d</source>
        <translation>%1天</translation>
    </message>
    <message>
        <location filename="../../ui/issues/deadline_style.py" line="64" />
        <source>overdue by %1</source>
        <translation>已超期%1</translation>
    </message>
    <message>
        <location filename="../../ui/issues/deadline_style.py" line="65" />
        <source>%1 left</source>
        <translation>剩余%1</translation>
    </message>
    <message>
        <location filename="../../ui/issues/deadline_style.py" line="71" />
        <source>%n hour(s)</source>
        <translation>%n小时</translation>
    </message>
    <message>
        <location filename="../../ui/issues/deadline_style.py" line="73" />
        <source>%n day(s)</source>
        <translation>%n天</translation>
    </message>
    <message>
        <location filename="../../ui/issues/deadline_style.py" line="74" />
        <source>%n working day(s)</source>
        <translation>%n个工作日</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="93" />
        <source>Back to the list</source>
        <translation>返回列表</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="145" />
        <source>This case is not on this computer.</source>
        <translation>这台电脑上没有这个案件。</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="148" />
        <location filename="../../ui/issues/issue_list.py" line="50" />
        <location filename="../../ui/reports/pdf.py" line="167" />
        <source>(not numbered yet)</source>
        <translation>（尚未编号）</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="164" />
        <source>More time asked: %1</source>
        <translation>申请延期：%1</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="175" />
        <location filename="../../ui/issues/issue_list.py" line="90" />
        <location filename="../../ui/issues/issue_list.py" line="107" />
        <location filename="../../ui/reports/pdf.py" line="151" />
        <location filename="../../ui/reports/pdf.py" line="165" />
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="176" />
        <location filename="../../ui/issues/issue_list.py" line="91" />
        <location filename="../../ui/issues/issue_list.py" line="107" />
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="177" />
        <source>Triage</source>
        <translation>案件分级</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="178" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="179" />
        <source>Occurred at</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="180" />
        <source>Reported at</source>
        <translation>上报时间</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="181" />
        <source>Reported by</source>
        <translation>上报人</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="182" />
        <location filename="../../ui/issues/issue_list.py" line="109" />
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="183" />
        <source>Point</source>
        <translation>位置点</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="184" />
        <source>Description</source>
        <translation>情况描述</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="185" />
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="185" />
        <source>Losses</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="186" />
        <source>Scope of impact</source>
        <translation>影响范围</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="186" />
        <source>Likely development</source>
        <translation>发展趋势</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="187" />
        <source>Measures taken</source>
        <translation>已采取的措施</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="190" />
        <source>Closed at</source>
        <translation>结案时间</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="199" />
        <source>No photos</source>
        <translation>没有照片</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="211" />
        <source>History</source>
        <translation>办理过程</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="228" />
        <source>Result: %1</source>
        <translation>结果：%1</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="230" />
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="232" />
        <source>Department: %1</source>
        <translation>处置部门：%1</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="234" />
        <source>Deadline: %1</source>
        <translation>办理时限：%1</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="236" />
        <source>Not yet sent to the server</source>
        <translation>尚未发送到服务器</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="238" />
        <source>Refused by the server: %1</source>
        <translation>服务器未接受：%1</translation>
    </message>
    <message>
        <location filename="../../ui/issues/issue_list.py" line="76" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/issues/issue_list.py" line="77" />
        <source>Open cases</source>
        <translation>在办案件</translation>
    </message>
    <message>
        <location filename="../../ui/issues/issue_list.py" line="83" />
        <source>All categories</source>
        <translation>全部分类</translation>
    </message>
    <message>
        <location filename="../../ui/issues/issue_list.py" line="85" />
        <source>All severities</source>
        <translation>全部严重程度</translation>
    </message>
    <message>
        <location filename="../../ui/issues/issue_list.py" line="86" />
        <source>Overdue only</source>
        <translation>只看超期</translation>
    </message>
    <message>
        <location filename="../../ui/issues/issue_list.py" line="88" />
        <source>Search title, address or number</source>
        <translation>搜索标题、地址或编号</translation>
    </message>
    <message>
        <location filename="../../ui/issues/issue_list.py" line="90" />
        <location filename="../../ui/issues/issue_list.py" line="108" />
        <location filename="../../ui/reports/pdf.py" line="156" />
        <location filename="../../ui/reports/pdf.py" line="165" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/issues/issue_list.py" line="106" />
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/issues/issue_list.py" line="106" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/issues/issue_list.py" line="108" />
        <source>Reported</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../ui/issues/issue_list.py" line="140" />
        <source>%n case(s)</source>
        <translation>%n 件</translation>
    </message>
    <message>
        <location filename="../../ui/issues/verify_form.py" line="34" />
        <source>Verification on site</source>
        <translation>现场核查</translation>
    </message>
    <message>
        <location filename="../../ui/issues/verify_form.py" line="39" />
        <source>Passed: the problem is solved</source>
        <translation>通过：问题已解决</translation>
    </message>
    <message>
        <location filename="../../ui/issues/verify_form.py" line="40" />
        <source>Not passed: the problem is still there</source>
        <translation>不通过：问题仍然存在</translation>
    </message>
    <message>
        <location filename="../../ui/issues/verify_form.py" line="49" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/issues/verify_form.py" line="53" />
        <source>What you saw (optional)</source>
        <translation>现场看到的情况（可不填）</translation>
    </message>
    <message>
        <location filename="../../ui/issues/verify_form.py" line="54" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/issues/verify_form.py" line="61" />
        <source>Submit verification</source>
        <translation>提交核查</translation>
    </message>
    <message>
        <location filename="../../ui/issues/verify_form.py" line="62" />
        <source>Submit (Ctrl+Enter)</source>
        <translation>提交（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../ui/issues/verify_form.py" line="94" />
        <source>Photos are still being added. Submit again in a moment.</source>
        <translation>照片还在添加中，请稍后再提交。</translation>
    </message>
    <message>
        <location filename="../../ui/issues/verify_form.py" line="106" />
        <source>Verification saved. It will be sent with the next sync.</source>
        <translation>核查已保存，将在下次同步时发送。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="45" />
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="45" />
        <source>To do</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="47" />
        <source>Done: %1</source>
        <translation>已办：%1</translation>
    </message>
    </context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../ui/labels.py" line="20" />
        <source>Grid worker</source>
        <translation>网格员</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="21" />
        <source>Community staff</source>
        <translation>社区工作人员</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="22" />
        <source>Supervisor</source>
        <translation>监督员</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="23" />
        <source>Administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="26" />
        <source>Draft</source>
        <translation>草稿</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="27" />
        <source>Reported</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="28" />
        <source>Accepted</source>
        <translation>已立案</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="29" />
        <source>Rejected</source>
        <translation>不予立案</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="30" />
        <source>Dispatched</source>
        <translation>已派遣</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="31" />
        <source>Handled</source>
        <translation>已处置</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="32" />
        <source>Handled on the spot</source>
        <translation>现场处置</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="33" />
        <source>Verifying</source>
        <translation>核查中</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="34" />
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="35" />
        <source>Evaluated</source>
        <translation>已回访</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="55" />
        <source>Simple</source>
        <translation>简单</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="56" />
        <source>Ordinary</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="57" />
        <source>Key</source>
        <translation>重点</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="58" />
        <source>Difficult</source>
        <translation>疑难</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="61" />
        <source>Extremely serious</source>
        <translation>特别重大</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="62" />
        <source>Very serious</source>
        <translation>重大</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="63" />
        <source>Serious</source>
        <translation>较大</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="64" />
        <source>General</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="65" />
        <source>Minor</source>
        <translation>影响较小</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="43" />
        <location filename="../../ui/labels.py" line="68" />
        <source>Patrol</source>
        <translation>巡查</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="38" />
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="39" />
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="40" />
        <source>Resident</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="41" />
        <source>Place</source>
        <translation>单位场所</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="42" />
        <source>Component</source>
        <translation>部件</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="44" />
        <source>Patrol check</source>
        <translation>巡查项</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="45" />
        <location filename="../../ui/labels.py" line="69" />
        <source>Visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="46" />
        <source>Visit need</source>
        <translation>走访诉求</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="47" />
        <source>Issue</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="48" />
        <source>Case action</source>
        <translation>案件操作</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="49" />
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="50" />
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="70" />
        <source>Reported by the public</source>
        <translation>群众反映</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="71" />
        <source>12345 hotline</source>
        <translation>12345热线</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="72" />
        <source>Assigned from above</source>
        <translation>上级交办</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="75" />
        <source>Morning</source>
        <translation>早</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="76" />
        <source>Midday</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="77" />
        <source>Evening</source>
        <translation>晚</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="80" />
        <source>Scheduled patrol</source>
        <translation>定时巡查</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="81" />
        <source>Unscheduled patrol</source>
        <translation>不定时巡查</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="84" />
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="85" />
        <source>Fixed on the spot</source>
        <translation>现场整改</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="86" />
        <source>Problem found</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="87" />
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="90" />
        <source>Urban works and environment</source>
        <translation>城建环保</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="91" />
        <source>Social affairs</source>
        <translation>社会事务</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="92" />
        <source>Hardship relief</source>
        <translation>困难救助</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="93" />
        <source>Economic development</source>
        <translation>经济发展</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="94" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="97" />
        <source>Routine visit</source>
        <translation>日常走访</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="98" />
        <source>Home check</source>
        <translation>入户核查</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="99" />
        <source>Follow-up visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="100" />
        <source>Assistance visit</source>
        <translation>帮扶</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="103" />
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="104" />
        <source>Mostly satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="105" />
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
</context>
<context>
    <name>oversight</name>
    <message>
        <location filename="../../ui/oversight/duplicates.py" line="37" />
        <source>Keep</source>
        <translation>保留</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/duplicates.py" line="37" />
        <location filename="../../ui/oversight/words.py" line="34" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/duplicates.py" line="38" />
        <location filename="../../ui/oversight/words.py" line="35" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/duplicates.py" line="38" />
        <location filename="../../ui/oversight/words.py" line="37" />
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/duplicates.py" line="39" />
        <location filename="../../ui/oversight/words.py" line="27" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/duplicates.py" line="39" />
        <location filename="../../ui/oversight/words.py" line="24" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/duplicates.py" line="40" />
        <location filename="../../ui/oversight/words.py" line="20" />
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/duplicates.py" line="40" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="21" />
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="22" />
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="23" />
        <source>Door number</source>
        <translation>门牌号</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="25" />
        <source>Housing</source>
        <translation>房屋使用</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="26" />
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="28" />
        <source>Landlord</source>
        <translation>房东</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="29" />
        <source>Landlord's phone</source>
        <translation>房东电话</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="30" />
        <source>Rental details</source>
        <translation>出租情况</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="31" />
        <source>Contact card given</source>
        <translation>已发放联系卡</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="32" />
        <source>Last visit</source>
        <translation>最近走访</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="33" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="36" />
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="38" />
        <source>Relation to head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="39" />
        <source>Registered address (hukou)</source>
        <translation>户籍地址</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="40" />
        <source>Residence</source>
        <translation>居住类型</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="41" />
        <source>Temporary residence</source>
        <translation>暂住信息</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="42" />
        <source>Employment</source>
        <translation>就业状况</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="43" />
        <source>Insurance</source>
        <translation>参保情况</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="44" />
        <source>Care</source>
        <translation>关注标签</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="45" />
        <source>Restricted</source>
        <translation>受限标签</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="46" />
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="47" />
        <source>Use</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="48" />
        <source>Floors</source>
        <translation>层数</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="49" />
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="50" />
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="51" />
        <source>Building head's phone</source>
        <translation>楼栋长电话</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="52" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="53" />
        <source>Person responsible</source>
        <translation>负责人</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="54" />
        <source>Phone of the person responsible</source>
        <translation>负责人电话</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="55" />
        <source>Fire safety</source>
        <translation>消防情况</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="56" />
        <source>Duty</source>
        <translation>职责</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="57" />
        <source>Account</source>
        <translation>账号</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="77" />
        <source>Added</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="78" />
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="79" />
        <source>Removed</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="82" />
        <source>To review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="83" />
        <source>Reviewed</source>
        <translation>已审核</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="84" />
        <source>Sent back</source>
        <translation>已退回</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="87" />
        <source>Same ID number</source>
        <translation>身份证号重复</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="88" />
        <source>Same name and date of birth in two grids</source>
        <translation>同名同出生日期，登记在两个网格</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="89" />
        <source>Same name and phone in two grids</source>
        <translation>同名同电话，登记在两个网格</translation>
    </message>
<message>
        <location filename="../../ui/issues/action_panel.py" line="92" />
        <location filename="../../ui/oversight/duplicates.py" line="211" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/changes.py" line="54" />
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/changes.py" line="57" />
        <source>All my grids</source>
        <translation>我的全部网格</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/changes.py" line="59" />
        <source>Account, e.g. wgy1</source>
        <translation>账号，如 wgy1</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/changes.py" line="61" />
        <source>Last 7 days</source>
        <translation>最近 7 天</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/changes.py" line="61" />
        <source>Last 30 days</source>
        <translation>最近 30 天</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/changes.py" line="62" />
        <source>Last 90 days</source>
        <translation>最近 90 天</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/changes.py" line="62" />
        <source>Any time</source>
        <translation>不限时间</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/changes.py" line="65" />
        <location filename="../../ui/oversight/duplicates.py" line="71" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/changes.py" line="67" />
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/changes.py" line="68" />
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/changes.py" line="68" />
        <source>Period</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/changes.py" line="75" />
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/changes.py" line="75" />
        <source>Who</source>
        <translation>修改人</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/changes.py" line="75" />
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/changes.py" line="75" />
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/changes.py" line="76" />
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/changes.py" line="84" />
        <location filename="../../ui/oversight/duplicates.py" line="82" />
        <source>Show more</source>
        <translation>显示更多</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/changes.py" line="95" />
        <location filename="../../ui/oversight/changes.py" line="212" />
        <source>Choose a change on the left.</source>
        <translation>请从左侧选择一条修改。</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/changes.py" line="107" />
        <source>Open on this computer</source>
        <translation>在本机打开</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/changes.py" line="109" />
        <source>Note (needed to send back)</source>
        <translation>备注（退回时必填）</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/changes.py" line="111" />
        <location filename="../../ui/oversight/changes.py" line="202" />
        <source>Mark reviewed</source>
        <translation>标为已审核</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/changes.py" line="112" />
        <source>Send back</source>
        <translation>退回核实</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/changes.py" line="113" />
        <source>The person who made the change gets a revisit task with your note on their next sync</source>
        <translation>修改人下次同步时会收到一条带有您备注的核实任务</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/changes.py" line="183" />
        <source>Showing %1 of %2</source>
        <translation>显示 %1 条，共 %2 条</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/changes.py" line="185" />
        <source>Nothing to show with these filters.</source>
        <translation>按当前条件没有可显示的修改。</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/changes.py" line="201" />
        <source>Mark %n reviewed</source>
        <translation>将 %n 条标为已审核</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/changes.py" line="213" />
        <source>%n changes chosen</source>
        <translation>已选择 %n 条修改</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/changes.py" line="218" />
        <location filename="../../ui/oversight/changes.py" line="221" />
        <source>%1 by %2 on %3</source>
        <translation>%2 于 %3 %1</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/changes.py" line="226" />
        <source>The record is no longer in the register.</source>
        <translation>该记录已不在台账中。</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/changes.py" line="228" />
        <source>As it is now; changed fields in bold.</source>
        <translation>以下为当前内容，本次修改的字段以粗体显示。</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/changes.py" line="259" />
        <source>%n change(s) marked reviewed.</source>
        <translation>已将 %n 条修改标为已审核。</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/changes.py" line="268" />
        <source>Note: please write what should be checked.</source>
        <translation>备注：请写明需要核实的内容。</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/changes.py" line="277" />
        <source>Sent back. The task reaches them on their next sync.</source>
        <translation>已退回。对方下次同步时会收到核实任务。</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/conflicts.py" line="57" />
        <location filename="../../ui/oversight/words.py" line="141" />
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/conflicts.py" line="57" />
        <location filename="../../ui/oversight/words.py" line="141" />
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/conflicts.py" line="65" />
        <location filename="../../ui/oversight/conflicts.py" line="160" />
        <source>Another value</source>
        <translation>其他值</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/conflicts.py" line="93" />
        <source>%1: please enter a number.</source>
        <translation>%1：请填写数字。</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/conflicts.py" line="125" />
        <location filename="../../ui/oversight/conflicts.py" line="149" />
        <source>Choose a record on the left.</source>
        <translation>请从左侧选择一条记录。</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/conflicts.py" line="155" />
        <source>%1 changed these fields on a device while the server already had other values. Choose per field which value stays, or type another; then press Resolve. Every device gets the result on its next sync.</source>
        <translation>%1 在设备上修改了以下字段，而服务器上已是另外的值。请逐项选择保留哪个值，或填写新的值，然后点击“处理”。各设备下次同步时都会得到处理结果。</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/conflicts.py" line="159" />
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/conflicts.py" line="159" />
        <source>Before both changes</source>
        <translation>修改前</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/conflicts.py" line="159" />
        <source>On the device</source>
        <translation>设备上的值</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/conflicts.py" line="160" />
        <source>On the server now</source>
        <translation>服务器现在的值</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/conflicts.py" line="184" />
        <source>Show the whole values (this is recorded)</source>
        <translation>显示完整号码（此操作会被记录）</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/conflicts.py" line="192" />
        <source>Take the value %1 entered on the device</source>
        <translation>采用 %1 在设备上填写的值</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/conflicts.py" line="194" />
        <source>Keep the value the server has now</source>
        <translation>保留服务器上现在的值</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/conflicts.py" line="208" />
        <source>This field cannot be typed here: choose one of the two values</source>
        <translation>此字段不能在这里填写：请在两个值中选择一个</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/conflicts.py" line="242" />
        <source>No open conflicts in your grids.</source>
        <translation>您负责的网格内没有待处理的冲突。</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/conflicts.py" line="245" />
        <source>Resolve</source>
        <translation>处理</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/conflicts.py" line="323" />
        <source>Resolving…</source>
        <translation>正在处理…</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/conflicts.py" line="327" />
        <source>Resolved. Every device in the grid gets the value on its next sync.</source>
        <translation>已处理。网格内各设备下次同步时都会得到这个值。</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/connection.py" line="67" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/connection.py" line="69" />
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/connection.py" line="70" />
        <source>Try again</source>
        <translation>重试</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/connection.py" line="87" />
        <source>This profile is not connected to a server, and these checks run on the server.</source>
        <translation>此档案没有连接服务器，而这些核查在服务器上进行。</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/connection.py" line="90" />
        <source>You are not logged in to the server. Conflicts, register changes and duplicates are kept there: enter your password to see them.</source>
        <translation>您尚未登录服务器。冲突、台账修改和重复登记都保存在服务器上：请输入密码查看。</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/connection.py" line="93" />
        <source>The server cannot be reached, and these checks run on the server. Try again when the network is back.</source>
        <translation>连接不上服务器，而这些核查在服务器上进行。网络恢复后请重试。</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/connection.py" line="108" />
        <source>Password: please enter it.</source>
        <translation>密码：请输入。</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/connection.py" line="115" />
        <source>The server did not accept this password.</source>
        <translation>服务器不接受这个密码。</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/duplicates.py" line="45" />
        <source>In another grid: details are not shown</source>
        <translation>在其他网格：不显示详细信息</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/duplicates.py" line="47" />
        <source>Waiting, sent by %1</source>
        <translation>待核查，由 %1 上传</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/duplicates.py" line="48" />
        <source>In the register</source>
        <translation>已在台账中</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/duplicates.py" line="53" />
        <source>(registered elsewhere)</source>
        <translation>（在其他网格登记）</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/duplicates.py" line="73" />
        <source>Check</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/duplicates.py" line="79" />
        <source>Nothing found: no such records touch your grids.</source>
        <translation>未发现问题：您负责的网格内没有此类记录。</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/duplicates.py" line="103" />
        <source>Keep the chosen record, remove the others</source>
        <translation>保留所选记录，删除其他记录</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/duplicates.py" line="105" />
        <source>Not the same person</source>
        <translation>不是同一人</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/duplicates.py" line="152" />
        <source>%n record(s)</source>
        <translation>%n 条记录</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/duplicates.py" line="174" />
        <source>Choose a group on the left.</source>
        <translation>请从左侧选择一组记录。</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/duplicates.py" line="177" />
        <source>One ID number on more than one record. The later one waits outside the register until you keep one of them, or the worker corrects the number.</source>
        <translation>同一身份证号登记在多条记录中。后登记的记录暂不进入台账，待您保留其中一条，或由网格员更正身份证号。</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/duplicates.py" line="180" />
        <source>These records look like one person living in two grids. Keep the right one, or say they are different people.</source>
        <translation>这些记录像是同一人登记在两个网格。请保留正确的一条，或标为不是同一人。</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/duplicates.py" line="207" />
        <source>Remove records?</source>
        <translation>删除记录？</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/duplicates.py" line="208" />
        <source>Keep the chosen record and remove %n other record(s)? Every device in their grids loses them on its next sync.</source>
        <translation>保留所选记录并删除其他 %n 条记录吗？相关网格的设备下次同步时将删除这些记录。</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/duplicates.py" line="210" />
        <source>Keep and remove</source>
        <translation>保留并删除其他</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/duplicates.py" line="219" />
        <source>Kept one record, removed %n.</source>
        <translation>已保留一条记录，删除 %n 条。</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/duplicates.py" line="226" />
        <source>Marked as different people.</source>
        <translation>已标为不是同一人。</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/words.py" line="101" />
        <source>, </source>
        <translation>、</translation>
    </message>
    </context>
<context>
    <name>pages</name>
    <message>
        <location filename="../../ui/pages/__init__.py" line="43" />
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../ui/pages/__init__.py" line="45" />
        <source>Review</source>
        <translation>审核</translation>
    </message>
    <message>
        <location filename="../../ui/pages/__init__.py" line="47" />
        <source>Register</source>
        <translation>台账</translation>
    </message>
    <message>
        <location filename="../../ui/pages/__init__.py" line="49" />
        <source>Patrols</source>
        <translation>巡查</translation>
    </message>
    <message>
        <location filename="../../ui/pages/__init__.py" line="51" />
        <source>Visits</source>
        <translation>走访</translation>
    </message>
    <message>
        <location filename="../../ui/pages/__init__.py" line="53" />
        <source>Issues</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/__init__.py" line="55" />
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../ui/pages/__init__.py" line="56" />
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <location filename="../../ui/pages/__init__.py" line="58" />
        <source>Dashboard</source>
        <translation>统计考核</translation>
    </message>
    <message>
        <location filename="../../ui/pages/__init__.py" line="60" />
        <source>Data quality</source>
        <translation>数据质量</translation>
    </message>
    <message>
        <location filename="../../ui/pages/__init__.py" line="61" />
        <source>Sync</source>
        <translation>同步</translation>
    </message>
</context>
<context><name>formats</name><message>
        <location filename="../../ui/dashboard/formats.py" line="31" />
        <source>%1 d %2 h</source>
        <translation>%1天%2小时</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/formats.py" line="33" />
        <location filename="../../ui/issues/deadline_style.py" line="48" />
        <location filename="../../ui/issues/deadline_style.py" line="50" />
        <source>%1 h</source>
        <translation>%1小时</translation>
    </message>
    <message>
        <location filename="../../ui/dashboard/formats.py" line="34" />
        <location filename="../../ui/issues/deadline_style.py" line="52" />
        <location filename="../../ui/issues/deadline_style.py" line="54" />
        <source>%1 min</source>
        <translation>%1分钟</translation>
    </message>
    </context><context><name>drills</name><message>
        <location filename="../../ui/demo/drill_panel.py" line="36" />
        <source>Report a blocked drain with photos</source>
        <translation>上报雨水口堵塞（带照片）</translation>
    </message>
    <message>
        <location filename="../../ui/demo/drill_panel.py" line="37" />
        <source>Verify a handled case</source>
        <translation>核查一件已处置的案件</translation>
    </message>
    <message>
        <location filename="../../ui/demo/drill_panel.py" line="38" />
        <source>Log a door-to-door visit</source>
        <translation>登记一次入户走访</translation>
    </message>
    <message>
        <location filename="../../ui/demo/drill_panel.py" line="39" />
        <source>Find a resident by the end of their ID number</source>
        <translation>按身份证号尾号查找人员</translation>
    </message>
    <message>
        <location filename="../../ui/demo/drill_panel.py" line="47" />
        <source>Open Issues, start a new report and choose the category “blocked or overflowing drain” (雨污水口堵塞冒溢)</source>
        <translation>打开“事件”，新建上报，选择分类“雨污水口堵塞冒溢”</translation>
    </message>
    <message>
        <location filename="../../ui/demo/drill_panel.py" line="49" />
        <source>Add at least one photo of the drain</source>
        <translation>至少添加一张雨水口的照片</translation>
    </message>
    <message>
        <location filename="../../ui/demo/drill_panel.py" line="50" />
        <source>Fill in the place and what you saw, then report it (not as a draft)</source>
        <translation>填写地点和看到的情况，然后上报（不要存为草稿）</translation>
    </message>
    <message>
        <location filename="../../ui/demo/drill_panel.py" line="53" />
        <source>Open Tasks: the cases waiting for your verification are listed there</source>
        <translation>打开“任务”：等待您核查的案件都列在那里</translation>
    </message>
    <message>
        <location filename="../../ui/demo/drill_panel.py" line="54" />
        <source>Look at the place, add a verification photo, choose passed or failed, save</source>
        <translation>到现场查看，添加核查照片，选择通过或不通过，保存</translation>
    </message>
    <message>
        <location filename="../../ui/demo/drill_panel.py" line="57" />
        <source>Open a household in the Register and start a visit (Ctrl+Shift+V)</source>
        <translation>在“台账”中打开一户，开始走访（Ctrl+Shift+V）</translation>
    </message>
    <message>
        <location filename="../../ui/demo/drill_panel.py" line="58" />
        <source>Tick the people you met at the door</source>
        <translation>勾选入户时见到的人</translation>
    </message>
    <message>
        <location filename="../../ui/demo/drill_panel.py" line="59" />
        <source>Save the visit</source>
        <translation>保存走访记录</translation>
    </message>
    <message>
        <location filename="../../ui/demo/drill_panel.py" line="62" />
        <source>In the Register, search for the ID number that ends in %1</source>
        <translation>在“台账”中搜索身份证号尾号为 %1 的人</translation>
    </message>
    <message>
        <location filename="../../ui/demo/drill_panel.py" line="64" />
        <source>Type that person's name below and press Check</source>
        <translation>在下面输入此人的姓名，然后点“检查”</translation>
    </message>
    </context><context><name>exchange</name><message>
        <location filename="../../ui/exchange/actions.py" line="36" />
        <source>Export the register</source>
        <translation>导出台账</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/actions.py" line="37" />
        <source>register</source>
        <translation>台账</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/actions.py" line="40" />
        <source>Exporting the register</source>
        <translation>正在导出台账</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/actions.py" line="47" />
        <source>Export the case list</source>
        <translation>导出案件清单</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/actions.py" line="48" />
        <source>cases</source>
        <translation>案件清单</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/actions.py" line="52" />
        <source>Exporting the case list</source>
        <translation>正在导出案件清单</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/actions.py" line="74" />
        <source>Import the register</source>
        <translation>导入台账</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/actions.py" line="78" />
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/actions.py" line="95" />
        <source>This file cannot be imported</source>
        <translation>无法导入这个文件</translation>
    </message>
    <message>
        <location filename="../../ui/exchange/files.py" line="27" />
        <location filename="../../ui/exchange/files.py" line="36" />
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    </context><context><name>reports</name><message>
        <location filename="../../ui/issues/action_panel.py" line="74" />
        <location filename="../../ui/issues/detail.py" line="188" />
        <location filename="../../ui/reports/pdf.py" line="166" />
        <source>Department</source>
        <translation>处置部门</translation>
    </message>
    <message>
        <location filename="../../ui/issues/action_panel.py" line="79" />
        <location filename="../../ui/issues/detail.py" line="189" />
        <location filename="../../ui/issues/issue_list.py" line="109" />
        <location filename="../../ui/reports/pdf.py" line="166" />
        <source>Deadline</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="148" />
        <location filename="../../ui/issues/issue_list.py" line="50" />
        <location filename="../../ui/reports/pdf.py" line="167" />
        <source>(not numbered yet)</source>
        <translation>（尚未编号）</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="175" />
        <location filename="../../ui/issues/issue_list.py" line="90" />
        <location filename="../../ui/issues/issue_list.py" line="107" />
        <location filename="../../ui/reports/pdf.py" line="151" />
        <location filename="../../ui/reports/pdf.py" line="165" />
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../ui/issues/issue_list.py" line="90" />
        <location filename="../../ui/issues/issue_list.py" line="108" />
        <location filename="../../ui/reports/pdf.py" line="156" />
        <location filename="../../ui/reports/pdf.py" line="165" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/changes.py" line="67" />
        <location filename="../../ui/patrols/rows.py" line="25" />
        <location filename="../../ui/reports/pdf.py" line="160" />
        <location filename="../../ui/reports/pdf.py" line="165" />
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../ui/patrols/rows.py" line="27" />
        <location filename="../../ui/reports/pdf.py" line="142" />
        <location filename="../../ui/reports/pdf.py" line="151" />
        <location filename="../../ui/reports/pdf.py" line="160" />
        <source>Cases reported</source>
        <translation>上报事件</translation>
    </message>
    <message>
        <location filename="../../ui/reports/pdf.py" line="63" />
        <source>Daily case report</source>
        <translation>网格事件日报</translation>
    </message>
    <message>
        <location filename="../../ui/reports/pdf.py" line="63" />
        <source>Weekly case report</source>
        <translation>网格事件周报</translation>
    </message>
    <message>
        <location filename="../../ui/reports/pdf.py" line="64" />
        <source>Monthly case report</source>
        <translation>网格事件月报</translation>
    </message>
    <message>
        <location filename="../../ui/reports/pdf.py" line="74" />
        <source>Period: %1 (China Standard Time)</source>
        <translation>统计周期：%1（北京时间）</translation>
    </message>
    <message>
        <location filename="../../ui/reports/pdf.py" line="75" />
        <source>Period: %1 to %2 (China Standard Time)</source>
        <translation>统计周期：%1 至 %2（北京时间）</translation>
    </message>
    <message>
        <location filename="../../ui/reports/pdf.py" line="98" />
        <source>Component</source>
        <translation>部件</translation>
    </message>
    <message>
        <location filename="../../ui/reports/pdf.py" line="98" />
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../ui/reports/pdf.py" line="98" />
        <source>Grid matter</source>
        <translation>网格事项</translation>
    </message>
    <message>
        <location filename="../../ui/reports/pdf.py" line="130" />
        <source>No cases were reported in this period.</source>
        <translation>本期没有上报的事件。</translation>
    </message>
    <message>
        <location filename="../../ui/reports/pdf.py" line="131" />
        <source>Made %1 by %2 · %3 grid(s)</source>
        <translation>制表时间：%1　制表人：%2　网格数：%3</translation>
    </message>
    <message>
        <location filename="../../ui/reports/pdf.py" line="133" />
        <source>Closure rate: cases closed before the end of the period ÷ cases reported in it, reports not accepted left out. Statuses and the overdue list are as they stand when the report is made.</source>
        <translation>结案率＝本期上报的事件中在统计期结束前结案的件数 ÷ 本期上报件数（不予立案的不计）。事件状态和超期清单为制表时的情况。</translation>
    </message>
    <message>
        <location filename="../../ui/reports/pdf.py" line="141" />
        <source>Summary</source>
        <translation>汇总</translation>
    </message>
    <message>
        <location filename="../../ui/reports/pdf.py" line="142" />
        <source>Not accepted</source>
        <translation>不予立案</translation>
    </message>
    <message>
        <location filename="../../ui/reports/pdf.py" line="142" />
        <location filename="../../ui/reports/pdf.py" line="151" />
        <location filename="../../ui/reports/pdf.py" line="160" />
        <source>Cases closed</source>
        <translation>结案事件</translation>
    </message>
    <message>
        <location filename="../../ui/reports/pdf.py" line="142" />
        <location filename="../../ui/reports/pdf.py" line="152" />
        <location filename="../../ui/reports/pdf.py" line="160" />
        <source>Closure rate</source>
        <translation>结案率</translation>
    </message>
    <message>
        <location filename="../../ui/reports/pdf.py" line="143" />
        <source>Closed on time</source>
        <translation>按时结案</translation>
    </message>
    <message>
        <location filename="../../ui/reports/pdf.py" line="143" />
        <location filename="../../ui/reports/pdf.py" line="152" />
        <location filename="../../ui/reports/pdf.py" line="161" />
        <source>On-time rate</source>
        <translation>按时结案率</translation>
    </message>
    <message>
        <location filename="../../ui/reports/pdf.py" line="143" />
        <source>Hours to close</source>
        <translation>平均办理时长（小时）</translation>
    </message>
    <message>
        <location filename="../../ui/reports/pdf.py" line="144" />
        <location filename="../../ui/reports/pdf.py" line="161" />
        <source>Overdue now</source>
        <translation>当前超期</translation>
    </message>
    <message>
        <location filename="../../ui/reports/pdf.py" line="150" />
        <source>Cases by category</source>
        <translation>按类别统计</translation>
    </message>
    <message>
        <location filename="../../ui/reports/pdf.py" line="151" />
        <location filename="../../ui/visits/rows.py" line="30" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/reports/pdf.py" line="155" />
        <source>Cases by status</source>
        <translation>按状态统计</translation>
    </message>
    <message>
        <location filename="../../ui/reports/pdf.py" line="156" />
        <source>Cases</source>
        <translation>件数</translation>
    </message>
    <message>
        <location filename="../../ui/reports/pdf.py" line="159" />
        <source>Cases by grid</source>
        <translation>按网格统计</translation>
    </message>
    <message>
        <location filename="../../ui/reports/pdf.py" line="164" />
        <source>Overdue cases (%1)</source>
        <translation>超期事件清单（%1件）</translation>
    </message>
    <message>
        <location filename="../../ui/reports/pdf.py" line="165" />
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <location filename="../../ui/reports/pdf.py" line="165" />
        <source>Case number</source>
        <translation>事件编号</translation>
    </message>
    <message>
        <location filename="../../ui/reports/pdf.py" line="166" />
        <source>Overdue by</source>
        <translation>超期时长</translation>
    </message>
    <message>
        <location filename="../../ui/reports/pdf.py" line="171" />
        <source>No case is overdue.</source>
        <translation>没有超期事件。</translation>
    </message>
    <message>
        <location filename="../../ui/reports/pdf.py" line="219" />
        <source>Could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <location filename="../../ui/reports/pdf.py" line="234" />
        <source>Page %1 of %2</source>
        <translation>第 %1 页，共 %2 页</translation>
    </message>
    </context><context><name>messages</name><message>
        <location filename="../../ui/messages.py" line="24" />
        <source>No connection to the server. Your work is kept on this computer and will be sent when the network is back.</source>
        <translation>连不上服务器。您的工作已保存在本机，网络恢复后会自动上传。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="26" />
        <source>Your login has expired. Log in again to sync.</source>
        <translation>登录已过期，请重新登录后再同步。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="27" />
        <source>This app and the server do not match. Ask your administrator to update the app.</source>
        <translation>本软件与服务器版本不一致，请联系管理员更新软件。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="29" />
        <source>The server had a problem. Try again later; if it keeps happening, tell your administrator the request number %1.</source>
        <translation>服务器出现问题，请稍后再试；如果一直这样，请把请求编号 %1 告诉管理员。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="31" />
        <source>The server refused: %1</source>
        <translation>服务器拒绝了：%1</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="32" />
        <source>Sync stopped. What was done is kept; the rest follows next time.</source>
        <translation>同步已停止。已完成的部分都已保存，其余的下次继续。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="40" />
        <source>Wrong password. Try again.</source>
        <translation>密码不对，请再试一次。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="41" />
        <source>Please wait before the next try.</source>
        <translation>请稍候再试。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="43" />
        <source>Too many wrong passwords: this laptop no longer checks the password itself. Connect to the network, and the server will check it.</source>
        <translation>密码错误次数过多，本机已停止验证密码。请连接网络，由服务器验证密码后登录。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="46" />
        <source>The profile is locked. Enter your password.</source>
        <translation>档案已锁定，请输入密码。</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="50" />
        <source>Could not read or write a file: %1</source>
        <translation>无法读写文件：%1</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="51" />
        <source>Something went wrong (%1). Your saved work is safe.</source>
        <translation>出现了问题（%1）。已保存的工作不受影响。</translation>
    </message>
    </context><context><name>patrols</name><message>
        <location filename="../../ui/oversight/changes.py" line="67" />
        <location filename="../../ui/patrols/rows.py" line="25" />
        <location filename="../../ui/reports/pdf.py" line="160" />
        <location filename="../../ui/reports/pdf.py" line="165" />
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../ui/oversight/changes.py" line="76" />
        <location filename="../../ui/patrols/rows.py" line="27" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/patrols/rows.py" line="24" />
        <location filename="../../ui/visits/rows.py" line="29" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/patrols/rows.py" line="24" />
        <source>Time slot</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../../ui/patrols/rows.py" line="25" />
        <source>Items checked</source>
        <translation>检查项数</translation>
    </message>
    <message>
        <location filename="../../ui/patrols/rows.py" line="26" />
        <source>Problems found</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <location filename="../../ui/patrols/rows.py" line="27" />
        <location filename="../../ui/reports/pdf.py" line="142" />
        <location filename="../../ui/reports/pdf.py" line="151" />
        <location filename="../../ui/reports/pdf.py" line="160" />
        <source>Cases reported</source>
        <translation>上报事件</translation>
    </message>
    <message>
        <location filename="../../ui/patrols/rows.py" line="34" />
        <source>Finished %1</source>
        <translation>%1 结束</translation>
    </message>
    <message>
        <location filename="../../ui/patrols/rows.py" line="35" />
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    </context><context><name>visits</name><message>
        <location filename="../../ui/patrols/rows.py" line="24" />
        <location filename="../../ui/visits/rows.py" line="29" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/register/models.py" line="56" />
        <location filename="../../ui/visits/rows.py" line="48" />
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../ui/register/models.py" line="59" />
        <location filename="../../ui/visits/rows.py" line="49" />
        <source>Last visit</source>
        <translation>最近走访</translation>
    </message>
    <message>
        <location filename="../../ui/reports/pdf.py" line="151" />
        <location filename="../../ui/visits/rows.py" line="30" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/visits/rows.py" line="29" />
        <location filename="../../ui/visits/rows.py" line="48" />
        <source>Household address</source>
        <translation>住户地址</translation>
    </message>
    <message>
        <location filename="../../ui/visits/rows.py" line="30" />
        <source>Needs</source>
        <translation>诉求</translation>
    </message>
    <message>
        <location filename="../../ui/visits/rows.py" line="31" />
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../ui/visits/rows.py" line="31" />
        <source>Visitor</source>
        <translation>走访人</translation>
    </message>
    <message>
        <location filename="../../ui/visits/rows.py" line="54" />
        <source>Never visited</source>
        <translation>从未走访</translation>
    </message>
</context><context><name>register</name><message>
        <location filename="../../ui/register/models.py" line="54" />
        <location filename="../../ui/register/models.py" line="82" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/register/models.py" line="55" />
        <source>Door</source>
        <translation>门牌</translation>
    </message>
    <message>
        <location filename="../../ui/register/models.py" line="56" />
        <location filename="../../ui/visits/rows.py" line="48" />
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../ui/register/models.py" line="57" />
        <source>Housing</source>
        <translation>房屋使用</translation>
    </message>
    <message>
        <location filename="../../ui/register/models.py" line="58" />
        <source>Residents</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../ui/register/models.py" line="59" />
        <location filename="../../ui/visits/rows.py" line="49" />
        <source>Last visit</source>
        <translation>最近走访</translation>
    </message>
    <message>
        <location filename="../../ui/register/models.py" line="65" />
        <location filename="../../ui/register/models.py" line="82" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/register/models.py" line="66" />
        <location filename="../../ui/register/models.py" line="82" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../ui/register/models.py" line="67" />
        <source>Gender</source>
        <translation>性别</translation>
    </message>
    <message>
        <location filename="../../ui/register/models.py" line="68" />
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <location filename="../../ui/register/models.py" line="69" />
        <source>Relation to head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <location filename="../../ui/register/models.py" line="70" />
        <source>Residence</source>
        <translation>居住类型</translation>
    </message>
    <message>
        <location filename="../../ui/register/models.py" line="82" />
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/register/models.py" line="83" />
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../ui/register/models.py" line="83" />
        <source>Resident</source>
        <translation>人员</translation>
    </message>
    </context></TS>