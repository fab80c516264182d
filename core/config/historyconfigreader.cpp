#include "historyconfigreader.h"

#include "configreader.h"
#include "diagnostics.h"
#include "tags/tagdefinition.h"

#include <QRegularExpression>
#include <QSet>

#include <cmath>

namespace vigil
{

namespace
{

constexpr qint64 kDay = 86'400'000;

} // namespace

std::optional<qint64> HistoryConfigReader::parseSize(const QString &text)
{
    static const QRegularExpression re(
        QStringLiteral("^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)?\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const double number = m.captured(1).toDouble();
    const QString unit = m.captured(2).toUpper();
    double factor = 1;
    if (unit.startsWith(u'K'))
        factor = unit.contains(u'I') ? 1024.0 : 1e3;
    else if (unit.startsWith(u'M'))
        factor = unit.contains(u'I') ? 1048576.0 : 1e6;
    else if (unit.startsWith(u'G'))
        factor = unit.contains(u'I') ? 1073741824.0 : 1e9;
    else if (unit.startsWith(u'T'))
        factor = unit.contains(u'I') ? 1099511627776.0 : 1e12;
    const double bytes = std::round(number * factor);
    if (bytes > 9e18)
        return std::nullopt;
    return qint64(bytes);
}

HistoryConfig HistoryConfigReader::read(const ConfigNode *table)
{
    HistoryConfig config;
    if (!table)
        return config;
    ConfigReader r(*table, QStringLiteral("history"), m_diagnostics);
    config.record = r.boolean(u"record").value_or(true);
    config.heartbeatMs = r.durationMs(u"heartbeat", 0, kDay).value_or(config.heartbeatMs);
    if (config.heartbeatMs > 0 && config.heartbeatMs < 1000) {
        r.error(*table->member(u"heartbeat"),
                QStringLiteral("'heartbeat' must be 0s (off) or at least 1s"));
    }
    config.retentionMs = r.durationMs(u"retention", 0, 100 * 366 * kDay).value_or(0);
    if (config.retentionMs > 0 && config.retentionMs < 3'600'000)
        r.error(*table->member(u"retention"),
                QStringLiteral("'retention' must be 0s (no age limit) or at least 1h"));
    if (const ConfigNode *size = r.take(u"max_size")) {
        std::optional<qint64> bytes;
        if (size->kind == ConfigNode::Kind::String)
            bytes = parseSize(size->text);
        else if (size->kind == ConfigNode::Kind::Integer && size->integer >= 0)
            bytes = size->integer;
        if (!bytes)
            r.error(*size,
                    QStringLiteral("'max_size' must be a size such as \"500MB\" or \"2GB\""));
        else if (*bytes != 0 && *bytes < 1'000'000)
            r.error(*size, QStringLiteral("'max_size' must be 0 (no limit) or at least 1MB"));
        else
            config.maxSizeBytes = *bytes;
    }
    config.queueCapacity =
        r.integer(u"queue_capacity", 1000, 100'000'000).value_or(config.queueCapacity);

    QSet<QString> names;
    if (const ConfigNode *groups = r.array(u"groups")) {
        int n = 0;
        for (const ConfigNode &item : groups->children) {
            ++n;
            if (!item.isTable()) {
                m_diagnostics.error(item.location, QStringLiteral("history group #%1").arg(n),
                                    QStringLiteral("a history group must be a table"));
                continue;
            }
            ConfigReader g(item, QStringLiteral("history group #%1").arg(n), m_diagnostics);
            HistoryConfig::Group group;
            group.location = item.location;
            group.name = g.string(u"name", ConfigReader::Required).value_or(QString());
            if (!group.name.isEmpty()) {
                g.setObject(QStringLiteral("history group '%1'").arg(group.name));
                if (names.contains(group.name))
                    g.error(*item.member(u"name"), QStringLiteral("duplicate history group name"));
                names.insert(group.name);
            }
            if (const ConfigNode *tags = g.array(u"tags", ConfigReader::Required)) {
                for (const ConfigNode &p : tags->children) {
                    if (p.kind != ConfigNode::Kind::String || p.text.trimmed().isEmpty())
                        g.error(p, QStringLiteral("'tags' holds tag ids or patterns such as "
                                                  "\"FT*\" (non-empty strings)"));
                    else
                        group.patterns.append(p.text.trimmed());
                }
                if (tags->children.empty())
                    g.error(*tags, QStringLiteral("'tags' must list at least one tag or pattern"));
            }
            group.retentionMs = g.durationMs(u"retention", 0, 100 * 366 * kDay).value_or(-1);
            if (group.retentionMs > 0 && group.retentionMs < 3'600'000)
                g.error(*item.member(u"retention"),
                        QStringLiteral("'retention' must be 0s (no age limit) or at least 1h"));
            group.heartbeatMs = g.durationMs(u"heartbeat", 0, kDay).value_or(-1);
            if (group.heartbeatMs > 0 && group.heartbeatMs < 1000)
                g.error(*item.member(u"heartbeat"),
                        QStringLiteral("'heartbeat' must be 0s (off) or at least 1s"));
            g.finish();
            config.groups.append(group);
        }
    }
    r.finish();
    return config;
}

void HistoryConfigReader::checkGroups(const HistoryConfig &config,
                                      const std::vector<TagDefinition> &tags)
{
    for (const HistoryConfig::Group &group : config.groups) {
        for (const QString &pattern : group.patterns) {
            const bool any = std::any_of(tags.begin(), tags.end(), [&](const TagDefinition &t) {
                return HistoryConfig::matches(pattern, t.id);
            });
            if (!any)
                m_diagnostics.warning(group.location,
                                      QStringLiteral("history group '%1'").arg(group.name),
                                      QStringLiteral("'%1' matches no tag").arg(pattern));
        }
    }
}

} // namespace vigil
