#include "alarmengine.h"

#include "tags/tagdirectory.h"
#include "util/clock.h"
#include "util/logging.h"

#include <QTimer>

#include <algorithm>

namespace vigil
{

AlarmEngine::AlarmEngine(std::shared_ptr<const TagDirectory> directory, const Clock &clock,
                         AlarmEngineOptions options, QObject *parent)
    : QObject(parent)
    , m_directory(std::move(directory))
    , m_clock(clock)
    , m_options(options)
    , m_catalog(*m_directory, m_options)
    , m_inputs(m_directory->size())
{
    m_checks.reserve(m_catalog.size());
    m_states.reserve(m_catalog.size());
    for (quint32 id = 0; id < m_catalog.size(); ++id)
        addState(id);
    qCInfo(lcAlarms) << "alarm engine:" << m_catalog.size() << "alarms on" << m_directory->size()
                     << "tags";
}

AlarmEngine::~AlarmEngine() = default;

void AlarmEngine::start()
{
    if (m_timer)
        return;
    m_timer = new QTimer(this);
    m_timer->setInterval(m_options.tickIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &AlarmEngine::tick);
    m_timer->start();
}

void AlarmEngine::processChanges(const vigil::ChangeSet &changes)
{
    const AlarmStep now = step();
    for (const TagChange &change : changes)
        applyChange(change, now);
    flush();
}

void AlarmEngine::tick()
{
    const AlarmStep now = step();
    expireRateAlarms(now);
    expireDeadlines(now);
    flush();
}

AlarmSnapshot AlarmEngine::snapshot(quint32 id) const
{
    return AlarmSnapshot::of(m_catalog.at(id), m_states[id], m_values[id], m_details.value(id),
                             m_clock.nowMs(), m_clock.monotonicMs());
}

QList<AlarmSnapshot> AlarmEngine::listed() const
{
    QList<AlarmSnapshot> list;
    for (quint32 id = 0; id < m_states.size(); ++id) {
        if (m_states[id].flags().listed())
            list.append(snapshot(id));
    }
    std::sort(list.begin(), list.end(), [](const AlarmSnapshot &a, const AlarmSnapshot &b) {
        return a.activeTimeMs > b.activeTimeMs;
    });
    return list;
}

QList<AlarmSnapshot> AlarmEngine::shelvedOrOutOfService() const
{
    QList<AlarmSnapshot> list;
    for (quint32 id = 0; id < m_states.size(); ++id) {
        const AlarmFlags &f = m_states[id].flags();
        if (f.shelved || f.outOfService)
            list.append(snapshot(id));
    }
    return list;
}

AlarmCounts AlarmEngine::unacknowledgedCounts() const
{
    AlarmCounts counts;
    for (quint32 id = 0; id < m_states.size(); ++id) {
        const AlarmFlags &f = m_states[id].flags();
        if (f.actionable() && !f.acknowledged)
            counts.add(m_catalog.at(id).rule.priority);
    }
    return counts;
}

int AlarmEngine::acknowledge(const QList<quint32> &ids, const QString &user, const QString &comment)
{
    const QString who = userOrDefault(user);
    int count = 0;
    for (quint32 id : ids) {
        const bool done = operate(id, [&](AlarmState &s, const AlarmStep &now) {
            return s.acknowledge(who, comment, now);
        });
        if (!done)
            continue;
        ++count;
        // A command failure has no process condition: the operator's acknowledge ends it.
        if (m_catalog.at(id).source == AlarmSource::CommandFailure)
            setCondition(id, false, step());
    }
    flush();
    return count;
}

int AlarmEngine::acknowledgeAllActionable(const QString &user, const QString &comment)
{
    QList<quint32> ids;
    for (quint32 id = 0; id < m_states.size(); ++id) {
        const AlarmFlags &f = m_states[id].flags();
        if (f.actionable() && !f.acknowledged)
            ids.append(id);
    }
    return acknowledge(ids, user, comment);
}

bool AlarmEngine::shelve(quint32 id, const QString &user, const QString &reason, qint64 durationMs)
{
    const qint64 duration = std::clamp<qint64>(durationMs, 0, m_options.maxShelveMs);
    const bool done = operate(id, [&](AlarmState &s, const AlarmStep &now) {
        return s.shelve(userOrDefault(user), reason, duration, now);
    });
    flush();
    return done;
}

bool AlarmEngine::unshelve(quint32 id, const QString &user)
{
    const bool done = operate(id, [&](AlarmState &s, const AlarmStep &now) {
        return s.unshelve(userOrDefault(user), now);
    });
    flush();
    return done;
}

bool AlarmEngine::setOutOfService(quint32 id, bool outOfService, const QString &user,
                                  const QString &comment)
{
    const bool done = operate(id, [&](AlarmState &s, const AlarmStep &now) {
        return s.setOutOfService(outOfService, userOrDefault(user), comment, now);
    });
    flush();
    return done;
}

bool AlarmEngine::reset(quint32 id, const QString &user)
{
    const bool done = operate(
        id, [&](AlarmState &s, const AlarmStep &now) { return s.reset(userOrDefault(user), now); });
    flush();
    return done;
}

bool AlarmEngine::setSuppressed(quint32 id, bool suppressed)
{
    const bool done = operate(id, [&](AlarmState &s, const AlarmStep &now) {
        return s.setSuppressedManually(suppressed, now);
    });
    flush();
    return done;
}

void AlarmEngine::setDeviceConnected(const QString &device, bool connected, const QString &reason)
{
    const quint32 id = m_catalog.addCommLoss(device);
    if (id >= m_states.size())
        addState(id);
    if (!connected)
        m_details.insert(id, reason);
    m_contextComment = reason;
    setCondition(id, !connected, step());
    m_contextComment.clear();
    flush();
}

void AlarmEngine::raiseCommandFailure(quint32 tag, const QString &message, const QString &user)
{
    if (tag >= m_directory->size()) {
        qCWarning(lcAlarms) << "command failure on unknown tag index" << tag << "ignored";
        return;
    }
    const quint32 id = m_catalog.addCommandFailure(tag);
    if (id >= m_states.size())
        addState(id);
    const AlarmStep now = step();
    // A second failure while the first is listed is raised again: the operator must see both.
    setCondition(id, false, now);
    m_details.insert(id, message);
    m_contextUser = userOrDefault(user);
    m_contextComment = message;
    setCondition(id, true, now);
    m_contextUser.clear();
    m_contextComment.clear();
    flush();
}

void AlarmEngine::clearCommandFailure(quint32 tag)
{
    if (const auto id = m_catalog.commandFailureAlarmOf(tag)) {
        setCondition(*id, false, step());
        flush();
    }
}

void AlarmEngine::transition(AlarmTransitionKind kind, const QString &user, const QString &comment,
                             qint64 durationMs)
{
    const AlarmDefinition &d = m_catalog.at(m_current);
    const AlarmState &s = m_states[m_current];
    if (d.tag != kNoTag && m_inputs[d.tag].hasValue)
        m_values[m_current] = m_inputs[d.tag].value;
    AlarmTransition t;
    t.alarmId = m_current;
    t.kind = kind;
    t.source = d.source;
    t.type = d.rule.type;
    t.priority = d.rule.priority;
    t.flags = s.flags();
    t.key = d.key;
    t.tagId = d.tagId;
    t.device = d.device;
    t.message = d.rule.message;
    t.value = m_values[m_current];
    t.limit = d.rule.limit;
    t.user = user.isEmpty() ? m_contextUser : user;
    t.comment = comment.isEmpty() ? m_contextComment : comment;
    t.durationMs = durationMs;
    t.wallTimeMs = m_stepWallMs;
    m_batch.append(std::move(t));
}

AlarmStep AlarmEngine::step()
{
    m_stepWallMs = m_clock.nowMs();
    return AlarmStep{m_clock.monotonicMs(), m_stepWallMs, *this};
}

bool AlarmEngine::validId(quint32 id) const
{
    if (id < m_states.size())
        return true;
    qCWarning(lcAlarms) << "unknown alarm id" << id << "ignored";
    return false;
}

void AlarmEngine::addState(quint32 id)
{
    const AlarmRule &rule = m_catalog.at(id).rule;
    m_checks.push_back(AlarmEvaluator::checkFor(m_catalog.at(id)));
    m_states.emplace_back(AlarmTiming{rule.onDelayMs, rule.offDelayMs, rule.realarmMs, rule.latch});
    m_values.push_back(0.0);
    m_scheduled.push_back(false);
}

void AlarmEngine::applyChange(const TagChange &change, const AlarmStep &now)
{
    if (change.tag >= m_inputs.size())
        return;
    m_inputs[change.tag].update(change, now.monoMs);
    evaluateReaders(change.tag, now);
    evaluateSuppression(change.tag, now);
    evaluateBadQuality(change.tag, now);
}

void AlarmEngine::evaluateReaders(quint32 tag, const AlarmStep &now)
{
    const std::span<const quint32> readers = m_catalog.readersOf(tag);
    m_rulesEvaluated += readers.size();
    const AlarmInput *inputs = m_inputs.data();
    for (quint32 id : readers) {
        const AlarmCheck &check = m_checks[id];
        // Bad quality gives no verdict: the condition keeps its last good evaluation.
        if (!AlarmEvaluator::canEvaluate(check, inputs))
            continue;
        const bool abnormal = AlarmEvaluator::evaluate(check, inputs);
        if (abnormal != check.condition)
            setCondition(id, abnormal, now);
    }
}

void AlarmEngine::evaluateSuppression(quint32 tag, const AlarmStep &now)
{
    const std::span<const quint32> suppressed = m_catalog.suppressedBy(tag);
    if (suppressed.empty())
        return;
    const AlarmInput &input = m_inputs[tag];
    for (quint32 id : suppressed) {
        // An unknown state of the suppressing tag shows the alarm rather than hide it.
        const bool on =
            input.usable() && (input.value != 0.0) == m_catalog.at(id).rule.suppressWhen;
        operate(id, [&](AlarmState &s, const AlarmStep &) {
            return s.setSuppressedByCondition(on, now);
        });
    }
}

void AlarmEngine::evaluateBadQuality(quint32 tag, const AlarmStep &now)
{
    const quint32 id = m_catalog.badQualityAlarmOf(tag);
    if (id != kNoTag)
        setCondition(id, isBad(m_inputs[tag].quality), now);
}

void AlarmEngine::setCondition(quint32 id, bool abnormal, const AlarmStep &now)
{
    m_checks[id].condition = abnormal;
    m_current = id;
    m_states[id].setCondition(abnormal, now);
    schedule(id);
}

void AlarmEngine::expireRateAlarms(const AlarmStep &now)
{
    for (quint32 id : m_catalog.rateAlarms()) {
        AlarmCheck &check = m_checks[id];
        AlarmInput &input = m_inputs[check.tag];
        if (!check.condition || !input.usable())
            continue;
        if (now.monoMs - input.changedMono < m_options.rateQuietMs)
            continue;
        input.rate = 0.0;
        const bool abnormal = AlarmEvaluator::evaluateQuietRate(check);
        if (abnormal != check.condition)
            setCondition(id, abnormal, now);
    }
}

void AlarmEngine::expireDeadlines(const AlarmStep &now)
{
    std::vector<quint32> due;
    std::swap(due, m_timed);
    for (quint32 id : due) {
        m_scheduled[id] = false;
        AlarmState &s = m_states[id];
        if (s.nextDeadline() >= 0 && s.nextDeadline() <= now.monoMs) {
            m_current = id;
            s.expire(now, inputsGood(id));
        }
        schedule(id);
    }
}

bool AlarmEngine::inputsGood(quint32 id) const
{
    const AlarmCheck &check = m_checks[id];
    if (!check.isRule)
        return true;
    if (!m_inputs[check.tag].usable())
        return false;
    return check.setpointTag == kNoTag || m_inputs[check.setpointTag].usable();
}

void AlarmEngine::schedule(quint32 id)
{
    if (m_scheduled[id] || m_states[id].nextDeadline() < 0)
        return;
    m_scheduled[id] = true;
    m_timed.push_back(id);
}

template<typename Op>
bool AlarmEngine::operate(quint32 id, Op op)
{
    if (!validId(id))
        return false;
    m_current = id;
    const bool done = op(m_states[id], step());
    schedule(id);
    return done;
}

void AlarmEngine::flush()
{
    if (m_batch.isEmpty())
        return;
    AlarmTransitionBatch batch;
    batch.swap(m_batch);
    emit transitionsOccurred(batch);
}

QString AlarmEngine::userOrDefault(const QString &user)
{
    return user.isEmpty() ? QStringLiteral("operator") : user;
}

} // namespace vigil
