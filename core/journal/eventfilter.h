#pragma once

#include "journalcursor.h"

#include <QString>

#include <optional>

namespace vigil
{

// What the events page asks for: the timeline of system events and alarm transitions in
// [fromMs, toMs] (inclusive), newest first, one page at a time.
struct EventFilter {
    static constexpr int kMaxPageSize = 500;
    static constexpr int kMaxTextLength = 256;

    qint64 fromMs = 0;
    qint64 toMs = 0;
    QString kindPrefix; // "device.", "historian.", "alarm.", "alarm.raised"; empty: every kind
    QString device;     // a device id: its events ("device:<id>") and its alarms; empty: all
    QString text;       // substring of the message (alarms: also tag and comment)
    bool includeAlarms = true; // the alarm transitions on the same timeline
    int pageSize = 100;
    std::optional<JournalCursor> after; // the previous page's `next`

    QString validate() const;
};

} // namespace vigil
