#pragma once

#include "history/historyurl.h"
#include "journalbatch.h"
#include "journalstats.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>

namespace vigil
{

class EventLog;
class JournalConnection;
class JournalStore;

// The journal's worker, living on the "journal-writer" thread with its own connection to
// journal.db. Each batch of alarm transitions is committed at once in one transaction together
// with the alarm states it changed, so an acknowledge is on disk when the transaction returns;
// system events are gathered for a moment and committed together. A database that cannot be
// written is reported once (event "journal.failed" with the reason) and counted; what could not
// be written is held (bounded, the oldest dropped and counted) and retried, the alarm states
// included, until a write succeeds ("journal.recovered").
class JournalWriter : public QObject
{
    Q_OBJECT
public:
    struct Options {
        int eventDelayMs = 250; // how long events wait for companions before their commit
        int retryMs = 2000;     // retry interval while the database fails
        int maxPending = 10000; // per kind, held while failing
    };

    JournalWriter(HistoryUrl url, Options options, EventLog *events);
    ~JournalWriter() override;

    // Writer thread only. Opens and migrates the database and reads the saved alarm states;
    // false (reported, and retried with the next write) if it cannot.
    bool open(AlarmSavedStates *saved);
    // Commits what is pending and closes.
    void stop();
    // Commits what is pending; false if the database cannot be written.
    bool flushNow();
    JournalStats stats() const; // any thread

public slots:
    void recordTransitions(const vigil::AlarmTransitionBatch &transitions);
    void recordEvent(const vigil::SystemEvent &event);

private:
    bool ensureOpen(QString *error);
    bool openDatabase(QString *error);
    void closeDatabase();
    bool writePending();
    JournalBatch takeBatch() const;
    void committed(const JournalBatch &batch);
    void failed(const QString &reason);
    void trimPending();
    void report(int severity, const QString &kind, const QString &message);
    void updateStats(bool open, const QString &failure);

    HistoryUrl m_url;
    Options m_options;
    EventLog *m_events;
    std::unique_ptr<JournalConnection> m_connection;
    std::unique_ptr<JournalStore> m_store;
    QHash<QString, AlarmSavedState> m_states;
    QSet<QString> m_dirty;
    AlarmTransitionBatch m_transitions; // not yet committed
    QList<SystemEvent> m_pendingEvents;
    bool m_atStart = false;       // in open(): the saved states are read for the engine's restore
    bool m_loaded = false;        // the saved states were read: rows not in m_states are still true
    bool m_replaceStates = false; // opened after the restore: the rows are replaced
    bool m_failing = false;       // reported, waiting for a write to succeed
    QTimer m_eventTimer;
    QTimer m_retryTimer;
    mutable QMutex m_statsMutex;
    JournalStats m_stats;
};

} // namespace vigil
