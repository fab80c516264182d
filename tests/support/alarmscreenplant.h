#pragma once

// A small plant for the alarm screen tests: a tank level with Hi (rationalised) and HiHi, a
// temperature with an unnamed Lo, a pump's running state (digital) and a latched emergency stop.

#include "alarmtesting.h"

namespace vigil::testing
{

enum AlarmScreenTag : quint32 {
    kLevel = 0, // LT101, %: hi 80 (high, rationalised), hihi 95 (critical)
    kTemp = 1,  // TT201, °C: lo 10 (medium, no message)
    kPump = 2,  // P101 running: digital false (low)
    kEstop = 3, // ESD1: digital true (critical, latched)
};

inline std::shared_ptr<const TagDirectory> alarmScreenPlant()
{
    AlarmRule hi = rule(AlarmType::Hi, 80.0);
    hi.priority = AlarmPriority::High;
    hi.message = QStringLiteral("Tank level high");
    hi.cause = QStringLiteral("Outlet valve closed or inflow too high");
    hi.consequence = QStringLiteral("Overfill in about 10 minutes");
    hi.action = QStringLiteral("Open XV-102 or stop P-100");
    hi.responseTimeMs = 5 * 60'000;
    AlarmRule hihi = rule(AlarmType::HiHi, 95.0);
    hihi.priority = AlarmPriority::Critical;
    hihi.message = QStringLiteral("Tank overfill");
    TagDefinition level = tag(QStringLiteral("LT101"), {hi, hihi});
    level.unit = QStringLiteral("%");
    level.decimals = 1;

    AlarmRule lo = rule(AlarmType::Lo, 10.0);
    lo.priority = AlarmPriority::Medium;
    lo.message.clear();
    TagDefinition temp = tag(QStringLiteral("TT201"), {lo});
    temp.unit = QStringLiteral("°C");
    temp.decimals = 1;

    AlarmRule stopped = rule(AlarmType::Digital, 0.0);
    stopped.digitalState = false;
    stopped.priority = AlarmPriority::Low;
    stopped.message = QStringLiteral("Pump stopped");
    TagDefinition pump = tag(QStringLiteral("P101"), {stopped});
    pump.type = DataType::Bool;

    AlarmRule estop = rule(AlarmType::Digital, 0.0);
    estop.digitalState = true;
    estop.priority = AlarmPriority::Critical;
    estop.latch = true;
    estop.message = QStringLiteral("Emergency stop pressed");
    TagDefinition esd = tag(QStringLiteral("ESD1"), {estop});
    esd.type = DataType::Bool;

    return plant({level, temp, pump, esd});
}

// The engine's id of an alarm by key ("LT101/hi"); fails the lookup loudly.
inline quint32 alarmId(const AlarmEngine &engine, const QString &key)
{
    const std::optional<quint32> id = engine.idOf(key);
    if (!id)
        qFatal("no alarm %s", qPrintable(key));
    return *id;
}

} // namespace vigil::testing
