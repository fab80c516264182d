#pragma once

#include "alarmcatalog.h"
#include "alarmengineoptions.h"
#include "alarmevaluator.h"
#include "alarminput.h"
#include "alarmsavedstate.h"
#include "alarmsnapshot.h"
#include "alarmstate.h"
#include "alarmtransition.h"
#include "tags/tagchange.h"

#include <QHash>
#include <QObject>

#include <memory>
#include <optional>
#include <vector>

class QTimer;

namespace vigil
{

class Clock;
class TagDirectory;

// Evaluates every alarm of the plant and keeps their states. Lives on the core thread: change
// sets arrive through processChanges() (connected to TagTable::changed), delays, re-alarm and
// shelving expiry run in tick() (start() drives it from a timer; tests call it with a
// ManualClock). A change set touches only the changed tags and the rules that read them.
// Every state change is reported once per change set, tick or operation as one batch.
class AlarmEngine : public QObject, private AlarmTransitionSink
{
    Q_OBJECT
public:
    AlarmEngine(std::shared_ptr<const TagDirectory> directory, const Clock &clock,
                AlarmEngineOptions options = {}, QObject *parent = nullptr);
    ~AlarmEngine() override;

    // Starts the tick timer on the engine's thread.
    void start();
    // Gives the alarms the states saved before a restart, before start() and the first change
    // set (alarmenginerestore.cpp). Conditions are re-evaluated from the fresh values that
    // follow; a timed shelve that ended while Vigil was down ends now (ShelveEnded). Keys the
    // plant no longer has are skipped and logged. Returns how many alarms were restored.
    int restore(const vigil::AlarmSavedStates &saved);

    quint32 alarmCount() const { return m_catalog.size(); }
    const AlarmDefinition &definition(quint32 id) const { return m_catalog.at(id); }
    std::optional<quint32> idOf(const QString &key) const { return m_catalog.idOf(key); }
    AlarmFlags flags(quint32 id) const { return m_states[id].flags(); }
    AlarmSnapshot snapshot(quint32 id) const;
    // Active or unacknowledged alarms (shelved, suppressed and out of service ones included,
    // their flags say so), newest first.
    QList<AlarmSnapshot> listed() const;
    // Shelved or out-of-service alarms, whatever their condition.
    QList<AlarmSnapshot> shelvedOrOutOfService() const;
    // Actionable unacknowledged alarms by priority (the banner).
    AlarmCounts unacknowledgedCounts() const;
    // Rules evaluated from values since construction (only the changed tags' readers count).
    quint64 rulesEvaluated() const { return m_rulesEvaluated; }

    // Operations. The user name is recorded with the wall time; empty means "operator".
    int acknowledge(const QList<quint32> &ids, const QString &user, const QString &comment = {});
    int acknowledgeAllActionable(const QString &user, const QString &comment = {});
    // durationMs 0: one-shot (until the next return to normal); else timed, cut to maxShelveMs.
    bool shelve(quint32 id, const QString &user, const QString &reason, qint64 durationMs);
    bool unshelve(quint32 id, const QString &user);
    bool setOutOfService(quint32 id, bool outOfService, const QString &user,
                         const QString &comment = {});
    bool reset(quint32 id, const QString &user);
    // Suppression by design from outside the engine (the plant's own conditions are
    // AlarmRule::suppressionTag).
    bool setSuppressed(quint32 id, bool suppressed);

    // Driver status, from the composition root.
    void setDeviceConnected(const QString &device, bool connected, const QString &reason = {});
    // From the command service: active until acknowledged (or cleared by a later success).
    void raiseCommandFailure(quint32 tag, const QString &message, const QString &user);
    void clearCommandFailure(quint32 tag);

public slots:
    void processChanges(const vigil::ChangeSet &changes);
    void tick();

signals:
    void transitionsOccurred(const vigil::AlarmTransitionBatch &transitions);

private:
    void transition(AlarmTransitionKind kind, const QString &user, const QString &comment,
                    qint64 durationMs) override;
    AlarmStep step();
    bool validId(quint32 id) const;
    std::optional<quint32> restorableId(const QString &key);
    void addState(quint32 id);
    void applyChange(const TagChange &change, const AlarmStep &step);
    void evaluateReaders(quint32 tag, const AlarmStep &step);
    void evaluateSuppression(quint32 tag, const AlarmStep &step);
    void evaluateBadQuality(quint32 tag, const AlarmStep &step);
    void setCondition(quint32 id, bool abnormal, const AlarmStep &step);
    void expireRateAlarms(const AlarmStep &step);
    void expireDeadlines(const AlarmStep &step);
    bool inputsGood(quint32 id) const;
    void schedule(quint32 id);
    template<typename Op>
    bool operate(quint32 id, Op op);
    void flush();
    static QString userOrDefault(const QString &user);

    std::shared_ptr<const TagDirectory> m_directory;
    const Clock &m_clock;
    AlarmEngineOptions m_options;
    AlarmCatalog m_catalog;
    std::vector<AlarmCheck> m_checks;  // per alarm, the hot part
    std::vector<AlarmState> m_states;  // per alarm
    std::vector<double> m_values;      // per alarm: the value at its last transition
    std::vector<bool> m_scheduled;     // per alarm: in m_timed
    std::vector<quint32> m_timed;      // alarms with a deadline
    std::vector<AlarmInput> m_inputs;  // per tag
    QHash<quint32, QString> m_details; // per alarm: the latest failure or disconnect reason
    AlarmTransitionBatch m_batch;
    quint32 m_current = 0;   // the alarm whose state is being changed
    qint64 m_stepWallMs = 0; // the wall time of the step in progress
    QString m_contextUser;
    QString m_contextComment;
    quint64 m_rulesEvaluated = 0;
    QTimer *m_timer = nullptr;
};

} // namespace vigil
