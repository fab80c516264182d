#include "mqtttagmapping.h"

#include "config/configreader.h"
#include "config/diagnostics.h"
#include "mqttcommandencoder.h"
#include "mqtttopic.h"
#include "tags/tagdefinition.h"

namespace vigil
{

namespace
{

const QStringList formats{QStringLiteral("plain"), QStringLiteral("json")};

MqttTagMapping::Format toFormat(const QString &name)
{
    return name.compare(u"json", Qt::CaseInsensitive) == 0 ? MqttTagMapping::Format::Json
                                                           : MqttTagMapping::Format::Plain;
}

// The window for source times; the keys need a timestamp field to apply to.
void readTimePolicy(ConfigReader &r, const ConfigNode &options, MqttTagMapping &m)
{
    const QStringList units{QStringLiteral("ms"), QStringLiteral("s"), QStringLiteral("us")};
    if (const std::optional<QString> unit = r.choice(u"timestamp_unit", units))
        m.timePolicy.unit = *SourceTimePolicy::unitFromName(*unit);
    constexpr qint64 kYearMs = 366LL * 86'400'000;
    if (const std::optional<qint64> ahead = r.durationMs(u"timestamp_max_ahead", 0, kYearMs))
        m.timePolicy.maxAheadMs = *ahead;
    if (const std::optional<qint64> age = r.durationMs(u"timestamp_max_age", 1000, 10 * kYearMs))
        m.timePolicy.maxAgeMs = *age;
    if (m.timestamp)
        return;
    for (const char16_t *key : {u"timestamp_unit", u"timestamp_max_ahead", u"timestamp_max_age"}) {
        if (const ConfigNode *node = options.member(key))
            r.error(*node,
                    QStringLiteral("'%1' needs a 'timestamp' field").arg(QString::fromUtf16(key)));
    }
}

} // namespace

std::optional<MqttTagMapping> MqttTagMapping::read(const TagDefinition &tag,
                                                   Diagnostics &diagnostics)
{
    MqttTagMapping m;
    bool ok = true;
    m.topic = tag.address;
    if (const QString error = MqttTopic::checkFilter(m.topic); !error.isEmpty()) {
        diagnostics.error(tag.addressLocation, tag.object(),
                          QStringLiteral("address must be an MQTT topic filter: %1").arg(error));
        ok = false;
    }

    const ConfigNode empty = ConfigNode::makeTable(tag.location);
    const ConfigNode &options = tag.options.isTable() ? tag.options : empty;
    const int errorsBefore = diagnostics.errorCount();
    ConfigReader r(options, tag.object(), diagnostics);

    const std::optional<QString> format = r.choice(u"format", formats);
    const ConfigNode *pathNode = options.member(u"path");
    const std::optional<QString> path = r.string(u"path");
    m.format = format ? toFormat(*format) : (path ? Format::Json : Format::Plain);
    if (path) {
        QString error;
        if (std::optional<JsonFieldPath> parsed = JsonFieldPath::parse(*path, &error))
            m.path = std::move(*parsed);
        else
            r.error(*pathNode, error);
        if (m.format != Format::Json)
            r.error(*pathNode, QStringLiteral("'path' needs format = \"json\""));
    }
    const ConfigNode *tsNode = options.member(u"timestamp");
    if (const std::optional<QString> ts = r.string(u"timestamp")) {
        QString error;
        if (m.format != Format::Json)
            r.error(*tsNode, QStringLiteral("'timestamp' names a JSON field and needs format = "
                                            "\"json\""));
        else if (std::optional<JsonFieldPath> parsed = JsonFieldPath::parse(*ts, &error);
                 parsed && !parsed->isRoot())
            m.timestamp = std::move(*parsed);
        else
            r.error(*tsNode,
                    error.isEmpty() ? QStringLiteral("'timestamp' must name a field") : error);
    }
    readTimePolicy(r, options, m);
    m.staleAfterMs = r.durationMs(u"stale_after", 100, 86'400'000).value_or(0);
    m.qos = int(r.integer(u"qos", 0, 2).value_or(1));

    const ConfigNode *cmdNode = options.member(u"command_topic");
    if (const std::optional<QString> cmd = r.string(u"command_topic")) {
        m.commandTopic = *cmd;
        if (const QString error = MqttTopic::checkName(*cmd); !error.isEmpty())
            r.error(*cmdNode, QStringLiteral("command_topic: %1").arg(error));
        if (!tag.writable)
            r.error(*cmdNode, QStringLiteral("command_topic given but the tag is not writable "
                                             "(add writable = true)"));
    } else if (tag.writable) {
        r.error(tag.options.isTable() ? tag.options.location : tag.location,
                QStringLiteral("a writable MQTT tag needs options.command_topic"));
    }
    if (const std::optional<QString> cf = r.choice(u"command_format", formats))
        m.commandFormat = toFormat(*cf);
    const ConfigNode *templateNode = options.member(u"command_template");
    m.commandTemplate = r.string(u"command_template").value_or(QString());
    if (templateNode && m.commandTopic.isEmpty())
        r.error(*templateNode, QStringLiteral("command_template needs a command_topic"));
    if (!m.commandTopic.isEmpty()) {
        if (const QString error =
                MqttCommandEncoder::checkTemplate(m.commandFormat, m.commandTemplate, tag.type);
            !error.isEmpty())
            r.error(templateNode ? templateNode->location : cmdNode->location, error);
    }
    r.finish();
    if (!ok || diagnostics.errorCount() > errorsBefore)
        return std::nullopt;
    return m;
}

} // namespace vigil
