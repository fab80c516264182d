#pragma once

#include "journalcursor.h"

#include <QString>

namespace vigil
{

// One entry of the events timeline: a system event (device connected, historian degraded, ...)
// or an alarm transition, with what both share. Alarm entries have kind "alarm.<transition>",
// e.g. "alarm.raised", so a kind filter selects them like any other kind.
struct EventRow {
    JournalCursor::Origin origin = JournalCursor::Origin::Event;
    qint64 id = 0;
    qint64 timeMs = 0;
    int severity = 0; // system events: 0 info, 1 warning, 2 error
    int priority = 0; // alarm transitions: 1 low .. 4 critical
    QString source;   // "device:plc1", "historian", "app"; for alarms the alarm key
    QString device;   // the device it concerns, if any
    QString kind;     // "device.connected", "alarm.raised", ...
    QString tag;      // alarm transitions only
    QString user;     // alarm transitions only
    QString comment;  // alarm transitions only: acknowledge comment, shelving reason, ...
    QString message;

    bool isAlarm() const { return origin == JournalCursor::Origin::Alarm; }
    JournalCursor cursor() const { return {timeMs, id, origin}; }
};

} // namespace vigil
