// CommandService: the steps after operate (send, write outcome, read-back, timeouts) and how
// each state is reported.
#include "commandservice.h"

#include "commandchecks.h"
#include "commandinputs.h"
#include "commandlog.h"
#include "commandratelimiter.h"
#include "events/eventlog.h"
#include "interlockevaluator.h"
#include "readbacktracker.h"
#include "tags/tagdirectory.h"
#include "tagwriter.h"
#include "util/clock.h"

#include <QFuture>

namespace vigil
{

QString CommandService::selectRefusal(quint32 tag, QVariant &target, Role role)
{
    const TagDefinition &def = m_directory.at(tag);
    if (QString why = CommandChecks::permissionRefusal(def, role); !why.isEmpty())
        return why;
    if (!def.writable)
        return QStringLiteral("the tag is not writable");
    if (QString why = CommandChecks::valueRefusal(def, target); !why.isEmpty())
        return why;
    if (QString why = sendRefusal(tag, target); !why.isEmpty())
        return why;
    return m_rate->refusal(tag, target, m_clock->monotonicMs());
}

QString CommandService::sendRefusal(quint32 tag, const QVariant &target) const
{
    const TagDefinition &def = m_directory.at(tag);
    if (QString why = CommandChecks::deviceProblem(def, m_inputs->at(tag).quality); !why.isEmpty())
        return why;
    return m_interlocks->blocking(tag, target, *m_inputs).join(QStringLiteral("; "));
}

void CommandService::send(CommandStatus &status)
{
    // Two commands selected together must not both pass the rate limits at their send.
    QString why = sendRefusal(status.tag, status.target);
    if (why.isEmpty())
        why = m_rate->refusal(status.tag, status.target, m_clock->monotonicMs());
    if (!why.isEmpty()) {
        update(status, CommandStatus::State::Refused,
               QStringLiteral("%1 refused: %2").arg(status.tagId, why));
        return;
    }
    m_rate->record(status.tag, status.target, m_clock->monotonicMs());
    const quint64 id = status.id;
    const quint32 tag = status.tag;
    const WriteRequest request{tag, status.target};
    QString message =
        QStringLiteral("%1: sending %2")
            .arg(status.tagId, CommandChecks::valueText(m_directory.at(tag), status.target));
    if (!status.confirmer.isEmpty())
        message += QStringLiteral(", confirmed by %1").arg(status.confirmer);
    update(status, CommandStatus::State::Sending, message);
    // `status` may be gone from here on: the continuation finds the command by its id.
    m_writer->write(request)
        .then(this, [this, id](const WriteResult &result) { writeFinished(id, result); })
        .onCanceled(this, [this, id, tag] {
            writeFinished(id, WriteResult{tag, false, QStringLiteral("the write was cancelled")});
        });
}

void CommandService::writeFinished(quint64 id, const WriteResult &result)
{
    CommandStatus *status = pending(id);
    if (!status || status->state != CommandStatus::State::Sending)
        return;
    if (!result.ok) {
        fail(*status, QStringLiteral("%1: write failed: %2").arg(status->tagId, result.error));
        return;
    }
    const TagDefinition &def = m_directory.at(status->tag);
    if (m_readbacks->ackOnly(status->tag)) {
        const quint32 tag = status->tag;
        update(*status, CommandStatus::State::Succeeded,
               QStringLiteral("%1: %2 written, confirmed by the device")
                   .arg(def.id, CommandChecks::valueText(def, status->target)));
        emit commandSucceeded(tag);
        return;
    }
    status->deadlineMonoMs = m_clock->monotonicMs() + m_readbacks->timeoutMs(status->tag);
    const QString feedback = m_directory.at(m_readbacks->feedbackOf(status->tag)).id;
    update(*status, CommandStatus::State::Verifying,
           QStringLiteral("%1: written, waiting for %2 to reach %3")
               .arg(def.id, feedback, CommandChecks::valueText(def, status->target)));
    verify(*status);
}

void CommandService::verify(CommandStatus &status)
{
    if (!m_readbacks->reached(status.tag, status.target, *m_inputs))
        return;
    const quint32 tag = status.tag;
    const TagDefinition &def = m_directory.at(tag);
    update(status, CommandStatus::State::Succeeded,
           QStringLiteral("%1: %2 reached %3")
               .arg(def.id, m_directory.at(m_readbacks->feedbackOf(tag)).id,
                    CommandChecks::valueText(def, status.target)));
    emit commandSucceeded(tag);
}

void CommandService::expire(CommandStatus &status)
{
    switch (status.state) {
    case CommandStatus::State::Selected:
        update(status, CommandStatus::State::Expired,
               QStringLiteral("%1: select timed out after %2")
                   .arg(status.tagId, CommandChecks::durationText(m_options.selectTimeoutMs)));
        return;
    case CommandStatus::State::AwaitingConfirmation:
        update(status, CommandStatus::State::Expired,
               QStringLiteral("%1: confirmation timed out after %2")
                   .arg(status.tagId, CommandChecks::durationText(m_options.confirmTimeoutMs)));
        return;
    case CommandStatus::State::Verifying:
        fail(status, QStringLiteral("%1: %2").arg(
                         status.tagId, m_readbacks->failure(status.tag, status.target, *m_inputs)));
        return;
    default:
        return;
    }
}

void CommandService::fail(CommandStatus &status, const QString &message)
{
    const quint32 tag = status.tag;
    const QString user = status.user;
    update(status, CommandStatus::State::Failed, message);
    emit commandFailed(tag, message, user);
}

CommandStatus *CommandService::pending(quint64 id)
{
    const auto it = m_commands.find(id);
    if (it == m_commands.end()) {
        qCInfo(lcCommands) << "command" << id << "is unknown or finished";
        return nullptr;
    }
    return &it->second;
}

std::vector<quint64> CommandService::idsIn(CommandStatus::State state) const
{
    std::vector<quint64> ids;
    for (const auto &[id, status] : m_commands) {
        if (status.state == state)
            ids.push_back(id);
    }
    return ids;
}

QVariant CommandService::currentValue(quint32 tag) const
{
    const CommandInputs::Input input = m_inputs->at(tag);
    const DataType type = m_directory.at(tag).type;
    if (!input.hasValue || type == DataType::String)
        return {};
    if (type == DataType::Bool)
        return QVariant(input.value != 0.0);
    return QVariant(input.value);
}

QString CommandService::previousText(const CommandStatus &status) const
{
    if (!status.previous.isValid())
        return QStringLiteral("?");
    return CommandChecks::valueText(m_directory.at(status.tag), status.previous);
}

void CommandService::update(CommandStatus &status, CommandStatus::State state,
                            const QString &message)
{
    status.state = state;
    status.message = message;
    status.timeMs = m_clock->nowMs();
    const CommandStatus copy = status;
    const auto stored = m_commands.find(copy.id);
    if (copy.finished() && stored != m_commands.end() && &stored->second == &status)
        m_commands.erase(stored);
    qCInfo(lcCommands).noquote() << commandStateName(state) << copy.message;
    report(copy, copy.user);
    emit commandUpdated(copy);
}

void CommandService::reportAttempt(const CommandStatus &status, const QString &user,
                                   const QString &refusal)
{
    CommandStatus copy = status;
    copy.message = QStringLiteral("%1 refused: %2").arg(status.tagId, refusal);
    copy.timeMs = m_clock->nowMs();
    copy.actor = user;
    copy.attemptRefused = true;
    qCInfo(lcCommands).noquote() << "attempt by" << user << "refused:" << copy.message;
    if (m_events) {
        m_events->report(SystemEvent::Severity::Warning, QStringLiteral("user:%1").arg(user),
                         QStringLiteral("command.refused"), copy.message);
    }
    emit commandUpdated(copy);
}

void CommandService::report(const CommandStatus &status, const QString &user)
{
    if (!m_events)
        return;
    using State = CommandStatus::State;
    QString kind;
    auto severity = SystemEvent::Severity::Info;
    switch (status.state) {
    case State::Selected:
        kind = QStringLiteral("command.selected");
        break;
    case State::Refused:
        kind = QStringLiteral("command.refused");
        severity = SystemEvent::Severity::Warning;
        break;
    case State::Sending:
        kind = QStringLiteral("command.sent");
        break;
    case State::Succeeded:
        kind = QStringLiteral("command.succeeded");
        break;
    case State::Failed:
        kind = QStringLiteral("command.failed");
        severity = SystemEvent::Severity::Error;
        break;
    case State::Expired:
        kind = QStringLiteral("command.expired");
        severity = SystemEvent::Severity::Warning;
        break;
    case State::Cancelled:
        kind = QStringLiteral("command.cancelled");
        break;
    case State::AwaitingConfirmation:
    case State::Verifying:
        return; // steps within a command, not events of their own
    }
    m_events->report(severity, QStringLiteral("user:%1").arg(user), kind, status.message);
}

} // namespace vigil
