<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AlarmBanner</name>
    <message>
        <source>No unacknowledged alarms</source>
        <translation>无未确认报警</translation>
    </message>
    <message>
        <source>CRIT</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>HIGH</source>
        <translation>高</translation>
    </message>
    <message>
        <source>MED</source>
        <translation>中</translation>
    </message>
    <message>
        <source>LOW</source>
        <translation>低</translation>
    </message>
</context>
<context>
    <name>AlarmDetailPanel</name>
    <message>
        <source>Not stated</source>
        <translation>未说明</translation>
    </message>
    <message>
        <source>Select an alarm to see its details and what to do.</source>
        <translation>选择一条报警以查看其详情及处理方法。</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>位号</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>报警</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>限值</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Active since</source>
        <translation>激活时间</translation>
    </message>
    <message>
        <source>Returned to normal</source>
        <translation>恢复正常时间</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>by %1 at %2</source>
        <translation>由 %1 于 %2</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Shelved</source>
        <translation>已搁置</translation>
    </message>
    <message>
        <source>by %1: %2 (%3)</source>
        <translation>由 %1：%2（%3）</translation>
    </message>
    <message>
        <source>Out of service</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>由 %1</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>处理方法</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>处理措施</translation>
    </message>
    <message>
        <source>Response time</source>
        <translation>响应时间</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>可能原因</translation>
    </message>
    <message>
        <source>Consequence</source>
        <translation>后果</translation>
    </message>
    <message>
        <source>Show trend</source>
        <translation>显示趋势</translation>
    </message>
    <message>
        <source>Unshelve</source>
        <translation>取消搁置</translation>
    </message>
    <message>
        <source>Shelve…</source>
        <translation>搁置…</translation>
    </message>
    <message>
        <source>Return to service</source>
        <translation>恢复投用</translation>
    </message>
    <message>
        <source>Out of service…</source>
        <translation>停用…</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>复位</translation>
    </message>
</context>
<context>
    <name>AlarmHistoryPage</name>
    <message>
        <source>Alarm history</source>
        <translation>报警历史</translation>
    </message>
    <message>
        <source>LOW</source>
        <translation>低</translation>
    </message>
    <message>
        <source>MED</source>
        <translation>中</translation>
    </message>
    <message>
        <source>HIGH</source>
        <translation>高</translation>
    </message>
    <message>
        <source>CRIT</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>位号</translation>
    </message>
    <message>
        <source>Text in message or comment</source>
        <translation>消息或备注中的文字</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Message / comment</source>
        <translation>消息 / 备注</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Tag / device</source>
        <translation>位号 / 设备</translation>
    </message>
    <message>
        <source>Value / limit</source>
        <translation>数值 / 限值</translation>
    </message>
    <message>
        <source>limit %1</source>
        <translation>限值 %1</translation>
    </message>
</context>
<context>
    <name>AlarmKpiPanel</name>
    <message>
        <source>Alarm performance</source>
        <translation>报警系统绩效</translation>
    </message>
    <message>
        <source>Reading the journal…</source>
        <translation>正在读取日志…</translation>
    </message>
    <message>
        <source>ALARM FLOOD: %1 alarms in 10 minutes (flood from %2)</source>
        <translation>报警泛滥：10 分钟内 %1 个报警（%2 个即为泛滥）</translation>
    </message>
    <message>
        <source>Alarms, last 10 min</source>
        <translation>最近 10 分钟报警数</translation>
    </message>
    <message>
        <source>Peak per 10 min</source>
        <translation>10 分钟峰值</translation>
    </message>
    <message>
        <source>at %1</source>
        <translation>于 %1</translation>
    </message>
    <message>
        <source>Average per 10 min</source>
        <translation>10 分钟平均值</translation>
    </message>
    <message>
        <source>%1 alarms</source>
        <translation>%1 个报警</translation>
    </message>
    <message>
        <source>Floods</source>
        <translation>泛滥次数</translation>
    </message>
    <message>
        <source>%1 of the time</source>
        <translation>占时间的 %1</translation>
    </message>
    <message>
        <source>Chattering</source>
        <translation>振荡报警</translation>
    </message>
    <message>
        <source>≥ %1 in %2 s</source>
        <translation>%2 秒内 ≥ %1 次</translation>
    </message>
    <message>
        <source>Fleeting</source>
        <translation>瞬时报警</translation>
    </message>
    <message>
        <source>cleared within %1 s</source>
        <translation>%1 秒内消失</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>长期报警</translation>
    </message>
    <message>
        <source>active &gt; %1 h</source>
        <translation>持续 &gt; %1 小时</translation>
    </message>
    <message>
        <source>Top bad actors</source>
        <translation>最频繁报警</translation>
    </message>
    <message>
        <source>No alarms in this period</source>
        <translation>此时段内无报警</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1 次</translation>
    </message>
    <message>
        <source>Top bad actors (%1)</source>
        <translation>最频繁报警（%1）</translation>
    </message>
</context>
<context>
    <name>AlarmsPage</name>
    <message>
        <source>Alarm summary</source>
        <translation>报警汇总</translation>
    </message>
    <message>
        <source>Filter by tag, message or state</source>
        <translation>按位号、消息或状态筛选</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>%1 of %2 alarms</source>
        <translation>%1 / %2 条报警</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>位号</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>No active or unacknowledged alarms</source>
        <translation>无激活或未确认的报警</translation>
    </message>
    <message>
        <source>No alarm matches the filter</source>
        <translation>没有符合筛选条件的报警</translation>
    </message>
    <message>
        <source>Comment for the acknowledgement (optional)</source>
        <translation>确认备注（可选）</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Acknowledge all visible (%1)</source>
        <translation>确认全部可见报警（%1）</translation>
    </message>
</context>
<context>
    <name>AnalogFaceplateBody</name>
    <message>
        <source>Select</source>
        <translation>选择</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Type the target or move the slider, then press Select.</source>
        <translation>输入目标值或拖动滑块，然后按「选择」。</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit trail</source>
        <translation>审计追踪</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Text in target or detail</source>
        <translation>对象或详情中的文字</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
</context>
<context>
    <name>CreateAdministratorPage</name>
    <message>
        <source>Create the administrator</source>
        <translation>创建管理员</translation>
    </message>
    <message>
        <source>No user exists on this panel yet. Choose the name and password of the first administrator, who can then add the other users.</source>
        <translation>本面板尚无用户。请设置第一位管理员的用户名和密码，之后由其添加其他用户。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>正在创建…</translation>
    </message>
    <message>
        <source>Create and log in</source>
        <translation>创建并登录</translation>
    </message>
</context>
<context>
    <name>DevicesPage</name>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message numerus="yes">
        <source>%n tag(s)</source>
        <translation>
            <numerusform>%n 个位号</numerusform>
        </translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>自 %1</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>请求</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Timeouts</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>Reconnects</source>
        <translation>重连</translation>
    </message>
    <message>
        <source>Messages in</source>
        <translation>接收消息</translation>
    </message>
    <message>
        <source>Messages out</source>
        <translation>发送消息</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Writes (failed)</source>
        <translation>写入（失败）</translation>
    </message>
    <message>
        <source>Overruns</source>
        <translation>周期超限</translation>
    </message>
    <message>
        <source>Round trip avg/max</source>
        <translation>往返 平均/最大</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>最近错误：%1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
</context>
<context>
    <name>DiscreteFaceplateBody</name>
    <message>
        <source>Feedback (%1): %2</source>
        <translation>反馈（%1）：%2</translation>
    </message>
    <message>
        <source>Traveling to %1…</source>
        <translation>正在转到 %1…</translation>
    </message>
</context>
<context>
    <name>EventsPage</name>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>All devices</source>
        <translation>全部设备</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>严重性</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Device / tag</source>
        <translation>设备 / 位号</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Alarm: %1</source>
        <translation>报警：%1</translation>
    </message>
</context>
<context>
    <name>Faceplate</name>
    <message>
        <source>Critical: two users</source>
        <translation>关键：需两人确认</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>当前值</translation>
    </message>
    <message>
        <source>%1 s left</source>
        <translation>剩余 %1 秒</translation>
    </message>
    <message>
        <source>Slide to confirm %1</source>
        <translation>滑动以确认 %1</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>GoToRangeDialog</name>
    <message>
        <source>Go to time range</source>
        <translation>跳转到时间范围</translation>
    </message>
    <message>
        <source>Local time such as 2024-01-05 13:00, a date, &quot;now&quot;, or an offset such as -2h or -7d.</source>
        <translation>本地时间（如 2024-01-05 13:00）、日期、&quot;now&quot;，或偏移量（如 -2h、-7d）。</translation>
    </message>
    <message>
        <source>From</source>
        <translation>从</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
</context>
<context>
    <name>JournalListFooter</name>
    <message>
        <source>Load more</source>
        <translation>加载更多</translation>
    </message>
</context>
<context>
    <name>JournalRangeBar</name>
    <message>
        <source>Last hour</source>
        <translation>最近 1 小时</translation>
    </message>
    <message>
        <source>24 h</source>
        <translation>24 小时</translation>
    </message>
    <message>
        <source>7 days</source>
        <translation>7 天</translation>
    </message>
    <message>
        <source>Range…</source>
        <translation>时间范围…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Unreadable range: use e.g. 2024-01-05 13:00, -2h or now, with from before to.</source>
        <translation>无法识别的范围：请使用如 2024-01-05 13:00、-2h 或 now，且开始早于结束。</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在验证…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Tags</source>
        <translation>位号</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>报警</translation>
    </message>
    <message>
        <source>Shelved</source>
        <translation>已搁置</translation>
    </message>
    <message>
        <source>Alarm
history</source>
        <translation>报警
历史</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
</context>
<context>
    <name>NumericKeypad</name>
    <message>
        <source>Enter</source>
        <translation>确定</translation>
    </message>
    <message>
        <source>Limits: %1 … %2 %3</source>
        <translation>限值：%1 … %2 %3</translation>
    </message>
    <message>
        <source>outside the limits</source>
        <translation>超出限值</translation>
    </message>
</context>
<context>
    <name>SecondUserDialog</name>
    <message>
        <source>Second user confirmation</source>
        <translation>第二用户确认</translation>
    </message>
    <message>
        <source>%1 is a critical tag: another user must confirm %2.</source>
        <translation>%1 是关键位号：须由另一名用户确认 %2。</translation>
    </message>
    <message>
        <source>Time left: %1 s</source>
        <translation>剩余时间：%1 秒</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Cancel command</source>
        <translation>取消命令</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在核验…</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
</context>
<context>
    <name>ShelveDialog</name>
    <message>
        <source>Take the alarm out of service</source>
        <translation>将报警停用</translation>
    </message>
    <message>
        <source>Shelve the alarm</source>
        <translation>搁置报警</translation>
    </message>
    <message>
        <source>Reason (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <source>e.g. transmitter replaced, work order 4711</source>
        <translation>例如：变送器已更换，工单 4711</translation>
    </message>
    <message>
        <source>e.g. known fault, maintenance called</source>
        <translation>例如：已知故障，已通知维修</translation>
    </message>
    <message>
        <source>For how long</source>
        <translation>搁置时长</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Take out of service</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Shelve</source>
        <translation>搁置</translation>
    </message>
</context>
<context>
    <name>ShelvedPage</name>
    <message>
        <source>Shelved and out of service</source>
        <translation>已搁置和已停用的报警</translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s) not annunciated</source>
        <translation>
            <numerusform>%n 条报警不予提示</numerusform>
        </translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>位号</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>State and until</source>
        <translation>状态及截止时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>No alarm is shelved or out of service</source>
        <translation>没有已搁置或已停用的报警</translation>
    </message>
    <message>
        <source>Shelved %1</source>
        <translation>已搁置 %1</translation>
    </message>
    <message>
        <source>Out of service</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Unshelve</source>
        <translation>取消搁置</translation>
    </message>
    <message>
        <source>Return to service</source>
        <translation>恢复投用</translation>
    </message>
</context>
<context>
    <name>SilenceButton</name>
    <message>
        <source>Silence</source>
        <translation>消音</translation>
    </message>
</context>
<context>
    <name>SlideToConfirm</name>
    <message>
        <source>Slide to confirm</source>
        <translation>滑动以确认</translation>
    </message>
</context>
<context>
    <name>TagsPage</name>
    <message>
        <source>Tags</source>
        <translation>位号</translation>
    </message>
    <message>
        <source>Filter by tag, description, device or unit</source>
        <translation>按位号、描述、设备或单位筛选</translation>
    </message>
    <message>
        <source>%1 of %2 tags</source>
        <translation>%1 / %2 个位号</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>位号</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Range</source>
        <translation>量程</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>质量</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新时间</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>良好</translation>
    </message>
</context>
<context>
    <name>TopBar</name>
    <message>
        <source>COMM OK</source>
        <translation>通讯正常</translation>
    </message>
    <message>
        <source>COMM FAULT</source>
        <translation>通讯故障</translation>
    </message>
    <message>
        <source>View only</source>
        <translation>仅查看</translation>
    </message>
    <message>
        <source>not logged in</source>
        <translation>未登录</translation>
    </message>
    <message>
        <source>HIST</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Log out ▸ auto in %1 s</source>
        <translation>注销 ▸ %1 秒后自动注销</translation>
    </message>
    <message>
        <source>Log out ▸</source>
        <translation>注销 ▸</translation>
    </message>
    <message>
        <source>Log in ▸</source>
        <translation>登录 ▸</translation>
    </message>
</context>
<context>
    <name>TrendLegendRow</name>
    <message>
        <source>Scale %1</source>
        <translation>标尺 %1</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>隐藏</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
</context>
<context>
    <name>TrendPage</name>
    <message>
        <source>Trends</source>
        <translation>趋势</translation>
    </message>
    <message>
        <source>LIVE</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>HISTORICAL</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Go to…</source>
        <translation>跳转…</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>History is not being recorded: %1 — %L2 samples dropped</source>
        <translation>历史数据未记录：%1 — 已丢弃 %L2 个样本</translation>
    </message>
    <message>
        <source>Add a pen to show its trend</source>
        <translation>添加曲线以显示其趋势</translation>
    </message>
    <message>
        <source>Values at %1</source>
        <translation>%1 时的数值</translation>
    </message>
    <message>
        <source>Latest values</source>
        <translation>最新数值</translation>
    </message>
    <message>
        <source>Add pen…</source>
        <translation>添加曲线…</translation>
    </message>
    <message>
        <source>Spreadsheet</source>
        <translation>电子表格</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>机器</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>导出 CSV</translation>
    </message>
    <message>
        <source>Cannot read this range</source>
        <translation>无法读取此范围</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Add a user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>Role of %1</source>
        <translation>%1 的角色</translation>
    </message>
    <message>
        <source>New password for %1</source>
        <translation>%1 的新密码</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>再次输入密码</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Add user…</source>
        <translation>添加用户…</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reset password and unlock…</source>
        <translation>重置密码并解锁…</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>重置密码…</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Role…</source>
        <translation>角色…</translation>
    </message>
</context>
<context>
    <name>vigil::AlarmBannerStatus</name>
    <message>
        <source>No unacknowledged alarms</source>
        <translation>无未确认报警</translation>
    </message>
</context>
<context>
    <name>vigil::AlarmHistoryModel</name>
    <message>
        <source>ON</source>
        <translation>开</translation>
    </message>
    <message>
        <source>OFF</source>
        <translation>关</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>units</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Shelved, %1 min</source>
        <translation>已搁置 %1 分钟</translation>
    </message>
</context>
<context>
    <name>vigil::AlarmJournalText</name>
    <message>
        <source>Raised</source>
        <translation>触发</translation>
    </message>
    <message>
        <source>Cleared</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Latched</source>
        <translation>锁存</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>复位</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>已确认</translation>
    </message>
    <message>
        <source>Re-alarmed</source>
        <translation>再次报警</translation>
    </message>
    <message>
        <source>Shelved</source>
        <translation>已搁置</translation>
    </message>
    <message>
        <source>Unshelved</source>
        <translation>取消搁置</translation>
    </message>
    <message>
        <source>Shelving ended</source>
        <translation>搁置结束</translation>
    </message>
    <message>
        <source>Suppressed</source>
        <translation>已抑制</translation>
    </message>
    <message>
        <source>Unsuppressed</source>
        <translation>取消抑制</translation>
    </message>
    <message>
        <source>Out of service</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Back in service</source>
        <translation>恢复投用</translation>
    </message>
    <message>
        <source>Device connected</source>
        <translation>设备已连接</translation>
    </message>
    <message>
        <source>Device degraded</source>
        <translation>设备部分故障</translation>
    </message>
    <message>
        <source>Device disconnected</source>
        <translation>设备已断开</translation>
    </message>
    <message>
        <source>Device stopped</source>
        <translation>设备已停止</translation>
    </message>
    <message>
        <source>History degraded</source>
        <translation>历史记录降级</translation>
    </message>
    <message>
        <source>History recovered</source>
        <translation>历史记录恢复</translation>
    </message>
    <message>
        <source>History database corrupt</source>
        <translation>历史数据库损坏</translation>
    </message>
    <message>
        <source>History rows rejected</source>
        <translation>历史数据行被拒绝</translation>
    </message>
    <message>
        <source>Clock jump in history</source>
        <translation>历史记录中时钟跳变</translation>
    </message>
    <message>
        <source>Plant loaded</source>
        <translation>工厂配置已加载</translation>
    </message>
    <message>
        <source>CRIT</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>HIGH</source>
        <translation>高</translation>
    </message>
    <message>
        <source>MED</source>
        <translation>中</translation>
    </message>
    <message>
        <source>LOW</source>
        <translation>低</translation>
    </message>
    <message>
        <source>INFO</source>
        <translation>信息</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>ERROR</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>vigil::AlarmKpiStatus</name>
    <message>
        <source>Alarm figures not available: %1</source>
        <translation>报警指标不可用：%1</translation>
    </message>
    <message>
        <source>Last %1 h, as of %2</source>
        <translation>最近 %1 小时，截至 %2</translation>
    </message>
</context>
<context>
    <name>vigil::AlarmListModel</name>
    <message>
        <source>ON</source>
        <translation>开</translation>
    </message>
    <message>
        <source>OFF</source>
        <translation>关</translation>
    </message>
    <message>
        <source>± %1 from setpoint</source>
        <extracomment>the allowed deviation from the setpoint, e.g. &quot;± 10 °C from setpoint&quot;</extracomment>
        <translation>偏离设定值 ± %1</translation>
    </message>
    <message>
        <source>%1 per second</source>
        <extracomment>a rate of change limit, e.g. &quot;5 m³/h per second&quot;</extracomment>
        <translation>每秒 %1</translation>
    </message>
    <message>
        <source>until it returns to normal</source>
        <translation>直到恢复正常</translation>
    </message>
    <message>
        <source>until %1</source>
        <extracomment>a timed shelve&apos;s end, e.g. &quot;until 14:20:00&quot;</extracomment>
        <translation>至 %1</translation>
    </message>
</context>
<context>
    <name>vigil::AlarmOperations</name>
    <message>
        <source>Until it returns to normal</source>
        <translation>直到恢复正常</translation>
    </message>
    <message>
        <source>%1 (longest allowed)</source>
        <translation>%1（允许的最长时间）</translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s) acknowledged</source>
        <translation>
            <numerusform>已确认 %n 条报警</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to acknowledge</source>
        <translation>没有需要确认的报警</translation>
    </message>
    <message>
        <source>Not shelved: a reason is required</source>
        <translation>未搁置：必须填写原因</translation>
    </message>
    <message>
        <source>Alarm shelved</source>
        <translation>报警已搁置</translation>
    </message>
    <message>
        <source>Not shelved: unknown alarm</source>
        <translation>未搁置：未知报警</translation>
    </message>
    <message>
        <source>Alarm unshelved</source>
        <translation>报警已取消搁置</translation>
    </message>
    <message>
        <source>The alarm was not shelved</source>
        <translation>该报警未被搁置</translation>
    </message>
    <message>
        <source>Alarm taken out of service</source>
        <translation>报警已停用</translation>
    </message>
    <message>
        <source>Already out of service</source>
        <translation>已处于停用状态</translation>
    </message>
    <message>
        <source>Alarm returned to service</source>
        <translation>报警已恢复投用</translation>
    </message>
    <message>
        <source>Already in service</source>
        <translation>已处于投用状态</translation>
    </message>
    <message>
        <source>Alarm reset</source>
        <translation>报警已复位</translation>
    </message>
    <message>
        <source>Nothing to reset: the alarm is not latched</source>
        <translation>无需复位：该报警未锁存</translation>
    </message>
    <message>
        <source>Log in as %1 to acknowledge</source>
        <translation>需以%1身份登录才能确认</translation>
    </message>
    <message>
        <source>Log in as %1 to shelve</source>
        <translation>需以%1身份登录才能搁置</translation>
    </message>
    <message>
        <source>Log in as %1 to take alarms out of service</source>
        <translation>需以%1身份登录才能将报警停用</translation>
    </message>
    <message>
        <source>Log in as %1 to silence</source>
        <translation>需以%1身份登录才能消音</translation>
    </message>
    <message>
        <source>Alarm sound silenced</source>
        <translation>报警声音已消音</translation>
    </message>
    <message>
        <source>Nothing to silence</source>
        <translation>没有需要消音的报警</translation>
    </message>
</context>
<context>
    <name>vigil::AlarmSound</name>
    <message>
        <source>No audio output: alarms are silent</source>
        <translation>无音频输出：报警无声音</translation>
    </message>
    <message>
        <source>Critical alarm sounding</source>
        <translation>紧急报警鸣响</translation>
    </message>
    <message>
        <source>High priority alarm sounding</source>
        <translation>高优先级报警鸣响</translation>
    </message>
    <message>
        <source>Medium priority alarm sounding</source>
        <translation>中优先级报警鸣响</translation>
    </message>
    <message>
        <source>Low priority alarm sounding</source>
        <translation>低优先级报警鸣响</translation>
    </message>
    <message>
        <source>Silenced until the next alarm</source>
        <translation>已消音，直到下一个报警</translation>
    </message>
    <message>
        <source>No alarm sounding</source>
        <translation>无报警鸣响</translation>
    </message>
    <message>
        <source>Alarm tone %1 cannot be played</source>
        <translation>无法播放报警音 %1</translation>
    </message>
    <message>
        <source>Audio output not responding: alarms are silent</source>
        <translation>音频输出无响应：报警无声音</translation>
    </message>
</context>
<context>
    <name>vigil::AlarmText</name>
    <message>
        <source>Critical</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>High</source>
        <translation>高</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>中</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Ack active</source>
        <translation>已确认 激活</translation>
    </message>
    <message>
        <source>Unack active</source>
        <translation>未确认 激活</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>Unack RTN</source>
        <translation>未确认 已恢复</translation>
    </message>
    <message>
        <source>Shelved (one-shot)</source>
        <translation>已搁置（单次）</translation>
    </message>
    <message>
        <source>Shelved</source>
        <translation>已搁置</translation>
    </message>
    <message>
        <source>Suppressed by design</source>
        <translation>设计抑制</translation>
    </message>
    <message>
        <source>Out of service</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Latched: reset needed</source>
        <translation>已锁存：需要复位</translation>
    </message>
    <message>
        <source>%1 %2 alarm</source>
        <extracomment>%1 is the tag, %2 the kind of alarm (&quot;Hi&quot;, &quot;Deviation&quot;, ...)</extracomment>
        <translation>%1 %2 报警</translation>
    </message>
    <message>
        <source>Bad quality on %1: its alarms cannot be evaluated</source>
        <translation>%1 质量为坏：其报警无法判断</translation>
    </message>
    <message>
        <source>Communication lost with %1</source>
        <translation>与 %1 的通讯中断</translation>
    </message>
    <message>
        <source>Command failed on %1</source>
        <translation>%1 的命令执行失败</translation>
    </message>
    <message>
        <source>Bad quality</source>
        <translation>质量坏</translation>
    </message>
    <message>
        <source>Communication loss</source>
        <translation>通讯中断</translation>
    </message>
    <message>
        <source>Command failure</source>
        <translation>命令失败</translation>
    </message>
    <message>
        <source>Digital</source>
        <translation>开关量</translation>
    </message>
    <message>
        <source>Deviation</source>
        <translation>偏差</translation>
    </message>
    <message>
        <source>Rate of change</source>
        <translation>变化率</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 小时</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小时 %2 分钟</translation>
    </message>
</context>
<context>
    <name>vigil::AuditListModel</name>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Logins</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>命令</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>报警</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>审计</translation>
    </message>
</context>
<context>
    <name>vigil::DeviceListModel</name>
    <message>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>连接中</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <source>Degraded</source>
        <translation>部分故障</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>已断开</translation>
    </message>
</context>
<context>
    <name>vigil::EventTimelineModel</name>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>报警</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Plant</source>
        <translation>工厂</translation>
    </message>
</context>
<context>
    <name>vigil::FaceplateTag</name>
    <message>
        <source>On</source>
        <translation>开</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关</translation>
    </message>
</context>
<context>
    <name>vigil::FaceplateText</name>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>已选择</translation>
    </message>
    <message>
        <source>Second user required</source>
        <translation>需要第二用户</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>已拒绝</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>正在发送</translation>
    </message>
    <message>
        <source>Waiting for feedback</source>
        <translation>等待反馈</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Check the target, then slide to confirm</source>
        <translation>请核对目标值，然后滑动确认</translation>
    </message>
    <message>
        <source>A second, different user must confirm this command</source>
        <translation>此命令须由另一名不同的用户确认</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>已拒绝：%1</translation>
    </message>
    <message>
        <source>Sending the command to the device</source>
        <translation>正在向设备发送命令</translation>
    </message>
    <message>
        <source>Sent; waiting for the feedback to reach the target</source>
        <translation>已发送；等待反馈达到目标值</translation>
    </message>
    <message>
        <source>Done: the feedback reached the target</source>
        <translation>完成：反馈已达到目标值</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>Expired: %1</source>
        <translation>已超时：%1</translation>
    </message>
    <message>
        <source>View only: this tag cannot be commanded</source>
        <translation>仅查看：此位号不可操作</translation>
    </message>
    <message>
        <source>Not logged in: log in to command this tag</source>
        <translation>未登录：请登录后操作此位号</translation>
    </message>
    <message>
        <source>Your role (%1) may not operate equipment</source>
        <translation>您的角色（%1）无权操作设备</translation>
    </message>
    <message>
        <source>Your role (%1) may not change setpoints</source>
        <translation>您的角色（%1）无权修改设定值</translation>
    </message>
    <message>
        <source>No communication with the device</source>
        <translation>与设备无通信</translation>
    </message>
    <message>
        <source>No communication with the device: %1</source>
        <translation>与设备无通信：%1</translation>
    </message>
    <message>
        <source>Blocked by interlock: %1</source>
        <translation>被联锁阻止：%1</translation>
    </message>
    <message>
        <source>%1 blocked by interlock: %2</source>
        <translation>%1 被联锁阻止：%2</translation>
    </message>
    <message>
        <source>Not accepted: %1</source>
        <translation>未被接受：%1</translation>
    </message>
    <message>
        <source>Commands are not available on this panel</source>
        <translation>此面板不可发送命令</translation>
    </message>
    <message>
        <source>Wrong user name or password</source>
        <translation>用户名或密码错误</translation>
    </message>
    <message>
        <source>This user is locked out</source>
        <translation>该用户已被锁定</translation>
    </message>
    <message>
        <source>This user is disabled</source>
        <translation>该用户已被停用</translation>
    </message>
    <message>
        <source>Confirmation refused: %1</source>
        <translation>确认被拒绝：%1</translation>
    </message>
    <message>
        <source>viewer</source>
        <translation>查看员</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
</context>
<context>
    <name>vigil::HistoryStatus</name>
    <message>
        <source>History: read only</source>
        <translation>历史：只读</translation>
    </message>
    <message>
        <source>History: starting</source>
        <translation>历史：启动中</translation>
    </message>
    <message>
        <source>History: recording</source>
        <translation>历史：记录中</translation>
    </message>
    <message>
        <source>HISTORY DEGRADED</source>
        <translation>历史记录降级</translation>
    </message>
    <message>
        <source>History: stopped</source>
        <translation>历史：已停止</translation>
    </message>
</context>
<context>
    <name>vigil::JournalListModel</name>
    <message>
        <source>Reading the journal…</source>
        <translation>正在读取日志…</translation>
    </message>
    <message>
        <source>No entries in this range</source>
        <translation>此范围内无记录</translation>
    </message>
    <message>
        <source>Newest %1 entries shown, older ones available</source>
        <translation>显示最新 %1 条，还有更早的记录</translation>
    </message>
    <message>
        <source>All %1 entries shown</source>
        <translation>已显示全部 %1 条</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>The journal cannot be read: %1</source>
        <translation>无法读取日志：%1</translation>
    </message>
</context>
<context>
    <name>vigil::PermissionText</name>
    <message>
        <source>a viewer</source>
        <translation>查看者</translation>
    </message>
    <message>
        <source>an operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>an engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <source>an administrator</source>
        <translation>管理员</translation>
    </message>
</context>
<context>
    <name>vigil::QualityText</name>
    <message>
        <source>Good</source>
        <translation>良好</translation>
    </message>
    <message>
        <source>Uncertain</source>
        <translation>不确定</translation>
    </message>
    <message>
        <source>Uncertain: stale</source>
        <translation>不确定：数据过期</translation>
    </message>
    <message>
        <source>Bad: not connected</source>
        <translation>坏：未连接</translation>
    </message>
    <message>
        <source>Bad: communication error</source>
        <translation>坏：通讯错误</translation>
    </message>
    <message>
        <source>Bad: configuration error</source>
        <translation>坏：组态错误</translation>
    </message>
    <message>
        <source>Bad: out of service</source>
        <translation>坏：停用</translation>
    </message>
    <message>
        <source>Bad: no value yet</source>
        <translation>坏：尚无数值</translation>
    </message>
    <message>
        <source>Bad: not a number</source>
        <translation>坏：非有限数值</translation>
    </message>
    <message>
        <source>Bad</source>
        <translation>坏</translation>
    </message>
    <message>
        <source>COMM</source>
        <translation>通讯</translation>
    </message>
    <message>
        <source>OOS</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>WAIT</source>
        <translation>等待</translation>
    </message>
    <message>
        <source>BAD</source>
        <translation>坏</translation>
    </message>
</context>
<context>
    <name>vigil::SessionController</name>
    <message>
        <source>The user list cannot be read: %1</source>
        <translation>无法读取用户列表：%1</translation>
    </message>
    <message>
        <source>Enter your user name and password</source>
        <translation>请输入用户名和密码</translation>
    </message>
    <message>
        <source>%1 was logged out after a time without activity</source>
        <translation>%1 因长时间无操作已被注销</translation>
    </message>
    <message>
        <source>Enter a user name</source>
        <translation>请输入用户名</translation>
    </message>
    <message>
        <source>The two passwords differ</source>
        <translation>两次输入的密码不一致</translation>
    </message>
    <message>
        <source>Not created: %1</source>
        <translation>未创建：%1</translation>
    </message>
    <message>
        <source>Wrong user name or password</source>
        <translation>用户名或密码错误</translation>
    </message>
    <message>
        <source>Locked after too many failed logins until %1</source>
        <translation>登录失败次数过多，已锁定至 %1</translation>
    </message>
    <message>
        <source>Locked after too many failed logins</source>
        <translation>登录失败次数过多，已锁定</translation>
    </message>
    <message>
        <source>This user is disabled: ask an administrator</source>
        <translation>该用户已停用：请联系管理员</translation>
    </message>
    <message>
        <source>The login cannot be checked now: %1</source>
        <translation>目前无法验证登录：%1</translation>
    </message>
    <message>
        <source>Viewer</source>
        <translation>查看者</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>操作员</translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation>工程师</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
</context>
<context>
    <name>vigil::TagListModel</name>
    <message>
        <source>ON</source>
        <translation>开</translation>
    </message>
    <message>
        <source>OFF</source>
        <translation>关</translation>
    </message>
</context>
<context>
    <name>vigil::TrendController</name>
    <message>
        <source>History not available: %1</source>
        <translation>历史数据不可用：%1</translation>
    </message>
    <message>
        <source>%1 buckets per pen from %2, %L3 points drawn, %4 ms</source>
        <translation>每条曲线 %1 个区间，来源 %2，绘制 %L3 个点，%4 毫秒</translation>
    </message>
    <message>
        <source>raw samples</source>
        <translation>原始样本</translation>
    </message>
    <message>
        <source>10-minute rollups</source>
        <translation>10 分钟汇总</translation>
    </message>
    <message>
        <source>hour rollups</source>
        <translation>小时汇总</translation>
    </message>
</context>
<context>
    <name>vigil::TrendExporter</name>
    <message>
        <source>Exporting: %L1 rows</source>
        <translation>正在导出：%L1 行</translation>
    </message>
    <message>
        <source>Exported %L1 rows to %2</source>
        <translation>已导出 %L1 行到 %2</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Log in as %1 to export</source>
        <translation>需以%1身份登录才能导出</translation>
    </message>
</context>
<context>
    <name>vigil::TrendPenModel</name>
    <message>
        <source>ON</source>
        <translation>开</translation>
    </message>
    <message>
        <source>OFF</source>
        <translation>关</translation>
    </message>
</context>
<context>
    <name>vigil::UserAdministration</name>
    <message>
        <source>The user list cannot be read: %1</source>
        <translation>无法读取用户列表：%1</translation>
    </message>
    <message>
        <source>Only an administrator manages users</source>
        <translation>只有管理员可以管理用户</translation>
    </message>
    <message>
        <source>Enter a user name</source>
        <translation>请输入用户名</translation>
    </message>
    <message>
        <source>The two passwords differ</source>
        <translation>两次输入的密码不一致</translation>
    </message>
    <message>
        <source>%1 added as %2</source>
        <translation>已添加 %1，角色为%2</translation>
    </message>
    <message>
        <source>%1 is now %2</source>
        <translation>%1 现在的角色为%2</translation>
    </message>
    <message>
        <source>%1 is disabled</source>
        <translation>%1 已停用</translation>
    </message>
    <message>
        <source>%1 is enabled</source>
        <translation>%1 已启用</translation>
    </message>
    <message>
        <source>The password of %1 is reset</source>
        <translation>%1 的密码已重置</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>未完成：%1</translation>
    </message>
</context>
<context>
    <name>vigil::UserListModel</name>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation>锁定至 %1</translation>
    </message>
    <message>
        <source>Enabled</source>
        <translation>已启用</translation>
    </message>
</context>
</TS>
