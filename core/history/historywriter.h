#pragma once

#include "chunkbuffer.h"
#include "historianoptions.h"
#include "historianstate.h"

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <limits>
#include <memory>

namespace vigil
{

class Clock;
class EventLog;
class HistoryConnection;
class HistoryPurger;
class HistoryStore;
class IngestQueue;
struct HistoryRejects;

// The historian's worker, living on its own thread with its own database connection: takes
// change sets from the queue into the chunk buffer, commits every flush interval, adds
// heartbeats, runs retention in small steps between flushes, and handles faults: a database
// that cannot be written makes it degraded (it stops taking from the queue and retries), rows
// the database refuses for their data are dropped and counted while the rest of the flush is
// stored (HistorySalvage), a corrupt SQLite file found at start is moved aside and replaced.
class HistoryWriter : public QObject
{
    Q_OBJECT
public:
    HistoryWriter(HistorianOptions options, QStringList tagNames, ChunkBuffer &buffer,
                  IngestQueue &queue, HistoryRejects &rejects, const Clock &clock,
                  EventLog *events);
    ~HistoryWriter() override;

    // Writer thread only.
    void start();
    void stop();
    void drain();
    // Takes everything queued and commits it; false if the database is not writable.
    bool flushNow();

signals:
    void stateChanged(vigil::HistorianState state, const QString &reason);
    void flushed(qint64 durationMs);

private:
    bool openDatabase(QString *error);
    bool moveAsideCorrupt(const QString &why);
    bool flush();
    bool write(const ChunkBuffer::FlushBatch &batch, qint64 reserve, qint64 &first, qint64 &end,
               QString *error);
    QString tagName(qint32 key) const;
    void tick();
    void purgeStep();
    void setState(HistorianState state, const QString &reason);
    // Before taking samples: a clock set back by more than the tolerance is a jump.
    void watchClock();
    void clockWentBack(qint64 from, qint64 now);
    bool moveAsideFuture(qint64 from, qint64 now, QString *error);
    void takeQueue();
    void logLate();
    void report(int severity, const QString &kind, const QString &message);

    HistorianOptions m_options;
    QStringList m_tagNames;
    ChunkBuffer &m_buffer;
    IngestQueue &m_queue;
    HistoryRejects &m_rejects;
    const Clock &m_clock;
    EventLog *m_events;
    std::unique_ptr<HistoryConnection> m_connection;
    std::unique_ptr<HistoryStore> m_store;
    std::unique_ptr<HistoryPurger> m_purger;
    QTimer m_flushTimer;
    QTimer m_purgeTimer;
    QElapsedTimer m_sinceFlush;
    QElapsedTimer m_sinceRetry;
    QElapsedTimer m_sinceLateLog;
    quint64 m_lateLogged = 0;
    qint64 m_clockHigh = std::numeric_limits<qint64>::min(); // the newest clock reading
    HistorianState m_state = HistorianState::Starting;
    QString m_reason;
    qint64 m_seq = 1;
    qint64 m_idReserve = 0;
    quint64 m_droppedAtDegrade = 0;
    bool m_opened = false;
};

} // namespace vigil
