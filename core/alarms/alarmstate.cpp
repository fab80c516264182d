#include "alarmstate.h"

#include <algorithm>

namespace vigil
{

namespace
{

qint64 earliest(qint64 a, qint64 b)
{
    if (a < 0)
        return b;
    if (b < 0)
        return a;
    return std::min(a, b);
}

} // namespace

qint64 AlarmState::nextDeadline() const
{
    return earliest(earliest(m_pendingAt, m_realarmAt), m_shelveUntil);
}

void AlarmState::setCondition(bool abnormal, const AlarmStep &step)
{
    if (abnormal == m_condition)
        return;
    m_condition = abnormal;
    m_pendingAt = -1;
    if (abnormal) {
        if (m_flags.active) {
            // Back before the off-delay ran out, or while latched: it simply stays active.
            m_flags.latched = false;
            return;
        }
        if (m_timing.onDelayMs > 0)
            m_pendingAt = step.monoMs + m_timing.onDelayMs;
        else
            raise(step);
        return;
    }
    if (!m_flags.active)
        return; // a pending on-delay is cancelled
    if (m_timing.offDelayMs > 0)
        m_pendingAt = step.monoMs + m_timing.offDelayMs;
    else
        returnToNormal(step);
}

void AlarmState::expire(const AlarmStep &step, bool conditionTimers)
{
    if (conditionTimers && m_pendingAt >= 0 && step.monoMs >= m_pendingAt) {
        m_pendingAt = -1;
        if (m_condition && !m_flags.active)
            raise(step);
        else if (!m_condition && m_flags.active && !m_flags.latched)
            returnToNormal(step);
    }
    if (m_realarmAt >= 0 && step.monoMs >= m_realarmAt) {
        m_realarmAt = -1;
        if (m_flags.active && m_flags.acknowledged && !m_flags.latched) {
            m_flags.acknowledged = false;
            step.sink.transition(AlarmTransitionKind::Realarmed, {}, {}, 0);
        }
    }
    if (m_shelveUntil >= 0 && step.monoMs >= m_shelveUntil)
        endShelve(step);
}

bool AlarmState::acknowledge(const QString &user, const QString &comment, const AlarmStep &step)
{
    if (m_flags.acknowledged)
        return false;
    m_flags.acknowledged = true;
    m_stamps.ackMs = step.wallMs;
    m_stamps.ackUser = user;
    m_stamps.ackComment = comment;
    armRealarm(step);
    step.sink.transition(AlarmTransitionKind::Acknowledged, user, comment, 0);
    return true;
}

bool AlarmState::shelve(const QString &user, const QString &reason, qint64 durationMs,
                        const AlarmStep &step)
{
    m_flags.shelved = true;
    m_flags.oneShotShelve = durationMs <= 0;
    m_shelveUntil = durationMs > 0 ? step.monoMs + durationMs : -1;
    m_stamps.shelveUser = user;
    m_stamps.shelveReason = reason;
    step.sink.transition(AlarmTransitionKind::Shelved, user, reason,
                         std::max<qint64>(0, durationMs));
    return true;
}

bool AlarmState::unshelve(const QString &user, const AlarmStep &step)
{
    if (!m_flags.shelved)
        return false;
    m_flags.shelved = false;
    m_flags.oneShotShelve = false;
    m_shelveUntil = -1;
    step.sink.transition(AlarmTransitionKind::Unshelved, user, {}, 0);
    return true;
}

bool AlarmState::setOutOfService(bool outOfService, const QString &user, const QString &comment,
                                 const AlarmStep &step)
{
    if (m_flags.outOfService == outOfService)
        return false;
    m_flags.outOfService = outOfService;
    m_stamps.outOfServiceUser = outOfService ? user : QString();
    step.sink.transition(outOfService ? AlarmTransitionKind::RemovedFromService
                                      : AlarmTransitionKind::ReturnedToService,
                         user, comment, 0);
    return true;
}

bool AlarmState::setSuppressedManually(bool suppressed, const AlarmStep &step)
{
    m_suppressManual = suppressed;
    return applySuppression(step);
}

bool AlarmState::setSuppressedByCondition(bool suppressed, const AlarmStep &step)
{
    m_suppressCondition = suppressed;
    return applySuppression(step);
}

bool AlarmState::reset(const QString &user, const AlarmStep &step)
{
    if (!m_flags.active || !m_flags.latched)
        return false;
    step.sink.transition(AlarmTransitionKind::Reset, user, {}, 0);
    clear(step);
    return true;
}

void AlarmState::restore(const AlarmFlags &flags, const AlarmStamps &stamps,
                         qint64 shelveRemainingMs, const AlarmStep &step)
{
    const bool suppressed = m_flags.suppressed;
    m_flags = flags;
    m_flags.suppressed = suppressed;
    m_flags.latched = flags.latched && flags.active;
    m_flags.oneShotShelve = flags.oneShotShelve && flags.shelved;
    m_stamps = stamps;
    m_condition = m_flags.active && !m_flags.latched;
    m_pendingAt = -1;
    m_realarmAt = -1;
    m_shelveUntil = -1;
    if (m_flags.acknowledged)
        armRealarm(step);
    if (m_flags.shelved && !m_flags.oneShotShelve) {
        if (shelveRemainingMs > 0)
            m_shelveUntil = step.monoMs + shelveRemainingMs;
        else
            endShelve(step);
    }
}

void AlarmState::raise(const AlarmStep &step)
{
    m_flags.active = true;
    m_flags.acknowledged = false;
    m_flags.latched = false;
    m_realarmAt = -1;
    m_stamps.activeMs = step.wallMs;
    step.sink.transition(AlarmTransitionKind::Raised, {}, {}, 0);
}

void AlarmState::returnToNormal(const AlarmStep &step)
{
    if (!m_timing.latch) {
        clear(step);
        return;
    }
    m_flags.latched = true;
    m_realarmAt = -1;
    step.sink.transition(AlarmTransitionKind::Latched, {}, {}, 0);
}

void AlarmState::clear(const AlarmStep &step)
{
    m_flags.active = false;
    m_flags.latched = false;
    m_realarmAt = -1;
    m_stamps.clearedMs = step.wallMs;
    step.sink.transition(AlarmTransitionKind::Cleared, {}, {}, 0);
    if (m_flags.shelved && m_flags.oneShotShelve)
        endShelve(step);
}

void AlarmState::endShelve(const AlarmStep &step)
{
    m_flags.shelved = false;
    m_flags.oneShotShelve = false;
    m_shelveUntil = -1;
    step.sink.transition(AlarmTransitionKind::ShelveEnded, {}, {}, 0);
}

bool AlarmState::applySuppression(const AlarmStep &step)
{
    const bool suppressed = m_suppressManual || m_suppressCondition;
    if (suppressed == m_flags.suppressed)
        return false;
    m_flags.suppressed = suppressed;
    step.sink.transition(suppressed ? AlarmTransitionKind::Suppressed
                                    : AlarmTransitionKind::Unsuppressed,
                         {}, {}, 0);
    return true;
}

void AlarmState::armRealarm(const AlarmStep &step)
{
    // Re-alarm counts from the acknowledge: a standing alarm the operator accepted comes back
    // if it is still active realarmMs later.
    if (m_timing.realarmMs > 0 && m_flags.active && !m_flags.latched)
        m_realarmAt = step.monoMs + m_timing.realarmMs;
}

} // namespace vigil
