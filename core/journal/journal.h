#pragma once

#include "alarms/alarmsavedstate.h"
#include "history/historyurl.h"
#include "journalstats.h"
#include "journalwriter.h"

#include <QObject>
#include <QThread>

namespace vigil
{

class EventLog;

// The journal service: journal.db (alarm transitions, system events, the saved alarm states)
// written by a JournalWriter on its own "journal-writer" thread. start() opens the database
// and returns the saved alarm states for AlarmEngine::restore() before the core thread runs;
// every event of the EventLog is stored (queued to the writer); alarm transitions reach
// writer()->recordTransitions through a queued connection made by the composition root.
class Journal : public QObject
{
    Q_OBJECT
public:
    Journal(HistoryUrl url, EventLog *events = nullptr, JournalWriter::Options options = {},
            QObject *parent = nullptr);
    ~Journal() override;

    // Starts the writer thread and opens the database (blocking). A database that cannot be
    // opened is reported and retried by the writer; then nothing is restored (empty list).
    AlarmSavedStates start();
    // Commits what is pending and closes (blocking).
    void stop();
    // Blocks until everything received so far is committed; false if it could not be.
    bool flush();

    // Lives on the writer thread: connect to its slots with Qt::QueuedConnection only.
    JournalWriter *writer() const { return m_writer; }
    JournalStats stats() const;
    bool isRunning() const { return m_running; }

private:
    QThread m_thread;
    JournalWriter *m_writer = nullptr;
    bool m_running = false;
};

} // namespace vigil
