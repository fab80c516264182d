#pragma once

// Small builders shared by the alarm engine tests: a plant of tags with rules, and change sets.

#include "alarms/alarmengine.h"
#include "tags/tagdirectory.h"

#include <QStringList>

#include <memory>

namespace vigil::testing
{

inline AlarmRule rule(AlarmType type, double limit, double deadband = 0.0)
{
    AlarmRule r;
    r.type = type;
    r.limit = limit;
    r.deadband = deadband;
    r.priority = AlarmPriority::High;
    r.message = QStringLiteral("%1 alarm").arg(alarmTypeName(type));
    return r;
}

inline TagDefinition tag(const QString &id, QList<AlarmRule> alarms = {},
                         const QString &device = QStringLiteral("plc"))
{
    TagDefinition t;
    t.id = id;
    t.device = device;
    t.type = DataType::Float64;
    t.alarms = std::move(alarms);
    return t;
}

inline std::shared_ptr<const TagDirectory> plant(std::vector<TagDefinition> tags)
{
    return std::make_shared<const TagDirectory>(std::move(tags));
}

inline TagChange change(quint32 tag, double value, qint64 sourceTime = 0,
                        Quality quality = Quality::Good)
{
    TagChange c;
    c.tag = tag;
    c.value = value;
    c.quality = quality;
    c.sourceTime = sourceTime;
    c.serverTime = sourceTime;
    return c;
}

inline void send(AlarmEngine &engine, quint32 tag, double value, qint64 sourceTime = 0,
                 Quality quality = Quality::Good)
{
    engine.processChanges(ChangeSet{change(tag, value, sourceTime, quality)});
}

// "AKSPOL": Active, acKnowledged, Shelved, suPpressed, Out of service, Latched; '-' when clear.
inline QString flagCode(const AlarmFlags &f)
{
    QString s;
    s += f.active ? QLatin1Char('A') : QLatin1Char('-');
    s += f.acknowledged ? QLatin1Char('K') : QLatin1Char('-');
    s += f.shelved ? QLatin1Char('S') : QLatin1Char('-');
    s += f.suppressed ? QLatin1Char('P') : QLatin1Char('-');
    s += f.outOfService ? QLatin1Char('O') : QLatin1Char('-');
    s += f.latched ? QLatin1Char('L') : QLatin1Char('-');
    return s;
}

inline QStringList kinds(const AlarmTransitionBatch &batch)
{
    QStringList out;
    for (const AlarmTransition &t : batch)
        out.append(alarmTransitionKindName(t.kind));
    return out;
}

} // namespace vigil::testing
