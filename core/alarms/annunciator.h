#pragma once

#include "alarmsnapshot.h"
#include "alarmtone.h"
#include "alarmtransition.h"

#include <QHash>
#include <QList>
#include <QObject>

#include <array>

class QTimer;

namespace vigil
{

class Clock;

// The audible alarm's logic, without any sound: which tone sounds and when it plays again.
// It keeps the unacknowledged actionable alarms (listed, not shelved, suppressed or out of
// service) by priority from the engine's transitions and sounds the highest priority present,
// repeating it at that priority's interval (critical fastest) on the monotonic clock.
// silence() stops the sound without acknowledging anything: it lasts until an alarm is raised
// or re-alarmed, or an active unacknowledged alarm returns from shelving, suppression or out of
// service, since each of those is news to the operator. Acknowledging everything ends the sound.
// A player (the UI's AlarmSound) turns playRequested() into a tone.
class Annunciator : public QObject
{
    Q_OBJECT
public:
    explicit Annunciator(const Clock &clock, QObject *parent = nullptr);
    ~Annunciator() override;

    // Starts the repeat timer on the annunciator's thread; tests call tick() themselves.
    void start();

    // The tone sounding now: None when nothing is unacknowledged or the sound is silenced.
    AlarmTone tone() const { return m_tone; }
    bool sounding() const { return m_tone != AlarmTone::None; }
    bool silenced() const { return m_silenced; }
    // Unacknowledged actionable alarms of a priority, silenced or not.
    int count(AlarmPriority priority) const;
    int total() const { return int(m_members.size()); }
    // How often a tone plays while it sounds (from the start of one play to the next).
    static qint64 repeatIntervalMs(AlarmTone tone);

    // The alarms already listed when the application starts (AlarmEngine::listed() after a
    // restore): the unacknowledged actionable ones sound as if just raised. Replaces the set.
    void seed(const QList<AlarmSnapshot> &listed);

public slots:
    void apply(const vigil::AlarmTransitionBatch &transitions);
    // Stops the sound until the next news; false when nothing was sounding.
    bool silence();
    void tick();

signals:
    void toneChanged(vigil::AlarmTone tone);
    void silencedChanged(bool silenced);
    // Play the tone once, now.
    void playRequested(vigil::AlarmTone tone);

private:
    static bool annunciates(const AlarmFlags &flags);
    static bool isNews(AlarmTransitionKind kind);
    bool place(quint32 id, AlarmPriority priority, bool member);
    AlarmTone highestPresent() const;
    void setSilenced(bool silenced);
    void update(bool news);
    void play();

    const Clock &m_clock;
    QHash<quint32, AlarmPriority> m_members; // alarm id → priority
    std::array<int, 5> m_counts{};           // by AlarmPriority value (index 0 unused)
    AlarmTone m_tone = AlarmTone::None;
    bool m_silenced = false;
    qint64 m_nextPlayMs = 0; // monotonic
    QTimer *m_timer = nullptr;
};

} // namespace vigil
