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
</context>
<context>
    <name>SilenceButton</name>
    <message>
        <source>Silence</source>
        <translation>消音</translation>
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
        <source>History not available: %1</source>
        <translation>历史数据不可用：%1</translation>
    </message>
    <message>
        <source>%1 buckets per pen from %2, %L3 points drawn, %4 ms</source>
        <translation>每条曲线 %1 个区间，来源 %2，绘制 %L3 个点，%4 毫秒</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
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
</TS>
