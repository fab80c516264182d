#include "commandservice.h"

#include "commandchecks.h"
#include "commandinputs.h"
#include "commandlog.h"
#include "commandratelimiter.h"
#include "events/eventlog.h"
#include "interlockevaluator.h"
#include "readbacktracker.h"
#include "security/permissionmatrix.h"
#include "tags/tagdirectory.h"
#include "tagwriter.h"
#include "util/clock.h"

#include <QFuture>
#include <QTimer>

namespace vigil
{

namespace
{
constexpr int tickIntervalMs = 100;
} // namespace

CommandService::CommandService(const TagDirectory &directory, const CommandOptions &options,
                               TagWriter *writer, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_directory(directory)
    , m_options(options)
    , m_writer(writer)
    , m_clock(clock)
    , m_inputs(std::make_unique<CommandInputs>(directory.size()))
    , m_interlocks(std::make_unique<InterlockEvaluator>(directory))
    , m_readbacks(std::make_unique<ReadbackTracker>(directory))
    , m_rate(std::make_unique<CommandRateLimiter>(directory, options.maxPerMinute))
{
}

CommandService::~CommandService() = default;

quint64 CommandService::nextId()
{
    return m_nextId.fetch_add(1, std::memory_order_relaxed);
}

CommandPermissives CommandService::permissives(quint32 tag) const
{
    CommandPermissives p;
    if (tag >= m_directory.size())
        return p;
    const TagDefinition &def = m_directory.at(tag);
    p.writable = def.writable;
    p.critical = def.command.critical;
    p.deviceReason = CommandChecks::deviceProblem(def, m_inputs->at(tag).quality);
    p.deviceOk = p.deviceReason.isEmpty();
    p.blocking = m_interlocks->blocking(tag, QVariant(), *m_inputs);
    p.feedbackTag = m_directory.at(m_readbacks->feedbackOf(tag)).id;
    return p;
}

QStringList CommandService::blockingFor(quint32 tag, const QVariant &target) const
{
    if (tag >= m_directory.size())
        return {};
    return m_interlocks->blocking(tag, target, *m_inputs);
}

void CommandService::setEventLog(EventLog *events)
{
    m_events = events;
}

void CommandService::start()
{
    if (m_timer)
        return;
    m_timer = new QTimer(this);
    m_timer->setInterval(tickIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &CommandService::tick);
    m_timer->start();
}

void CommandService::select(quint64 id, quint32 tag, const QVariant &target, const QString &user,
                            vigil::Role role)
{
    CommandStatus status;
    status.id = id;
    status.tag = tag;
    status.user = user;
    status.target = target;
    if (tag >= m_directory.size()) {
        status.tagId = QStringLiteral("#%1").arg(tag);
        update(status, CommandStatus::State::Refused, QStringLiteral("no tag #%1").arg(tag));
        return;
    }
    const TagDefinition &def = m_directory.at(tag);
    status.tagId = def.id;
    status.previous = currentValue(tag);
    if (m_commands.count(id)) {
        update(status, CommandStatus::State::Refused,
               QStringLiteral("%1 refused: command id %2 is in use").arg(def.id).arg(id));
        return;
    }
    const QString refusal = selectRefusal(tag, status.target, role);
    if (!refusal.isEmpty()) {
        update(status, CommandStatus::State::Refused,
               QStringLiteral("%1 refused: %2").arg(def.id, refusal));
        return;
    }
    supersede(tag, user);
    status.deadlineMonoMs = m_clock->monotonicMs() + m_options.selectTimeoutMs;
    CommandStatus &stored = m_commands[id] = status;
    update(stored, CommandStatus::State::Selected,
           QStringLiteral("%1 selected: %2 → %3")
               .arg(def.id, previousText(stored), CommandChecks::valueText(def, stored.target)));
}

void CommandService::operate(quint64 id, const QString &user)
{
    CommandStatus *status = pending(id);
    if (!status)
        return;
    if (status->state != CommandStatus::State::Selected) {
        reportAttempt(*status, user, QStringLiteral("it is not waiting for operate"));
        return;
    }
    if (user != status->user) {
        reportAttempt(*status, user,
                      QStringLiteral("only %1, who selected it, may operate it").arg(status->user));
        return;
    }
    if (m_clock->monotonicMs() > status->deadlineMonoMs) {
        update(*status, CommandStatus::State::Expired,
               QStringLiteral("%1: select timed out after %2")
                   .arg(status->tagId, CommandChecks::durationText(m_options.selectTimeoutMs)));
        return;
    }
    if (m_directory.at(status->tag).command.critical) {
        status->deadlineMonoMs = m_clock->monotonicMs() + m_options.confirmTimeoutMs;
        update(*status, CommandStatus::State::AwaitingConfirmation,
               QStringLiteral("%1: a second person must confirm %2 → %3")
                   .arg(status->tagId, previousText(*status),
                        CommandChecks::valueText(m_directory.at(status->tag), status->target)));
        return;
    }
    send(*status);
}

void CommandService::confirm(quint64 id, const QString &confirmer, vigil::Role confirmerRole)
{
    CommandStatus *status = pending(id);
    if (!status)
        return;
    if (status->state != CommandStatus::State::AwaitingConfirmation) {
        reportAttempt(*status, confirmer, QStringLiteral("it is not waiting for confirmation"));
        return;
    }
    if (m_clock->monotonicMs() > status->deadlineMonoMs) {
        update(*status, CommandStatus::State::Expired,
               QStringLiteral("%1: confirmation timed out after %2")
                   .arg(status->tagId, CommandChecks::durationText(m_options.confirmTimeoutMs)));
        return;
    }
    if (confirmer.compare(status->user, Qt::CaseInsensitive) == 0) {
        reportAttempt(*status, confirmer,
                      QStringLiteral("the second person must be a different user"));
        return;
    }
    if (!PermissionMatrix::allowed(confirmerRole, Permission::ConfirmCriticalCommand)) {
        reportAttempt(*status, confirmer,
                      QStringLiteral("%1 lacks the permission %2")
                          .arg(confirmer, permissionName(Permission::ConfirmCriticalCommand)));
        return;
    }
    status->confirmer = confirmer;
    send(*status);
}

void CommandService::cancel(quint64 id, const QString &user)
{
    CommandStatus *status = pending(id);
    if (!status)
        return;
    if (status->state != CommandStatus::State::Selected &&
        status->state != CommandStatus::State::AwaitingConfirmation) {
        reportAttempt(*status, user, QStringLiteral("it was sent already"));
        return;
    }
    update(*status, CommandStatus::State::Cancelled,
           QStringLiteral("%1: cancelled by %2").arg(status->tagId, user));
}

void CommandService::supersede(quint32 tag, const QString &user)
{
    std::vector<quint64> older;
    for (const auto &[id, status] : m_commands) {
        if (status.tag == tag)
            older.push_back(id);
    }
    // Forgotten once Cancelled: its read-back is no longer awaited, and a write of it still in
    // flight finds no command when it completes (writeFinished), so it decides nothing.
    for (const quint64 id : older) {
        if (CommandStatus *status = pending(id))
            update(
                *status, CommandStatus::State::Cancelled,
                QStringLiteral("%1: superseded by a new command from %2").arg(status->tagId, user));
    }
}

void CommandService::processChanges(const vigil::ChangeSet &changes)
{
    m_inputs->apply(changes);
    for (const quint64 id : idsIn(CommandStatus::State::Verifying)) {
        if (CommandStatus *status = pending(id))
            verify(*status);
    }
}

void CommandService::tick()
{
    const qint64 now = m_clock->monotonicMs();
    std::vector<quint64> late;
    for (const auto &[id, status] : m_commands) {
        if (status.state != CommandStatus::State::Sending && now > status.deadlineMonoMs)
            late.push_back(id);
    }
    for (const quint64 id : late) {
        if (CommandStatus *status = pending(id))
            expire(*status);
    }
}

} // namespace vigil
