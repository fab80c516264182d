#pragma once

#include "alarms/alarmflags.h"
#include "journalcursor.h"

#include <QString>

#include <optional>

namespace vigil
{

// One alarm_journal row as the history page reads it: a transition of one alarm.
struct AlarmHistoryRow {
    qint64 id = 0;
    qint64 timeMs = 0;
    QString alarmKey; // "TANK_LEVEL/hi", "dev:plc1/commloss"
    QString tag;      // empty for a device's communication loss
    QString device;
    QString source;   // alarmSourceName()
    QString type;     // alarmTypeName() for rules
    int priority = 0; // AlarmPriority: 1 low .. 4 critical
    QString kind;     // alarmTransitionKindName(): "raised", "acknowledged", ...
    AlarmFlags flags; // after the transition
    std::optional<double> value;
    std::optional<double> limit;
    QString user;
    QString comment;
    qint64 durationMs = 0;
    QString message;

    JournalCursor cursor() const { return {timeMs, id, JournalCursor::Origin::Alarm}; }
};

} // namespace vigil
