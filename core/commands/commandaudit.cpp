#include "commandaudit.h"

namespace vigil
{

namespace
{

QString actionOf(CommandStatus::State state)
{
    using State = CommandStatus::State;
    switch (state) {
    case State::Selected:
        return QStringLiteral("command.select");
    case State::AwaitingConfirmation:
        return QStringLiteral("command.operate");
    case State::Refused:
        return QStringLiteral("command.refused");
    case State::Sending:
        return QStringLiteral("command.sent");
    case State::Verifying:
        return QStringLiteral("command.verifying");
    case State::Succeeded:
        return QStringLiteral("command.succeeded");
    case State::Failed:
        return QStringLiteral("command.failed");
    case State::Cancelled:
        return QStringLiteral("command.cancelled");
    case State::Expired:
        return QStringLiteral("command.expired");
    }
    return QStringLiteral("command.unknown");
}

QString resultOf(CommandStatus::State state)
{
    using State = CommandStatus::State;
    switch (state) {
    case State::Succeeded:
        return QStringLiteral("ok");
    case State::Refused:
        return QStringLiteral("refused");
    case State::Failed:
    case State::Expired:
        return QStringLiteral("failed");
    case State::Cancelled:
        return QStringLiteral("cancelled");
    default:
        return QStringLiteral("pending");
    }
}

QString valueText(const QVariant &value)
{
    return value.isValid() ? value.toString() : QStringLiteral("?");
}

} // namespace

AuditEntry commandAuditEntry(const CommandStatus &status)
{
    AuditEntry entry;
    entry.timeMs = status.timeMs;
    entry.user = status.actor.isEmpty() ? status.user : status.actor;
    entry.target = status.tagId;
    QString detail =
        QStringLiteral("%1 → %2").arg(valueText(status.previous), valueText(status.target));
    if (!status.confirmer.isEmpty())
        detail += QStringLiteral("; confirmed by %1").arg(status.confirmer);
    if (!status.message.isEmpty())
        detail += QStringLiteral("; %1").arg(status.message);
    entry.detail = detail;
    if (status.attemptRefused) {
        entry.action = QStringLiteral("command.refused");
        entry.result = QStringLiteral("refused");
    } else {
        entry.action = actionOf(status.state);
        entry.result = resultOf(status.state);
    }
    return entry;
}

} // namespace vigil
