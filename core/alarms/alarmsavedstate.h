#pragma once

#include "alarmflags.h"
#include "alarmstate.h"
#include "alarmtransition.h"

#include <QList>
#include <QString>

namespace vigil
{

// What survives a restart of one alarm: its flags and stamps as its transitions left them. The
// journal writer keeps one per alarm key up to date from the transitions it stores
// (apply()), and at start AlarmEngine::restore() gives them back to the engine. Wall times
// only: a timed shelve's end is saved as the wall time it was due, since the monotonic clock
// starts again with the process.
struct AlarmSavedState {
    QString key;
    AlarmFlags flags; // suppressed is not restored: it is re-evaluated
    AlarmStamps stamps;
    qint64 shelveUntilWallMs = 0; // timed shelve: wall time it ends; 0: none or one-shot
    double value = 0.0;           // the value at the last transition
    QString detail;               // the latest disconnect reason or command failure text
    qint64 updatedMs = 0;         // wall time of the last transition

    // Follows one transition of this alarm (its key).
    void apply(const AlarmTransition &t);
    bool operator==(const AlarmSavedState &) const = default;
};

using AlarmSavedStates = QList<AlarmSavedState>;

} // namespace vigil
