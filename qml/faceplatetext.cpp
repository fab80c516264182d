#include "faceplatetext.h"

namespace vigil
{

using State = CommandStatus::State;

QString FaceplateText::stateName(State state)
{
    switch (state) {
    case State::Selected:
        return QStringLiteral("selected");
    case State::AwaitingConfirmation:
        return QStringLiteral("awaitingConfirmation");
    case State::Refused:
        return QStringLiteral("refused");
    case State::Sending:
        return QStringLiteral("sending");
    case State::Verifying:
        return QStringLiteral("verifying");
    case State::Succeeded:
        return QStringLiteral("succeeded");
    case State::Failed:
        return QStringLiteral("failed");
    case State::Expired:
        return QStringLiteral("expired");
    case State::Cancelled:
        break;
    }
    return QStringLiteral("idle");
}

QString FaceplateText::idleText()
{
    return tr("Ready");
}

QString FaceplateText::stateText(State state)
{
    switch (state) {
    case State::Selected:
        return tr("Selected");
    case State::AwaitingConfirmation:
        return tr("Second user required");
    case State::Refused:
        return tr("Refused");
    case State::Sending:
        return tr("Sending");
    case State::Verifying:
        return tr("Waiting for feedback");
    case State::Succeeded:
        return tr("Done");
    case State::Failed:
        return tr("Failed");
    case State::Expired:
        return tr("Expired");
    case State::Cancelled:
        return tr("Cancelled");
    }
    return idleText();
}

QString FaceplateText::message(const CommandStatus &status)
{
    const QString m = status.message;
    switch (status.state) {
    case State::Selected:
        return tr("Check the target, then slide to confirm");
    case State::AwaitingConfirmation:
        return tr("A second, different user must confirm this command");
    case State::Refused:
        return tr("Refused: %1").arg(m);
    case State::Sending:
        return tr("Sending the command to the device");
    case State::Verifying:
        return tr("Sent; waiting for the feedback to reach the target");
    case State::Succeeded:
        return tr("Done: the feedback reached the target");
    case State::Failed:
        return tr("Failed: %1").arg(m);
    case State::Expired:
        return tr("Expired: %1").arg(m);
    case State::Cancelled:
        return tr("Cancelled");
    }
    return m;
}

QString FaceplateText::viewOnly()
{
    return tr("View only: this tag cannot be commanded");
}

QString FaceplateText::notLoggedIn()
{
    return tr("Not logged in: log in to command this tag");
}

QString FaceplateText::roleMayNot(Role role, bool discrete)
{
    return discrete ? tr("Your role (%1) may not operate equipment").arg(roleName(role))
                    : tr("Your role (%1) may not change setpoints").arg(roleName(role));
}

QString FaceplateText::commLoss(const QString &reason)
{
    return reason.isEmpty() ? tr("No communication with the device")
                            : tr("No communication with the device: %1").arg(reason);
}

QString FaceplateText::interlocked(const QStringList &blocking)
{
    return tr("Blocked by interlock: %1").arg(blocking.join(QStringLiteral("; ")));
}

QString FaceplateText::interlockedValue(const QString &label, const QStringList &blocking)
{
    return tr("%1 blocked by interlock: %2").arg(label, blocking.join(QStringLiteral("; ")));
}

QString FaceplateText::notAccepted(const QString &message)
{
    return tr("Not accepted: %1").arg(message);
}

QString FaceplateText::serviceUnavailable()
{
    return tr("Commands are not available on this panel");
}

QString FaceplateText::loginFailure(const LoginResult &result)
{
    switch (result.outcome) {
    case LoginResult::Outcome::WrongCredentials:
        return tr("Wrong user name or password");
    case LoginResult::Outcome::LockedOut:
        return tr("This user is locked out");
    case LoginResult::Outcome::Disabled:
        return tr("This user is disabled");
    case LoginResult::Outcome::Granted:
    case LoginResult::Outcome::Refused:
        break;
    }
    return tr("Confirmation refused: %1").arg(result.message);
}

QString FaceplateText::roleName(Role role)
{
    switch (role) {
    case Role::Viewer:
        return tr("viewer");
    case Role::Operator:
        return tr("operator");
    case Role::Engineer:
        return tr("engineer");
    case Role::Admin:
        return tr("admin");
    }
    return QString();
}

} // namespace vigil
