#include "alarmtransition.h"

namespace vigil
{

QString alarmTransitionKindName(AlarmTransitionKind kind)
{
    switch (kind) {
    case AlarmTransitionKind::Raised:
        return QStringLiteral("raised");
    case AlarmTransitionKind::Cleared:
        return QStringLiteral("cleared");
    case AlarmTransitionKind::Latched:
        return QStringLiteral("latched");
    case AlarmTransitionKind::Reset:
        return QStringLiteral("reset");
    case AlarmTransitionKind::Acknowledged:
        return QStringLiteral("acknowledged");
    case AlarmTransitionKind::Realarmed:
        return QStringLiteral("realarmed");
    case AlarmTransitionKind::Shelved:
        return QStringLiteral("shelved");
    case AlarmTransitionKind::Unshelved:
        return QStringLiteral("unshelved");
    case AlarmTransitionKind::ShelveEnded:
        return QStringLiteral("shelveended");
    case AlarmTransitionKind::Suppressed:
        return QStringLiteral("suppressed");
    case AlarmTransitionKind::Unsuppressed:
        return QStringLiteral("unsuppressed");
    case AlarmTransitionKind::RemovedFromService:
        return QStringLiteral("outofservice");
    case AlarmTransitionKind::ReturnedToService:
        return QStringLiteral("inservice");
    }
    return {};
}

} // namespace vigil
