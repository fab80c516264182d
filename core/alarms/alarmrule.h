#pragma once

#include "config/sourcelocation.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace vigil
{

enum class AlarmType : quint8 {
    HiHi,
    Hi,
    Lo,
    LoLo,
    Digital,
    Deviation,
    RateOfChange
};
enum class AlarmPriority : quint8 {
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4
};

QString alarmTypeName(AlarmType type); // "hihi", "hi", "lo", "lolo", "digital", ...
std::optional<AlarmType> parseAlarmType(QStringView name);
QStringList alarmTypeNames();
QString alarmPriorityName(AlarmPriority p); // "low", "medium", "high", "critical"
std::optional<AlarmPriority> parseAlarmPriority(QStringView name);
QStringList alarmPriorityNames();

// One alarm condition attached to a tag, as configured (ISA-18.2 attributes).
struct AlarmRule {
    AlarmType type = AlarmType::Hi;
    AlarmPriority priority = AlarmPriority::Medium;
    double limit = 0.0;       // limits: engineering value; deviation: allowed |pv - sp|;
                              // rate of change: units per second
    bool digitalState = true; // digital: the abnormal state
    QString setpointTag;      // deviation: the setpoint tag id
    double deadband = 0.0;    // engineering units
    qint64 onDelayMs = 0;
    qint64 offDelayMs = 0;
    qint64 realarmMs = 0; // 0: never re-alarm
    bool latch = false;
    QString message;
    SourceLocation location;
    // Rationalisation (what the operator should know and do); empty until the plant file says.
    QString cause;
    QString consequence;
    QString action;
    qint64 responseTimeMs = 0; // 0: not stated
    // Suppressed by design while this tag's state (as a boolean) equals suppressWhen, e.g. "unit
    // stopped". Empty: never suppressed by a condition.
    QString suppressionTag;
    bool suppressWhen = true;
    SourceLocation suppressionLocation; // where suppressionTag is written, for errors
};

} // namespace vigil
