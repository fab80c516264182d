#include "alarmsavedstate.h"

namespace vigil
{

void AlarmSavedState::apply(const AlarmTransition &t)
{
    key = t.key;
    flags = t.flags;
    value = t.value;
    updatedMs = t.wallTimeMs;
    // The stamps follow AlarmState's: each operation overwrites its own, nothing else clears them.
    switch (t.kind) {
    case AlarmTransitionKind::Raised:
        stamps.activeMs = t.wallTimeMs;
        if (t.source != AlarmSource::Rule && !t.comment.isEmpty())
            detail = t.comment;
        break;
    case AlarmTransitionKind::Cleared:
        stamps.clearedMs = t.wallTimeMs;
        break;
    case AlarmTransitionKind::Acknowledged:
        stamps.ackMs = t.wallTimeMs;
        stamps.ackUser = t.user;
        stamps.ackComment = t.comment;
        break;
    case AlarmTransitionKind::Shelved:
        stamps.shelveUser = t.user;
        stamps.shelveReason = t.comment;
        shelveUntilWallMs = t.durationMs > 0 ? t.wallTimeMs + t.durationMs : 0;
        break;
    case AlarmTransitionKind::Unshelved:
    case AlarmTransitionKind::ShelveEnded:
        shelveUntilWallMs = 0;
        break;
    case AlarmTransitionKind::RemovedFromService:
        stamps.outOfServiceUser = t.user;
        break;
    case AlarmTransitionKind::ReturnedToService:
        stamps.outOfServiceUser.clear();
        break;
    case AlarmTransitionKind::Latched:
    case AlarmTransitionKind::Reset:
    case AlarmTransitionKind::Realarmed:
    case AlarmTransitionKind::Suppressed:
    case AlarmTransitionKind::Unsuppressed:
        break;
    }
}

} // namespace vigil
