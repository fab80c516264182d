#include "faceplatecontroller.h"

#include "commands/commandservice.h"
#include "faceplatetext.h"
#include "security/securityservice.h"
#include "security/session.h"
#include "taglistmodel.h"
#include "tags/tagdirectory.h"
#include "uilog.h"
#include "util/clock.h"

#include <QMetaObject>

#include <algorithm>
#include <cmath>

namespace vigil
{

namespace
{
constexpr int kRefreshMs = 500;

using State = CommandStatus::State;

bool isOneOf(const std::optional<CommandStatus> &status, std::initializer_list<State> states)
{
    return status && std::find(states.begin(), states.end(), status->state) != states.end();
}
} // namespace

FaceplateController::FaceplateController(std::shared_ptr<const TagDirectory> tags,
                                         CommandService *commands, Session *session,
                                         SecurityService *security, TagListModel *values,
                                         const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_tags(std::move(tags))
    , m_commands(commands)
    , m_session(session)
    , m_security(security)
    , m_values(values)
    , m_clock(clock)
{
    connect(this, &FaceplateController::commandChanged, this,
            &FaceplateController::controlsChanged);
    connect(this, &FaceplateController::permissivesChanged, this,
            &FaceplateController::controlsChanged);
    m_refresh.setInterval(kRefreshMs);
    connect(&m_refresh, &QTimer::timeout, this, &FaceplateController::refresh);
    if (m_commands) {
        // The service lives on the core thread: its statuses arrive queued, in order.
        connect(m_commands, &CommandService::commandUpdated, this,
                &FaceplateController::onCommandUpdated, Qt::QueuedConnection);
    }
    if (m_session) {
        connect(m_session, &Session::changed, this, [this] {
            // A command selected by someone who has left must not be operated by the next.
            if (pending())
                cancel();
            refresh();
        });
    }
    if (m_values) {
        connect(m_values, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex &first, const QModelIndex &last) {
                    onValuesChanged(first.row(), last.row());
                });
    }
}

FaceplateController::~FaceplateController() = default;

QString FaceplateController::kind() const
{
    return m_tag && m_tag->discrete() ? QStringLiteral("discrete") : QStringLiteral("analog");
}

bool FaceplateController::writable() const
{
    return m_tag && m_tag->definition().writable && m_commands;
}

QString FaceplateController::currentText() const
{
    if (!m_tag || !m_values)
        return QString();
    const QModelIndex row = m_values->index(int(m_tag->index()));
    if (m_tag->discrete() && row.data(TagListModel::IsGoodRole).toBool())
        return m_tag->label(row.data(TagListModel::ValueRole).toBool());
    return row.data(TagListModel::ValueTextRole).toString();
}

double FaceplateController::currentValue() const
{
    if (!m_tag || !m_values)
        return 0.0;
    return m_values->index(int(m_tag->index())).data(TagListModel::ValueRole).toDouble();
}

QString FaceplateController::feedbackText() const
{
    const std::optional<quint32> feedback = m_tags->indexOf(m_permissives.feedbackTag);
    if (!feedback || !m_values)
        return QString();
    return m_values->index(int(*feedback)).data(TagListModel::ValueTextRole).toString();
}

bool FaceplateController::feedbackState() const
{
    const std::optional<quint32> feedback = m_tags->indexOf(m_permissives.feedbackTag);
    if (!feedback || !m_values)
        return false;
    return m_values->index(int(*feedback)).data(TagListModel::ValueRole).toDouble() != 0.0;
}

bool FaceplateController::traveling() const
{
    return m_tag && m_tag->discrete() && m_travel.traveling(feedbackState());
}

QString FaceplateController::state() const
{
    return m_status ? FaceplateText::stateName(m_status->state) : QStringLiteral("idle");
}

QString FaceplateController::stateText() const
{
    return m_status ? FaceplateText::stateText(m_status->state) : FaceplateText::idleText();
}

QString FaceplateController::message() const
{
    if (!m_attemptRefusal.isEmpty())
        return FaceplateText::notAccepted(m_attemptRefusal);
    return m_status ? FaceplateText::message(*m_status) : QString();
}

QString FaceplateController::targetText() const
{
    if (!m_status || !m_tag)
        return QString();
    return m_tag->transition(m_status->previous, m_status->target);
}

bool FaceplateController::withinLimits(double value) const
{
    return m_tag && std::isfinite(value) && value >= writeMin() && value <= writeMax();
}

bool FaceplateController::openTag(const QString &tagId)
{
    const std::optional<quint32> index = m_tags->indexOf(tagId);
    if (!index) {
        qCWarning(lcUi) << "faceplate: no tag" << tagId;
        return false;
    }
    if (m_tag)
        close();
    m_tag.emplace(*m_tags, *index);
    m_permissives = m_commands ? m_commands->permissives(*index) : CommandPermissives{};
    resetCommand();
    emit tagChanged();
    emit valuesChanged();
    refresh();
    emit permissivesChanged(); // canCommand also depends on which tag is open
    m_refresh.start();
    emit openChanged();
    return true;
}

void FaceplateController::close()
{
    if (!m_tag)
        return;
    if (pending())
        cancel();
    m_refresh.stop();
    m_tag.reset();
    m_permit.clear();
    resetCommand();
    emit tagChanged();
    emit permissivesChanged();
    emit openChanged();
}

void FaceplateController::select(const QVariant &value)
{
    if (!m_tag || !m_commands || !m_session)
        return;
    refresh();
    if (!selectable(value))
        return;
    // Still waiting for this panel: cancelled here. Sent already: the service supersedes it.
    if (pending())
        cancel();
    const QVariant target =
        m_tag->discrete() ? QVariant(value.toBool()) : QVariant(value.toDouble());
    m_commandId = m_commands->nextId();
    const quint64 id = m_commandId;
    const quint32 tag = m_tag->index();
    const QString user = m_session->user();
    const Role role = m_session->role();
    m_session->touch();
    QMetaObject::invokeMethod(
        m_commands,
        [service = m_commands, id, tag, target, user, role] {
            service->select(id, tag, target, user, role);
        },
        Qt::QueuedConnection);
}

void FaceplateController::operate()
{
    if (!m_commands || !m_session || !isOneOf(m_status, {State::Selected}))
        return;
    const quint64 id = m_commandId;
    const QString user = m_session->user();
    m_session->touch();
    QMetaObject::invokeMethod(
        m_commands, [service = m_commands, id, user] { service->operate(id, user); },
        Qt::QueuedConnection);
}

void FaceplateController::confirmSecondUser(const QString &name, const QString &password)
{
    if (!m_security || !m_commands || !isOneOf(m_status, {State::AwaitingConfirmation}) ||
        m_confirmBusy)
        return;
    setConfirm(true, QString());
    const quint64 id = m_commandId;
    const QString purpose = QStringLiteral("%1 %2").arg(tagId(), targetText());
    m_security->confirmIdentity(name.trimmed(), password, purpose)
        .then(this, [this, id](const LoginResult &result) {
            if (id != m_commandId)
                return; // the command ended or another began meanwhile
            if (result.outcome != LoginResult::Outcome::Granted) {
                setConfirm(false, FaceplateText::loginFailure(result));
                return;
            }
            setConfirm(false, QString());
            // The service decides whether this person may confirm (a different user with the
            // permission), so that a refusal is recorded there like every other.
            QMetaObject::invokeMethod(
                m_commands,
                [service = m_commands, id, user = result.user, role = result.role] {
                    service->confirm(id, user, role);
                },
                Qt::QueuedConnection);
        });
}

void FaceplateController::cancel()
{
    if (!m_commands || !pending())
        return;
    const quint64 id = m_commandId;
    // The one who selected cancels, also when the session has just ended.
    const QString user = m_status ? m_status->user : (m_session ? m_session->user() : QString());
    QMetaObject::invokeMethod(
        m_commands, [service = m_commands, id, user] { service->cancel(id, user); },
        Qt::QueuedConnection);
}

void FaceplateController::onCommandUpdated(const CommandStatus &status)
{
    if (!m_tag || status.id != m_commandId || m_commandId == 0)
        return;
    // The service answers a refused operate or confirmation with the command's unchanged state
    // and the reason: the command still waits, the person is told why.
    const bool attempt = m_status && m_status->id == status.id && m_status->state == status.state &&
                         isOneOf(m_status, {State::Selected, State::AwaitingConfirmation});
    m_attemptRefusal = attempt ? status.message : QString();
    m_status = status;
    m_travel.follow(status);
    if (attempt && status.state == State::AwaitingConfirmation)
        setConfirm(false, FaceplateText::notAccepted(status.message));
    else if (status.state != State::AwaitingConfirmation)
        setConfirm(false, QString());
    updateSecondsLeft();
    emit commandChanged();
    emit valuesChanged(); // traveling depends on the state
}

bool FaceplateController::selectable(const QVariant &value) const
{
    if (!m_tag || isOneOf(m_status, {State::AwaitingConfirmation}))
        return false;
    if (!m_tag->discrete())
        return canCommand();
    const bool state = value.toBool();
    const bool onItsWay =
        isOneOf(m_status, {State::Sending, State::Verifying}) && m_status->target.toBool() == state;
    return m_permit.allowed(state) && !onItsWay;
}

bool FaceplateController::pending() const
{
    return m_commandId != 0 &&
           (!m_status || isOneOf(m_status, {State::Selected, State::AwaitingConfirmation}));
}

void FaceplateController::refresh()
{
    if (!m_tag)
        return;
    if (m_commands)
        m_permissives = m_commands->permissives(m_tag->index());
    updateDisabledReason();
    updateSecondsLeft();
}

void FaceplateController::updateDisabledReason()
{
    if (m_permit.update(*m_tag, m_permissives, m_session, m_commands))
        emit permissivesChanged();
}

bool FaceplateController::canCommand() const
{
    return m_tag && m_permit.canCommand(*m_tag);
}

QString FaceplateController::disabledReason() const
{
    return m_tag ? m_permit.reason(*m_tag) : QString();
}

void FaceplateController::updateSecondsLeft()
{
    int seconds = 0;
    if (isOneOf(m_status, {State::Selected, State::AwaitingConfirmation})) {
        const qint64 left = m_status->deadlineMonoMs - m_clock.monotonicMs();
        seconds = left > 0 ? int((left + 999) / 1000) : 0;
    }
    if (seconds != m_secondsLeft) {
        m_secondsLeft = seconds;
        emit secondsLeftChanged();
    }
}

void FaceplateController::setConfirm(bool busy, const QString &error)
{
    if (busy == m_confirmBusy && error == m_confirmError)
        return;
    m_confirmBusy = busy;
    m_confirmError = error;
    emit confirmChanged();
}

void FaceplateController::resetCommand()
{
    m_commandId = 0;
    m_status.reset();
    m_travel.clear();
    m_attemptRefusal.clear();
    m_secondsLeft = 0;
    setConfirm(false, QString());
    emit commandChanged();
    emit secondsLeftChanged();
}

void FaceplateController::onValuesChanged(int firstRow, int lastRow)
{
    if (!m_tag)
        return;
    const auto inside = [firstRow, lastRow](int row) { return row >= firstRow && row <= lastRow; };
    const std::optional<quint32> feedback = m_tags->indexOf(m_permissives.feedbackTag);
    if (inside(int(m_tag->index())) || (feedback && inside(int(*feedback))))
        emit valuesChanged();
}

} // namespace vigil
