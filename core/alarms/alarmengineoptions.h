#pragma once

#include "alarmrule.h"

#include <QtGlobal>

namespace vigil
{

// Settings of the alarm engine that are not per rule. The plant file's [alarms] table sets all
// but the last two, which are tuning rather than plant configuration (see AlarmOptionsReader).
struct AlarmEngineOptions {
    // A tag with alarm rules raises its bad-quality alarm after this long with Bad quality.
    qint64 badQualityDelayMs = 10'000;
    AlarmPriority badQualityPriority = AlarmPriority::Medium;
    AlarmPriority commLossPriority = AlarmPriority::High;
    AlarmPriority commandFailurePriority = AlarmPriority::High;
    // The longest a timed shelve may last; longer requests are cut to it.
    qint64 maxShelveMs = 8 * 3'600'000;
    // A rate-of-change alarm whose tag reported no change for this long sees a rate of zero (the
    // tag table reports changes only, so a value standing still sends nothing).
    qint64 rateQuietMs = 2'000;
    // How often start()'s timer runs tick(): the resolution of delays and shelving expiry.
    int tickIntervalMs = 100;
};

} // namespace vigil
