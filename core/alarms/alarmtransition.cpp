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

AlarmTransition AlarmTransition::of(const AlarmDefinition &d, AlarmTransitionKind kind,
                                    const AlarmFlags &flags, double value)
{
    AlarmTransition t;
    t.alarmId = d.id;
    t.kind = kind;
    t.source = d.source;
    t.type = d.rule.type;
    t.priority = d.rule.priority;
    t.flags = flags;
    t.key = d.key;
    t.tagId = d.tagId;
    t.device = d.device;
    t.message = d.rule.message;
    t.value = value;
    t.limit = d.rule.limit;
    return t;
}

} // namespace vigil
