#pragma once

#include <QMetaType>
#include <QString>
#include <QVariant>

namespace vigil
{

// One command's state as the service reports it after every change (select-before-operate,
// two-person confirmation, write, read-back).
struct CommandStatus {
    enum class State : quint8 {
        Selected,
        AwaitingConfirmation,
        Refused,
        Sending,
        Verifying,
        Succeeded,
        Failed,
        Cancelled,
        Expired
    };

    quint64 id = 0;
    quint32 tag = 0; // index in TagDirectory
    QString tagId;
    QString user;      // who selected/operated
    QString confirmer; // second person, when the tag is critical
    QVariant previous; // value when selected (EU)
    QVariant target;   // EU
    State state = State::Refused;
    QString message; // English, e.g. "P101.CMD refused: LT101 < 10 % (dry-run protection)"
    qint64 deadlineMonoMs = 0; // select / confirmation / read-back deadline (Clock::monotonicMs)
    qint64 timeMs = 0;         // wall time of this status

    // Refused, Succeeded, Failed, Cancelled and Expired: nothing more happens to the command.
    bool finished() const;
};

// "selected", "awaiting-confirmation", "refused", "sending", "verifying", "succeeded", "failed",
// "cancelled", "expired": stable names for events, the audit trail and tests.
QString commandStateName(CommandStatus::State state);

} // namespace vigil

Q_DECLARE_METATYPE(vigil::CommandStatus)
