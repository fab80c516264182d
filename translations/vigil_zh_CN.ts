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
    <name>Main</name>
    <message>
        <source>Tags</source>
        <translation>位号</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>设备</translation>
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
</TS>
