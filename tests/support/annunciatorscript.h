#pragma once

// Drives an Annunciator with a script of alarm transitions, silences and time passing, the way
// the alarm engine would: each alarm's flags are kept, so every transition carries the flags
// after it.

#include "alarms/annunciator.h"
#include "util/manualclock.h"

#include <QHash>
#include <QStringList>

#include <optional>

namespace vigil::testing
{

// The alarms a script talks about, with the flags the engine would report after each step.
class AlarmScript
{
public:
    AlarmScript(Annunciator &annunciator, ManualClock &clock)
        : m_annunciator(annunciator)
        , m_clock(clock)
    {
    }

    // Steps are separated by spaces; transitions joined by '+' arrive in one batch.
    //   raise:ID:P (P = L, M, H or C)  realarm:ID  clear:ID  ack:ID  shelve:ID  unshelve:ID
    //   shelveend:ID  suppress:ID  unsuppress:ID  oos:ID  ins:ID  silence  wait:MS (then tick)
    QString run(const QString &script)
    {
        for (const QString &step : script.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
            if (step == QLatin1String("silence")) {
                m_annunciator.silence();
            } else if (step.startsWith(QLatin1String("wait:"))) {
                m_clock.advance(step.mid(5).toLongLong());
                m_annunciator.tick();
            } else {
                AlarmTransitionBatch batch;
                for (const QString &op : step.split(QLatin1Char('+'))) {
                    const std::optional<AlarmTransition> t = transition(op);
                    if (!t)
                        return QStringLiteral("unknown step ") + op;
                    batch.append(*t);
                }
                m_annunciator.apply(batch);
            }
        }
        return {};
    }

private:
    struct Alarm {
        AlarmPriority priority = AlarmPriority::Medium;
        AlarmFlags flags;
    };

    std::optional<AlarmTransition> transition(const QString &op)
    {
        const QStringList parts = op.split(QLatin1Char(':'));
        if (parts.size() < 2)
            return std::nullopt;
        const quint32 id = parts[1].toUInt();
        Alarm &alarm = m_alarms[id];
        AlarmFlags &f = alarm.flags;
        using K = AlarmTransitionKind;
        K kind;
        const QString &name = parts[0];
        if (name == QLatin1String("raise") && parts.size() == 3) {
            const std::optional<AlarmPriority> p = priority(parts[2]);
            if (!p)
                return std::nullopt;
            alarm.priority = *p;
            kind = K::Raised;
            f.active = true;
            f.acknowledged = false;
        } else if (name == QLatin1String("realarm")) {
            kind = K::Realarmed;
            f.acknowledged = false;
        } else if (name == QLatin1String("clear")) {
            kind = K::Cleared;
            f.active = false;
        } else if (name == QLatin1String("ack")) {
            kind = K::Acknowledged;
            f.acknowledged = true;
        } else if (name == QLatin1String("shelve")) {
            kind = K::Shelved;
            f.shelved = true;
        } else if (name == QLatin1String("unshelve") || name == QLatin1String("shelveend")) {
            kind = name == QLatin1String("unshelve") ? K::Unshelved : K::ShelveEnded;
            f.shelved = false;
        } else if (name == QLatin1String("suppress") || name == QLatin1String("unsuppress")) {
            f.suppressed = name == QLatin1String("suppress");
            kind = f.suppressed ? K::Suppressed : K::Unsuppressed;
        } else if (name == QLatin1String("oos") || name == QLatin1String("ins")) {
            f.outOfService = name == QLatin1String("oos");
            kind = f.outOfService ? K::RemovedFromService : K::ReturnedToService;
        } else {
            return std::nullopt;
        }
        AlarmTransition t;
        t.alarmId = id;
        t.kind = kind;
        t.priority = alarm.priority;
        t.flags = f;
        return t;
    }

    static std::optional<AlarmPriority> priority(const QString &letter)
    {
        if (letter == QLatin1String("L"))
            return AlarmPriority::Low;
        if (letter == QLatin1String("M"))
            return AlarmPriority::Medium;
        if (letter == QLatin1String("H"))
            return AlarmPriority::High;
        if (letter == QLatin1String("C"))
            return AlarmPriority::Critical;
        return std::nullopt;
    }

    Annunciator &m_annunciator;
    ManualClock &m_clock;
    QHash<quint32, Alarm> m_alarms;
};

} // namespace vigil::testing
