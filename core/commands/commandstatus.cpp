#include "commandstatus.h"

namespace vigil
{

bool CommandStatus::finished() const
{
    switch (state) {
    case State::Selected:
    case State::AwaitingConfirmation:
    case State::Sending:
    case State::Verifying:
        return false;
    case State::Refused:
    case State::Succeeded:
    case State::Failed:
    case State::Cancelled:
    case State::Expired:
        return true;
    }
    return true;
}

QString commandStateName(CommandStatus::State state)
{
    using State = CommandStatus::State;
    switch (state) {
    case State::Selected:
        return QStringLiteral("selected");
    case State::AwaitingConfirmation:
        return QStringLiteral("awaiting-confirmation");
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
    case State::Cancelled:
        return QStringLiteral("cancelled");
    case State::Expired:
        return QStringLiteral("expired");
    }
    return {};
}

} // namespace vigil
