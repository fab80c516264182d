#pragma once

#include "alarmflags.h"
#include "alarmrule.h"
#include "alarmsource.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace vigil
{

enum class AlarmTransitionKind : quint8 {
    Raised,             // became active (after its on-delay)
    Cleared,            // returned to normal (after its off-delay), or a latched alarm was reset
    Latched,            // the condition returned to normal, the alarm stays active until reset
    Reset,              // a latched alarm was reset by a user
    Acknowledged,       // by a user, with an optional comment
    Realarmed,          // active and acknowledged for the re-alarm time: unacknowledged again
    Shelved,            // by a user, one-shot or timed, with a reason
    Unshelved,          // by a user
    ShelveEnded,        // a one-shot shelve ended with the return to normal, or a timed one expired
    Suppressed,         // by design (a condition or setSuppressed)
    Unsuppressed,       //
    RemovedFromService, // out of service, by a user
    ReturnedToService,  // by a user
};

QString alarmTransitionKindName(AlarmTransitionKind kind); // "raised", "cleared", ...

// One change of an alarm's state: what the journal persists and the UI reacts to.
struct AlarmTransition {
    quint32 alarmId = 0;
    AlarmTransitionKind kind = AlarmTransitionKind::Raised;
    AlarmSource source = AlarmSource::Rule;
    AlarmType type = AlarmType::Hi; // meaningful for AlarmSource::Rule
    AlarmPriority priority = AlarmPriority::Medium;
    AlarmFlags flags; // the state after the transition
    QString key;
    QString tagId;
    QString device; // the tag's device, or the device itself (communication loss)
    QString message;
    double value = 0.0;    // the tag's value when it happened (pv for deviation)
    double limit = 0.0;    // the rule's limit (deviation: allowed |pv - sp|; rate: units/s)
    QString user;          // who did it; "operator" when nobody is logged in; empty for the system
    QString comment;       // acknowledge/out-of-service comment, shelving reason, failure text
    qint64 durationMs = 0; // timed shelve: its effective duration
    qint64 wallTimeMs = 0;
};

// All the transitions of one change set, tick or operation: one signal each, never one per sample.
using AlarmTransitionBatch = QList<AlarmTransition>;

} // namespace vigil

Q_DECLARE_METATYPE(vigil::AlarmTransitionBatch)
