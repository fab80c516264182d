#pragma once

#include "alarms/alarmflags.h"
#include "alarms/alarmrule.h"
#include "alarms/alarmsnapshot.h"

#include <QString>

namespace vigil
{

// What an operator reads about an alarm, in the UI language: the same words on the banner, the
// summary, the shelved list and the detail panel. Core's alarmPriorityName() and the engine's
// own messages are fixed English for logs and the journal; the screens show these.
class AlarmText
{
public:
    // "Critical", "High", "Medium", "Low".
    static QString priority(AlarmPriority p);
    // The shape drawn with the priority colour, so that colour is never the only cue:
    // "square" (critical), "triangle" (high), "diamond" (medium), "circle" (low).
    static QString shape(AlarmPriority p);
    // ISA-18.2 state: "Unack active", "Ack active", "Unack RTN", "Normal".
    static QString state(const AlarmFlags &flags);
    // What hides or holds the alarm: "Shelved (one-shot)", "Out of service", "Latched", ... joined
    // by " · "; empty when nothing does.
    static QString conditions(const AlarmFlags &flags);
    // The rule's message; for a rule without one and for the engine's own conditions (bad
    // quality, communication loss, command failure) a sentence in the UI language.
    static QString message(const AlarmSnapshot &alarm);
    // "HiHi", "Hi", "Lo", "LoLo", "Digital", "Deviation", "Rate of change", "Bad quality", ...
    static QString kind(const AlarmSnapshot &alarm);
    // A wall time: "HH:mm:ss" today, "yyyy-MM-dd HH:mm:ss" otherwise; empty for 0.
    static QString time(qint64 wallMs);
    // A duration: "45 s", "10 min", "1 h 30 min", "8 h".
    static QString duration(qint64 ms);
};

} // namespace vigil
