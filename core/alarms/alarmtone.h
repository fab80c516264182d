#pragma once

#include "alarmrule.h"

#include <QString>

namespace vigil
{

// What the annunciator sounds: one tone per alarm priority, or nothing. Ordered by urgency.
enum class AlarmTone : quint8 {
    None = 0,
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4
};

AlarmTone alarmToneOf(AlarmPriority priority);
QString alarmToneName(AlarmTone tone); // "none", "low", "medium", "high", "critical"

} // namespace vigil
