<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
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
    <name>HouseholdForm</name>
    <message>
        <location filename="../../ui/register/household_form.py" line="62" />
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="63" />
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="64" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="65" />
        <source>Door number</source>
        <translation>门牌号</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="66" />
        <source>Housing</source>
        <translation>房屋使用</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="67" />
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="68" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="69" />
        <source>Landlord</source>
        <translation>房东</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="70" />
        <source>Landlord's phone</source>
        <translation>房东电话</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="72" />
        <source>Contact card</source>
        <translation>联系卡</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="73" />
        <source>Contact card given</source>
        <translation>已发放联系卡</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="74" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="77" />
        <source>e.g. 12 Xingfu Road, building 3, unit 2</source>
        <translation>例如：幸福路12号3栋2单元</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="79" />
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="83" />
        <source>Save household</source>
        <translation>保存住户</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="85" />
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="86" />
        <source>Log visit</source>
        <translation>登记走访</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="88" />
        <source>Record a door-to-door visit (Ctrl+Shift+V)</source>
        <translation>登记一次入户走访（Ctrl+Shift+V）</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="89" />
        <source>Remove household</source>
        <translation>删除住户</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="118" />
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="119" />
        <source>New household</source>
        <translation>新增住户</translation>
    </message>
    <message>
        <location filename="../../ui/register/household_form.py" line="165" />
        <source>— none —</source>
        <translation>— 无 —</translation>
    </message>
</context>
<context>
    <name>IssuesPage</name>
    <message>
        <location filename="../../ui/pages/issues.py" line="32" />
        <source>New report</source>
        <translation>新建上报</translation>
    </message>
    <message>
        <location filename="../../ui/pages/issues.py" line="33" />
        <source>Report a new issue (Ctrl+N)</source>
        <translation>上报新事件（Ctrl+N）</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../ui/lock.py" line="62" />
        <source>Locked. Enter your password to continue.</source>
        <translation>已锁定。请输入密码继续使用。</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="67" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="70" />
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="80" />
        <source>Demo password: %1</source>
        <translation>演示密码：%1</translation>
    </message>
    <message>
        <location filename="../../ui/lock.py" line="105" />
        <source>Wrong password. Try again.</source>
        <translation>密码不对，请再试一次。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login.py" line="47" />
        <source>Log in — Grid Inspector</source>
        <translation>登录 — 网格巡查</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="50" />
        <source>Log in with the account your administrator gave you.</source>
        <translation>请使用管理员为您开设的账号登录。</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="52" />
        <source>Welcome back, %1. Enter your password.</source>
        <translation>%1，欢迎回来。请输入密码。</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="63" />
        <location filename="../../ui/login.py" line="82" />
        <source>Server address</source>
        <translation>服务器地址</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="64" />
        <location filename="../../ui/login.py" line="82" />
        <source>User name</source>
        <translation>账号</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="65" />
        <location filename="../../ui/login.py" line="85" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="73" />
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="88" />
        <source>%1: please fill this in.</source>
        <translation>%1：请填写。</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="93" />
        <source>Checking…</source>
        <translation>正在核对…</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="107" />
        <source>Wrong password. Try again.</source>
        <translation>密码不对，请再试一次。</translation>
    </message>
    <message>
        <location filename="../../ui/login.py" line="115" />
        <source>The server did not accept this user name and password.</source>
        <translation>服务器不接受这个账号和密码。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="37" />
        <source>Grid Inspector</source>
        <translation>网格巡查</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="44" />
        <source>Demo mode — fictional data for training only</source>
        <translation>演示模式 — 虚构数据，仅供培训使用</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="75" />
        <source>%1 (Ctrl+%2)</source>
        <translation>%1（Ctrl+%2）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="104" />
        <source>Log in on the Sync page to send your work.</source>
        <translation>请在“同步”页登录，以便上传您的工作。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="179" />
        <source>Never synced</source>
        <translation>尚未同步</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="181" />
        <source>Last sync: %1</source>
        <translation>上次同步：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="186" />
        <source>● Online</source>
        <translation>● 在线</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="189" />
        <source>○ Offline</source>
        <translation>○ 离线</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/main_window.py" line="177" />
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
    <name>PatrolsPage</name>
    <message>
        <location filename="../../ui/pages/patrols.py" line="82" />
        <source>Patrol</source>
        <translation>巡查</translation>
    </message>
    <message>
        <location filename="../../ui/pages/patrols.py" line="83" />
        <source>History</source>
        <translation>办理过程</translation>
    </message>
    <message>
        <location filename="../../ui/pages/patrols.py" line="90" />
        <source>Start a patrol</source>
        <translation>开始巡查</translation>
    </message>
    <message>
        <location filename="../../ui/pages/patrols.py" line="102" />
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../ui/pages/patrols.py" line="115" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/pages/patrols.py" line="117" />
        <source>Time slot</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../../ui/pages/patrols.py" line="120" />
        <source>Start patrol (Ctrl+P)</source>
        <translation>开始巡查（Ctrl+P）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/patrols.py" line="151" />
        <source>Finish patrol</source>
        <translation>结束巡查</translation>
    </message>
    <message>
        <location filename="../../ui/pages/patrols.py" line="194" />
        <source>You have no grid to patrol. Ask your supervisor.</source>
        <translation>您没有可巡查的网格，请联系上级。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/patrols.py" line="218" />
        <source>Patrol of %1 · %2 · started %3</source>
        <translation>%1 巡查 · %2 · %3 开始</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/patrols.py" line="245" />
        <source>%n item(s) checked</source>
        <translation>
            <numerusform>已检查 %n 项</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/pages/patrols.py" line="307" />
        <source>Problem reported as a case.</source>
        <translation>问题已作为事件上报。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/patrols.py" line="324" />
        <source>Patrol finished: %n item(s) checked.</source>
        <translation>
            <numerusform>巡查已结束：共检查 %n 项。</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/patrols.py" line="344" />
        <source>%n item(s) checked:</source>
        <translation>
            <numerusform>检查了 %n 项：</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/pages/patrols.py" line="351" />
        <source>case reported</source>
        <translation>已上报事件</translation>
    </message>
</context>
<context>
    <name>PhotoStrip</name>
    <message>
        <location filename="../../ui/widgets/photo_strip.py" line="47" />
        <source>Choose photos</source>
        <translation>选择照片</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/photo_strip.py" line="48" />
        <source>Images (*.jpg *.jpeg *.png *.webp)</source>
        <translation>图片 (*.jpg *.jpeg *.png *.webp)</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/photo_strip.py" line="56" />
        <source>no time</source>
        <translation>无拍摄时间</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/photo_strip.py" line="146" />
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/photo_strip.py" line="148" />
        <source>Choose photo files, or drag them here</source>
        <translation>选择照片文件，或把照片拖到这里</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/photo_strip.py" line="151" />
        <location filename="../../ui/widgets/photo_strip.py" line="242" />
        <source>or drag photos here</source>
        <translation>或把照片拖到这里</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/photo_strip.py" line="213" />
        <source>This photo is already added.</source>
        <translation>这张照片已经添加过了。</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/photo_strip.py" line="228" />
        <source>%1 was not added: %2</source>
        <translation>%1 未能添加：%2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/widgets/photo_strip.py" line="241" />
        <source>Adding %n photo(s)…</source>
        <translation>
            <numerusform>正在添加 %n 张照片…</numerusform></translation>
    </message>
</context>
<context>
    <name>PhotoTile</name>
    <message>
        <location filename="../../ui/widgets/photo_strip.py" line="90" />
        <location filename="../../ui/widgets/photo_strip.py" line="91" />
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
        <location filename="../../ui/pages/register.py" line="91" />
        <source>Search: name, pinyin, last digits of ID number, phone, address (Ctrl+F)</source>
        <translation>搜索：姓名、拼音、身份证号后几位、电话、地址（Ctrl+F）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="109" />
        <source>New household</source>
        <translation>新增住户</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="111" />
        <source>Register a new household (Ctrl+N)</source>
        <translation>登记新住户（Ctrl+N）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="143" />
        <source>Add resident</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="145" />
        <source>Add a person to this household (Ctrl+Shift+A)</source>
        <translation>为本户添加人员（Ctrl+Shift+A）</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="148" />
        <source>Edit</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="151" />
        <source>Move…</source>
        <translation>迁移…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="153" />
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="155" />
        <source>Residents</source>
        <translation>人数</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="165" />
        <source>Save the household first, then add its residents.</source>
        <translation>请先保存住户，再添加家庭成员。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="176" />
        <source>Choose a household from the list, or press “New household”.</source>
        <translation>请从列表中选择一户，或点击“新增住户”。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="211" />
        <source>All my grids</source>
        <translation>我的全部网格</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/register.py" line="300" />
        <source>First %n matches: type more to narrow</source>
        <translation>
            <numerusform>仅显示前 %n 条：请多输入几个字缩小范围</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/register.py" line="301" />
        <source>%n found</source>
        <translation>
            <numerusform>找到 %n 条</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/register.py" line="303" />
        <source>%n households</source>
        <translation>
            <numerusform>共 %n 户</numerusform></translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="418" />
        <source>Household saved</source>
        <translation>住户已保存</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="432" />
        <source>Remove this household from the register?</source>
        <translation>确定从台账中删除该住户吗？</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="443" />
        <source>Logging visits is not available in this version.</source>
        <translation>此版本暂不能登记走访。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="487" />
        <source>Remove this person from the register? If they moved away, use “Move…” instead.</source>
        <translation>确定从台账中删除此人吗？如已搬走，请改用“迁移…”。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="495" />
        <source>Please confirm</source>
        <translation>请确认</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="530" />
        <source>This person is no longer in the register.</source>
        <translation>此人已不在台账中。</translation>
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
        <location filename="../../ui/register/resident_dialog.py" line="93" />
        <source>Edit resident</source>
        <translation>修改人员信息</translation>
    </message>
    <message>
        <location filename="../../ui/register/resident_dialog.py" line="93" />
        <source>Add resident</source>
        <translation>添加人员</translation>
    </message>
    <message>
        <location filename="../../ui/register/resident_dialog.py" line="102" />
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../ui/register/resident_dialog.py" line="105" />
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <location filename="../../ui/register/resident_dialog.py" line="106" />
        <source>Show the full ID number (this is recorded)</source>
        <translation>显示完整身份证号（此操作会被记录）</translation>
    </message>
    <message>
        <location filename="../../ui/register/resident_dialog.py" line="113" />
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <location filename="../../ui/register/resident_dialog.py" line="115" />
        <source>Gender and date of birth are read from the ID number.</source>
        <translation>性别和出生日期根据身份证号码自动得出。</translation>
    </message>
    <message>
        <location filename="../../ui/register/resident_dialog.py" line="118" />
        <source>Relation to head</source>
        <translation>与户主关系</translation>
    </message>
    <message>
        <location filename="../../ui/register/resident_dialog.py" line="119" />
        <source>Residence</source>
        <translation>居住类型</translation>
    </message>
    <message>
        <location filename="../../ui/register/resident_dialog.py" line="120" />
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <location filename="../../ui/register/resident_dialog.py" line="121" />
        <source>Registered address (hukou)</source>
        <translation>户籍地址</translation>
    </message>
    <message>
        <location filename="../../ui/register/resident_dialog.py" line="123" />
        <source>Employment</source>
        <translation>就业状况</translation>
    </message>
    <message>
        <location filename="../../ui/register/resident_dialog.py" line="124" />
        <source>Care</source>
        <translation>关注标签</translation>
    </message>
    <message>
        <location filename="../../ui/register/resident_dialog.py" line="127" />
        <source>Restricted</source>
        <translation>受限标签</translation>
    </message>
    <message>
        <location filename="../../ui/register/resident_dialog.py" line="129" />
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../ui/register/resident_dialog.py" line="132" />
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <location filename="../../ui/register/resident_dialog.py" line="138" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/register/resident_dialog.py" line="142" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/register/resident_dialog.py" line="170" />
        <source>%1, born %2</source>
        <translation>%1，%2 出生</translation>
    </message>
    <message>
        <location filename="../../ui/register/resident_dialog.py" line="215" />
        <source>Resident saved</source>
        <translation>人员已保存</translation>
    </message>
</context>
<context>
    <name>StoredPhotos</name>
    <message>
        <location filename="../../ui/widgets/photo_strip.py" line="304" />
        <source>No photos</source>
        <translation>没有照片</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../ui/sync_controller.py" line="140" />
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
        <source>Check data</source>
        <translation>核对数据</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="136" />
        <source>Report status</source>
        <translation>报告状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="151" />
        <source>This profile has no server to sync with.</source>
        <translation>此档案还没有可同步的服务器。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="154" />
        <source>Server: %1</source>
        <translation>服务器：%1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="155" />
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="155" />
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/sync.py" line="159" />
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
        <location filename="../../ui/pages/sync.py" line="175" />
        <source>Conflict</source>
        <translation>冲突</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="175" />
        <source>Refused</source>
        <translation>被拒绝</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="198" />
        <source>Syncing…</source>
        <translation>正在同步…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="234" />
        <source>Done. Sent %1, received %2.</source>
        <translation>同步完成。上传 %1 条，下载 %2 条。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="237" />
        <source>Some changes were not accepted; see the list below.</source>
        <translation>有些修改未被接受，请看下方列表。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="247" />
        <source>Enter your password to connect to the server.</source>
        <translation>请输入密码以连接服务器。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="253" />
        <source>Password: please enter it.</source>
        <translation>密码：请输入。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sync.py" line="267" />
        <source>The server did not accept this password.</source>
        <translation>服务器不接受这个密码。</translation>
    </message>
</context>
<context>
    <name>TasksPage</name>
    <message>
        <location filename="../../ui/pages/tasks.py" line="60" />
        <source>Show finished tasks</source>
        <translation>显示已办任务</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="63" />
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="63" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="64" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="64" />
        <source>Due</source>
        <translation>截止时间</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="65" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="69" />
        <source>No tasks. New tasks arrive with the next sync.</source>
        <translation>没有任务。新任务会在下次同步时到达。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="77" />
        <source>Choose a task on the left.</source>
        <translation>请在左侧选择一个任务。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="82" />
        <source>Open the case</source>
        <translation>打开案件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="136" />
        <source>This task is not on this computer.</source>
        <translation>这台电脑上没有这个任务。</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="143" />
        <source>To do, by %1</source>
        <translation>待办，截止 %1</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="144" />
        <source>To do</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="146" />
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
        <location filename="../../ui/app.py" line="182" />
        <source>Could not open the profile: %1</source>
        <translation>无法打开档案：%1</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="188" />
        <source>Grid Inspector</source>
        <translation>网格巡查</translation>
    </message>
</context>
<context>
    <name>issues</name>
    <message>
        <location filename="../../ui/issues/words.py" line="19" />
        <source>Report</source>
        <translation>上报</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="20" />
        <source>Handled on the spot</source>
        <translation>现场处置</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="21" />
        <source>Accept</source>
        <translation>立案</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="22" />
        <source>Reject</source>
        <translation>不予立案</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="23" />
        <source>Dispatch</source>
        <translation>派遣</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="24" />
        <source>Handling feedback</source>
        <translation>处置反馈</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="25" />
        <source>Ask for verification</source>
        <translation>发起核查</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="26" />
        <source>Verify</source>
        <translation>核查</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="27" />
        <source>Close</source>
        <translation>结案</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="28" />
        <source>Send back for rework</source>
        <translation>返工</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="29" />
        <source>Follow-up evaluation</source>
        <translation>回访评价</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="30" />
        <source>Urge</source>
        <translation>催办</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="31" />
        <source>Escalate</source>
        <translation>上报上级</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="32" />
        <source>Ask for more time</source>
        <translation>申请延期</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="33" />
        <source>Approve more time</source>
        <translation>批准延期</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="34" />
        <source>Refuse more time</source>
        <translation>驳回延期</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="37" />
        <source>When reported</source>
        <translation>上报时</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="38" />
        <source>Before handling</source>
        <translation>处置前</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="39" />
        <source>After handling</source>
        <translation>处置后</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="40" />
        <source>Handling</source>
        <translation>处置</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="41" />
        <source>Verification</source>
        <translation>核查</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="44" />
        <source>Verify a case</source>
        <translation>核查案件</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="45" />
        <source>Revisit a household</source>
        <translation>回访住户</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="46" />
        <source>Patrol plan</source>
        <translation>巡查计划</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="49" />
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <location filename="../../ui/issues/words.py" line="50" />
        <source>Not passed</source>
        <translation>不通过</translation>
    </message>
<message>
        <location filename="../../ui/issues/action_panel.py" line="56" />
        <location filename="../../ui/issues/detail.py" line="175" />
        <source>Department</source>
        <translation>处置部门</translation>
    </message>
    <message>
        <location filename="../../ui/issues/action_panel.py" line="61" />
        <location filename="../../ui/issues/detail.py" line="176" />
        <location filename="../../ui/issues/issue_list.py" line="104" />
        <source>Deadline</source>
        <translation>办理时限</translation>
    </message>
    <message>
        <location filename="../../ui/issues/action_panel.py" line="64" />
        <location filename="../../ui/issues/detail.py" line="184" />
        <location filename="../../ui/issues/verify_form.py" line="56" />
        <source>Photos</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../ui/issues/action_panel.py" line="71" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/issues/action_panel.py" line="73" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../ui/issues/action_panel.py" line="74" />
        <source>Save (Ctrl+Enter)</source>
        <translation>保存（Ctrl+Enter）</translation>
    </message>
    <message>
        <location filename="../../ui/issues/action_panel.py" line="91" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/issues/action_panel.py" line="91" />
        <source>Note (optional)</source>
        <translation>备注（可不填）</translation>
    </message>
    <message>
        <location filename="../../ui/issues/action_panel.py" line="117" />
        <source>Photos are still being added. Save again in a moment.</source>
        <translation>照片还在添加中，请稍后再保存。</translation>
    </message>
    <message>
        <location filename="../../ui/issues/action_panel.py" line="128" />
        <source>Request saved. The case changes when the server confirms.</source>
        <translation>申请已保存，服务器确认后案件状态才会改变。</translation>
    </message>
    <message>
        <location filename="../../ui/issues/action_panel.py" line="130" />
        <source>Saved: %1</source>
        <translation>已保存：%1</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="88" />
        <source>Back to the list</source>
        <translation>返回列表</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="140" />
        <source>This case is not on this computer.</source>
        <translation>这台电脑上没有这个案件。</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="143" />
        <location filename="../../ui/issues/issue_list.py" line="45" />
        <source>(not numbered yet)</source>
        <translation>（尚未编号）</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="147" />
        <location filename="../../ui/issues/issue_list.py" line="43" />
        <source>%1 · overdue</source>
        <translation>%1 · 已超期</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="162" />
        <location filename="../../ui/issues/issue_list.py" line="85" />
        <location filename="../../ui/issues/issue_list.py" line="102" />
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="163" />
        <location filename="../../ui/issues/issue_list.py" line="86" />
        <location filename="../../ui/issues/issue_list.py" line="102" />
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="164" />
        <source>Triage</source>
        <translation>案件分级</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="165" />
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="166" />
        <source>Occurred at</source>
        <translation>发生时间</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="167" />
        <source>Reported at</source>
        <translation>上报时间</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="168" />
        <source>Reported by</source>
        <translation>上报人</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="169" />
        <location filename="../../ui/issues/issue_list.py" line="104" />
        <source>Where</source>
        <translation>地点</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="170" />
        <source>Point</source>
        <translation>位置点</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="171" />
        <source>Description</source>
        <translation>情况描述</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="172" />
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="172" />
        <source>Losses</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="173" />
        <source>Scope of impact</source>
        <translation>影响范围</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="173" />
        <source>Likely development</source>
        <translation>发展趋势</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="174" />
        <source>Measures taken</source>
        <translation>已采取的措施</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="177" />
        <source>Closed at</source>
        <translation>结案时间</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="186" />
        <source>No photos</source>
        <translation>没有照片</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="198" />
        <source>History</source>
        <translation>办理过程</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="215" />
        <source>Result: %1</source>
        <translation>结果：%1</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="217" />
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="219" />
        <source>Department: %1</source>
        <translation>处置部门：%1</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="221" />
        <source>Deadline: %1</source>
        <translation>办理时限：%1</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="223" />
        <source>Not yet sent to the server</source>
        <translation>尚未发送到服务器</translation>
    </message>
    <message>
        <location filename="../../ui/issues/detail.py" line="225" />
        <source>Refused by the server: %1</source>
        <translation>服务器未接受：%1</translation>
    </message>
    <message>
        <location filename="../../ui/issues/issue_list.py" line="54" />
        <source>Overdue: the time limit has passed</source>
        <translation>已超期：办理时限已过</translation>
    </message>
    <message>
        <location filename="../../ui/issues/issue_list.py" line="71" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/issues/issue_list.py" line="72" />
        <source>Open cases</source>
        <translation>在办案件</translation>
    </message>
    <message>
        <location filename="../../ui/issues/issue_list.py" line="78" />
        <source>All categories</source>
        <translation>全部分类</translation>
    </message>
    <message>
        <location filename="../../ui/issues/issue_list.py" line="80" />
        <source>All severities</source>
        <translation>全部严重程度</translation>
    </message>
    <message>
        <location filename="../../ui/issues/issue_list.py" line="81" />
        <source>Overdue only</source>
        <translation>只看超期</translation>
    </message>
    <message>
        <location filename="../../ui/issues/issue_list.py" line="83" />
        <source>Search title, address or number</source>
        <translation>搜索标题、地址或编号</translation>
    </message>
    <message>
        <location filename="../../ui/issues/issue_list.py" line="85" />
        <location filename="../../ui/issues/issue_list.py" line="103" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/issues/issue_list.py" line="101" />
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/issues/issue_list.py" line="101" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../../ui/issues/issue_list.py" line="103" />
        <source>Reported</source>
        <translation>已上报</translation>
    </message>
    <message>
        <location filename="../../ui/issues/issue_list.py" line="135" />
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
        <location filename="../../ui/pages/tasks.py" line="41" />
        <source>Overdue</source>
        <translation>超期</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="41" />
        <source>To do</source>
        <translation>待办</translation>
    </message>
    <message>
        <location filename="../../ui/pages/tasks.py" line="43" />
        <source>Done: %1</source>
        <translation>已办：%1</translation>
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
        <location filename="../../ui/labels.py" line="54" />
        <source>Simple</source>
        <translation>简单</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="55" />
        <source>Ordinary</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="56" />
        <source>Key</source>
        <translation>重点</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="57" />
        <source>Difficult</source>
        <translation>疑难</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="60" />
        <source>Extremely serious</source>
        <translation>特别重大</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="61" />
        <source>Very serious</source>
        <translation>重大</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="62" />
        <source>Serious</source>
        <translation>较大</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="63" />
        <source>General</source>
        <translation>一般</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="64" />
        <source>Minor</source>
        <translation>影响较小</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="42" />
        <location filename="../../ui/labels.py" line="67" />
        <source>Patrol</source>
        <translation>巡查</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="37" />
        <source>Building</source>
        <translation>楼栋</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="38" />
        <source>Household</source>
        <translation>住户</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="39" />
        <source>Resident</source>
        <translation>人员</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="40" />
        <source>Place</source>
        <translation>单位场所</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="41" />
        <source>Component</source>
        <translation>部件</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="43" />
        <source>Patrol check</source>
        <translation>巡查项</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="44" />
        <location filename="../../ui/labels.py" line="68" />
        <source>Visit</source>
        <translation>走访</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="45" />
        <source>Visit need</source>
        <translation>走访诉求</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="46" />
        <source>Issue</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="47" />
        <source>Case action</source>
        <translation>案件操作</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="48" />
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="49" />
        <source>Photo</source>
        <translation>照片</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="69" />
        <source>Reported by the public</source>
        <translation>群众反映</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="70" />
        <source>12345 hotline</source>
        <translation>12345热线</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="71" />
        <source>Assigned from above</source>
        <translation>上级交办</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="74" />
        <source>Morning</source>
        <translation>早</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="75" />
        <source>Midday</source>
        <translation>中</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="76" />
        <source>Evening</source>
        <translation>晚</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="79" />
        <source>Scheduled patrol</source>
        <translation>定时巡查</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="80" />
        <source>Unscheduled patrol</source>
        <translation>不定时巡查</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="83" />
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="84" />
        <source>Fixed on the spot</source>
        <translation>现场整改</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="85" />
        <source>Problem found</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="86" />
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="89" />
        <source>Urban works and environment</source>
        <translation>城建环保</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="90" />
        <source>Social affairs</source>
        <translation>社会事务</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="91" />
        <source>Hardship relief</source>
        <translation>困难救助</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="92" />
        <source>Economic development</source>
        <translation>经济发展</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="93" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="96" />
        <source>Routine visit</source>
        <translation>日常走访</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="97" />
        <source>Home check</source>
        <translation>入户核查</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="98" />
        <source>Follow-up visit</source>
        <translation>回访</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="99" />
        <source>Assistance visit</source>
        <translation>帮扶</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="102" />
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="103" />
        <source>Mostly satisfied</source>
        <translation>基本满意</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="104" />
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <location filename="../../ui/pages/__init__.py" line="38" />
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <location filename="../../ui/pages/__init__.py" line="40" />
        <source>Register</source>
        <translation>台账</translation>
    </message>
    <message>
        <location filename="../../ui/pages/__init__.py" line="42" />
        <source>Patrols</source>
        <translation>巡查</translation>
    </message>
    <message>
        <location filename="../../ui/pages/__init__.py" line="44" />
        <source>Visits</source>
        <translation>走访</translation>
    </message>
    <message>
        <location filename="../../ui/pages/__init__.py" line="46" />
        <source>Issues</source>
        <translation>事件</translation>
    </message>
    <message>
        <location filename="../../ui/pages/__init__.py" line="48" />
        <source>Tasks</source>
        <translation>任务</translation>
    </message>
    <message>
        <location filename="../../ui/pages/__init__.py" line="49" />
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <location filename="../../ui/pages/__init__.py" line="50" />
        <source>Sync</source>
        <translation>同步</translation>
    </message>
</context>
<context><name>messages</name><message>
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
        <location filename="../../ui/messages.py" line="42" />
        <source>Could not read or write a file: %1</source>
        <translation>无法读写文件：%1</translation>
    </message>
    <message>
        <location filename="../../ui/messages.py" line="43" />
        <source>Something went wrong (%1). Your saved work is safe.</source>
        <translation>出现了问题（%1）。已保存的工作不受影响。</translation>
    </message>
    </context><context><name>patrols</name><message>
        <location filename="../../ui/patrols/rows.py" line="25" />
        <location filename="../../ui/visits/rows.py" line="34" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/patrols/rows.py" line="25" />
        <source>Time slot</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../../ui/patrols/rows.py" line="26" />
        <source>Grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <location filename="../../ui/patrols/rows.py" line="26" />
        <source>Items checked</source>
        <translation>检查项数</translation>
    </message>
    <message>
        <location filename="../../ui/patrols/rows.py" line="27" />
        <source>Problems found</source>
        <translation>发现问题</translation>
    </message>
    <message>
        <location filename="../../ui/patrols/rows.py" line="28" />
        <source>Cases reported</source>
        <translation>上报事件</translation>
    </message>
    <message>
        <location filename="../../ui/patrols/rows.py" line="28" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/patrols/rows.py" line="35" />
        <source>Finished %1</source>
        <translation>%1 结束</translation>
    </message>
    <message>
        <location filename="../../ui/patrols/rows.py" line="36" />
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    </context><context><name>visits</name><message>
        <location filename="../../ui/patrols/rows.py" line="25" />
        <location filename="../../ui/visits/rows.py" line="34" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../ui/register/models.py" line="56" />
        <location filename="../../ui/visits/rows.py" line="53" />
        <source>Head of household</source>
        <translation>户主</translation>
    </message>
    <message>
        <location filename="../../ui/register/models.py" line="59" />
        <location filename="../../ui/visits/rows.py" line="54" />
        <source>Last visit</source>
        <translation>最近走访</translation>
    </message>
    <message>
        <location filename="../../ui/visits/rows.py" line="34" />
        <location filename="../../ui/visits/rows.py" line="53" />
        <source>Household address</source>
        <translation>住户地址</translation>
    </message>
    <message>
        <location filename="../../ui/visits/rows.py" line="35" />
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/visits/rows.py" line="35" />
        <source>Needs</source>
        <translation>诉求</translation>
    </message>
    <message>
        <location filename="../../ui/visits/rows.py" line="36" />
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <location filename="../../ui/visits/rows.py" line="36" />
        <source>Visitor</source>
        <translation>走访人</translation>
    </message>
    <message>
        <location filename="../../ui/visits/rows.py" line="59" />
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
        <location filename="../../ui/visits/rows.py" line="53" />
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
        <location filename="../../ui/visits/rows.py" line="54" />
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