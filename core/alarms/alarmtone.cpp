#include "alarmtone.h"

namespace vigil
{

AlarmTone alarmToneOf(AlarmPriority priority)
{
    switch (priority) {
    case AlarmPriority::Low:
        return AlarmTone::Low;
    case AlarmPriority::Medium:
        return AlarmTone::Medium;
    case AlarmPriority::High:
        return AlarmTone::High;
    case AlarmPriority::Critical:
        return AlarmTone::Critical;
    }
    return AlarmTone::None;
}

QString alarmToneName(AlarmTone tone)
{
    switch (tone) {
    case AlarmTone::None:
        return QStringLiteral("none");
    case AlarmTone::Low:
        return QStringLiteral("low");
    case AlarmTone::Medium:
        return QStringLiteral("medium");
    case AlarmTone::High:
        return QStringLiteral("high");
    case AlarmTone::Critical:
        return QStringLiteral("critical");
    }
    return {};
}

} // namespace vigil
