#pragma once

#include "chunkbuffer.h"
#include "historianoptions.h"
#include "historianstate.h"
#include "historyrejects.h"
#include "historytailsource.h"
#include "ingestqueue.h"
#include "tags/tagchange.h"
#include "tags/tagdirectory.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QThread>

#include <memory>

namespace vigil
{

class Clock;
class EventLog;
class HistoryWriter;

// The historian service: records tag change sets (store on change after deadband, plus
// heartbeats) into compact per-tag chunks with rollups, on its own writer thread with its own
// database connection (SQLite by default, PostgreSQL by URL). record() only queues, so the core
// thread is never slowed down; samples are committed within about a second.
class Historian : public QObject, public HistoryTailSource
{
    Q_OBJECT
public:
    struct Stats {
        HistorianState state = HistorianState::Starting;
        QString reason;
        quint64 received = 0; // samples handed to record()
        quint64 dropped = 0;  // dropped from the full queue while the database was unavailable
        quint64 stored = 0;   // taken into chunks (including heartbeats)
        quint64 late = 0;     // samples older than their tag's last one, refused (never re-stamped)
        quint64 rejectedRows = 0;    // rows the database refused for their data, dropped
        quint64 rejectedSamples = 0; // samples lost with them (refused chunk rows)
        qint64 queued = 0;
    };

    Historian(HistorianOptions options, std::shared_ptr<const TagDirectory> tags,
              const Clock &clock, EventLog *events = nullptr, QObject *parent = nullptr);
    ~Historian() override;

    void start();
    // Seals every open chunk, commits and closes (blocking).
    void stop();

    // Thread-safe and cheap: queues the changes for the writer thread.
    void record(const vigil::ChangeSet &changes);
    // Blocks until everything recorded so far is committed, with the heartbeats due by now;
    // false if the database cannot be written (degraded) or the historian is not running.
    bool flush();

    HistorianState state() const;
    QString stateReason() const;
    Stats stats() const;
    const HistorianOptions &options() const { return m_options; }
    std::shared_ptr<const TagDirectory> tags() const { return m_tags; }

    QList<ChunkBuffer::TailChunk> tail(const QString &tagName) const override;

signals:
    void stateChanged(vigil::HistorianState state, const QString &reason);

private:
    HistorianOptions m_options;
    std::shared_ptr<const TagDirectory> m_tags;
    IngestQueue m_queue;
    HistoryRejects m_rejects;
    std::unique_ptr<ChunkBuffer> m_buffer;
    QThread m_thread;
    HistoryWriter *m_writer = nullptr;
    mutable QMutex m_stateMutex;
    HistorianState m_state = HistorianState::Stopped;
    QString m_reason;
    bool m_running = false;
};

} // namespace vigil
