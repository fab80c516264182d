#pragma once

#include <QtGlobal>

namespace vigil
{

// The independent state flags of one alarm (ISA-18.2 / OPC UA Part 9). Every combination is
// possible: a shelved alarm still becomes active and unacknowledged, it is only not annunciated.
struct AlarmFlags {
    bool active = false;
    bool acknowledged = true;
    bool shelved = false;
    bool oneShotShelve = false; // shelved until the next return to normal
    bool suppressed = false;    // by design: a condition or setSuppressed()
    bool outOfService = false;
    bool latched = false; // the condition returned to normal, a reset is needed

    // In the alarm list: active, or returned to normal but not yet acknowledged.
    bool listed() const { return active || !acknowledged; }
    // Annunciated and offered for action: listed and not hidden by shelving, design or service.
    bool actionable() const { return listed() && !shelved && !suppressed && !outOfService; }
    bool operator==(const AlarmFlags &) const = default;
};

} // namespace vigil
