#include "alarmcatalog.h"

#include "tags/tagdirectory.h"
#include "util/logging.h"

#include <QSet>

namespace vigil
{

AlarmCatalog::AlarmCatalog(const TagDirectory &directory, const AlarmEngineOptions &options)
    : m_directory(directory)
    , m_options(options)
    , m_badQuality(directory.size(), kNoTag)
{
    for (quint32 tag = 0; tag < directory.size(); ++tag)
        addRules(tag);
    for (quint32 tag = 0; tag < directory.size(); ++tag)
        addBadQuality(tag);
    QStringList devices;
    for (const TagDefinition &t : directory.all()) {
        if (!t.device.isEmpty() && !devices.contains(t.device))
            devices.append(t.device);
    }
    for (const QString &device : devices)
        addCommLoss(device);
    buildIndexes();
}

std::optional<quint32> AlarmCatalog::idOf(const QString &key) const
{
    const auto it = m_byKey.constFind(key);
    if (it == m_byKey.cend())
        return std::nullopt;
    return *it;
}

std::span<const quint32> AlarmCatalog::readersOf(quint32 tag) const
{
    return m_readers.of(tag);
}

std::span<const quint32> AlarmCatalog::suppressedBy(quint32 tag) const
{
    return m_suppressors.of(tag);
}

std::optional<quint32> AlarmCatalog::commLossAlarmOf(const QString &device) const
{
    const auto it = m_commLoss.constFind(device);
    if (it == m_commLoss.cend())
        return std::nullopt;
    return *it;
}

std::optional<quint32> AlarmCatalog::commandFailureAlarmOf(quint32 tag) const
{
    const auto it = m_commandFailure.constFind(tag);
    if (it == m_commandFailure.cend())
        return std::nullopt;
    return *it;
}

quint32 AlarmCatalog::addCommLoss(const QString &device)
{
    if (const auto existing = commLossAlarmOf(device))
        return *existing;
    AlarmDefinition d;
    d.source = AlarmSource::CommLoss;
    d.rule.priority = m_options.commLossPriority;
    d.rule.message = QStringLiteral("Communication lost with device '%1'").arg(device);
    d.key = QStringLiteral("dev:%1/commloss").arg(device);
    d.device = device;
    const quint32 id = add(std::move(d));
    m_commLoss.insert(device, id);
    return id;
}

quint32 AlarmCatalog::addCommandFailure(quint32 tag)
{
    if (const auto existing = commandFailureAlarmOf(tag))
        return *existing;
    const TagDefinition &t = m_directory.at(tag);
    AlarmDefinition d;
    d.source = AlarmSource::CommandFailure;
    d.rule.priority = m_options.commandFailurePriority;
    d.rule.message = QStringLiteral("Command failed on '%1'").arg(t.id);
    d.key = QStringLiteral("%1/commandfailure").arg(t.id);
    d.tagId = t.id;
    d.device = t.device;
    d.tag = tag;
    const quint32 id = add(std::move(d));
    m_commandFailure.insert(tag, id);
    return id;
}

quint32 AlarmCatalog::add(AlarmDefinition definition)
{
    definition.id = quint32(m_alarms.size());
    m_byKey.insert(definition.key, definition.id);
    m_alarms.push_back(std::move(definition));
    return m_alarms.back().id;
}

void AlarmCatalog::addRules(quint32 tag)
{
    const TagDefinition &t = m_directory.at(tag);
    QSet<QString> keys;
    for (const AlarmRule &rule : t.alarms) {
        AlarmDefinition d;
        d.rule = rule;
        d.tagId = t.id;
        d.device = t.device;
        d.tag = tag;
        // The key names the rule by its type so that it survives edits of other rules; a second
        // rule of the same type (deviation from two setpoints) gets a number.
        QString key = QStringLiteral("%1/%2").arg(t.id, alarmTypeName(rule.type));
        for (int n = 2; keys.contains(key); ++n)
            key = QStringLiteral("%1/%2/%3").arg(t.id, alarmTypeName(rule.type)).arg(n);
        keys.insert(key);
        d.key = key;
        resolveTags(d);
        const quint32 id = add(std::move(d));
        if (rule.type == AlarmType::RateOfChange)
            m_rateAlarms.push_back(id);
    }
}

void AlarmCatalog::addBadQuality(quint32 tag)
{
    const TagDefinition &t = m_directory.at(tag);
    if (t.alarms.isEmpty())
        return;
    AlarmDefinition d;
    d.source = AlarmSource::BadQuality;
    d.rule.priority = m_options.badQualityPriority;
    d.rule.onDelayMs = m_options.badQualityDelayMs;
    d.rule.message =
        QStringLiteral("Bad quality on '%1': its alarms cannot be evaluated").arg(t.id);
    d.key = QStringLiteral("%1/badquality").arg(t.id);
    d.tagId = t.id;
    d.device = t.device;
    d.tag = tag;
    m_badQuality[tag] = add(std::move(d));
}

void AlarmCatalog::resolveTags(AlarmDefinition &d) const
{
    if (d.rule.type == AlarmType::Deviation) {
        const auto sp = m_directory.indexOf(d.rule.setpointTag);
        if (sp)
            d.setpointTag = *sp;
        else
            qCWarning(lcAlarms).noquote() << d.key << "setpoint tag" << d.rule.setpointTag
                                          << "is unknown: the rule is never evaluated";
    }
    if (!d.rule.suppressionTag.isEmpty()) {
        const auto s = m_directory.indexOf(d.rule.suppressionTag);
        if (s)
            d.suppressionTag = *s;
        else
            qCWarning(lcAlarms).noquote() << d.key << "suppression tag" << d.rule.suppressionTag
                                          << "is unknown: the rule is never suppressed by it";
    }
}

std::span<const quint32> AlarmCatalog::Index::of(quint32 tag) const
{
    if (tag + 1 >= start.size())
        return {};
    return std::span<const quint32>(ids.data() + start[tag], start[tag + 1] - start[tag]);
}

AlarmCatalog::Index AlarmCatalog::buildIndex(quint32 tags,
                                             const std::vector<std::pair<quint32, quint32>> &pairs)
{
    // Compressed rows: one flat array of alarm ids grouped by tag, so a change set walks
    // contiguous memory.
    Index index;
    index.start.assign(tags + 1, 0);
    for (const auto &[tag, id] : pairs)
        ++index.start[tag + 1];
    for (quint32 t = 0; t < tags; ++t)
        index.start[t + 1] += index.start[t];
    index.ids.resize(pairs.size());
    std::vector<quint32> fill(index.start.begin(), index.start.end() - 1);
    for (const auto &[tag, id] : pairs)
        index.ids[fill[tag]++] = id;
    return index;
}

void AlarmCatalog::buildIndexes()
{
    std::vector<std::pair<quint32, quint32>> readers;
    std::vector<std::pair<quint32, quint32>> suppressors;
    for (const AlarmDefinition &d : m_alarms) {
        if (d.source != AlarmSource::Rule)
            continue;
        readers.emplace_back(d.tag, d.id);
        if (d.setpointTag != kNoTag && d.setpointTag != d.tag)
            readers.emplace_back(d.setpointTag, d.id);
        if (d.suppressionTag != kNoTag)
            suppressors.emplace_back(d.suppressionTag, d.id);
    }
    m_readers = buildIndex(m_directory.size(), readers);
    m_suppressors = buildIndex(m_directory.size(), suppressors);
}

} // namespace vigil
