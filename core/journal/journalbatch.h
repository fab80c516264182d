#pragma once

#include "alarms/alarmsavedstate.h"
#include "alarms/alarmtransition.h"
#include "events/systemevent.h"

#include <QList>

namespace vigil
{

// What the journal writer commits in one transaction: alarm transitions and system events to
// append, and the alarm states they changed.
struct JournalBatch {
    AlarmTransitionBatch transitions;
    QList<SystemEvent> events;
    AlarmSavedStates states;
    // Replace every saved state with `states` (the journal was unavailable when the engine was
    // restored: the rows left from before describe a state the engine never had).
    bool replaceStates = false;

    bool isEmpty() const
    {
        return transitions.isEmpty() && events.isEmpty() && states.isEmpty() && !replaceStates;
    }
};

} // namespace vigil
