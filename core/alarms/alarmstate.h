#pragma once

#include "alarmflags.h"
#include "alarmtransition.h"

#include <QString>

namespace vigil
{

// Receives the transitions an AlarmState makes, as they happen (the engine turns them into
// AlarmTransition records with the alarm's definition and value).
class AlarmTransitionSink
{
public:
    virtual void transition(AlarmTransitionKind kind, const QString &user, const QString &comment,
                            qint64 durationMs) = 0;

protected:
    ~AlarmTransitionSink() = default;
};

// "Now" for one step of the state machine: monotonic time for durations, wall time for records.
struct AlarmStep {
    qint64 monoMs = 0;
    qint64 wallMs = 0;
    AlarmTransitionSink &sink;
};

struct AlarmTiming {
    qint64 onDelayMs = 0;
    qint64 offDelayMs = 0;
    qint64 realarmMs = 0; // 0: never
    bool latch = false;
};

// Who did what and when, for the list and the detail panel. Wall times, 0: never.
struct AlarmStamps {
    qint64 activeMs = 0;
    qint64 clearedMs = 0;
    qint64 ackMs = 0;
    QString ackUser;
    QString ackComment;
    QString shelveUser;
    QString shelveReason;
    QString outOfServiceUser;
    bool operator==(const AlarmStamps &) const = default;
};

// The state machine of one alarm: the evaluated condition goes in (setCondition), delays,
// latch, re-alarm and shelving expiry run on monotonic deadlines (expire), and the operations
// change the independent flags. Every change is reported to the step's sink.
class AlarmState
{
public:
    explicit AlarmState(AlarmTiming timing = {})
        : m_timing(timing)
    {
    }

    const AlarmFlags &flags() const { return m_flags; }
    const AlarmStamps &stamps() const { return m_stamps; }
    bool condition() const { return m_condition; }
    // The earliest monotonic time expire() has something to do; -1: nothing pending.
    qint64 nextDeadline() const;
    qint64 shelveUntilMono() const { return m_shelveUntil; }

    // The condition as last evaluated (abnormal or not), before the on/off delays.
    void setCondition(bool abnormal, const AlarmStep &step);
    // Runs the deadlines that are due. conditionTimers false holds the on/off delays (the input
    // is Bad: its last good evaluation must neither raise nor clear the alarm now).
    void expire(const AlarmStep &step, bool conditionTimers = true);

    bool acknowledge(const QString &user, const QString &comment, const AlarmStep &step);
    // durationMs 0: one-shot (until the next return to normal), else timed.
    bool shelve(const QString &user, const QString &reason, qint64 durationMs,
                const AlarmStep &step);
    bool unshelve(const QString &user, const AlarmStep &step);
    bool setOutOfService(bool outOfService, const QString &user, const QString &comment,
                         const AlarmStep &step);
    bool setSuppressedManually(bool suppressed, const AlarmStep &step);
    bool setSuppressedByCondition(bool suppressed, const AlarmStep &step);
    // A latched alarm whose condition has returned to normal.
    bool reset(const QString &user, const AlarmStep &step);

    // Puts back a state saved before a restart. The condition is what the flags imply (active
    // and not latched: abnormal), so the first fresh evaluation raises or clears as it would
    // have live; suppression is kept as it is (it is re-evaluated). A timed shelve runs for
    // shelveRemainingMs more; one with no time left ends now (ShelveEnded). An acknowledged
    // active alarm re-arms its re-alarm time from now.
    void restore(const AlarmFlags &flags, const AlarmStamps &stamps, qint64 shelveRemainingMs,
                 const AlarmStep &step);

private:
    void raise(const AlarmStep &step);
    void returnToNormal(const AlarmStep &step);
    void clear(const AlarmStep &step);
    void endShelve(const AlarmStep &step);
    bool applySuppression(const AlarmStep &step);
    void armRealarm(const AlarmStep &step);

    AlarmTiming m_timing;
    AlarmFlags m_flags;
    AlarmStamps m_stamps;
    bool m_condition = false;
    bool m_suppressManual = false;
    bool m_suppressCondition = false;
    qint64 m_pendingAt = -1; // on-delay (condition true, not active) or off-delay deadline
    qint64 m_realarmAt = -1;
    qint64 m_shelveUntil = -1;
};

} // namespace vigil
