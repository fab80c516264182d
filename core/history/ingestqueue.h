#pragma once

#include "tags/tagchange.h"

#include <QMutex>

#include <deque>

namespace vigil
{

// Change sets on their way to the historian's writer thread. Bounded in samples: when the writer
// cannot keep up or the database is unavailable, the oldest samples are dropped and counted.
// push() is cheap and may be called from any thread.
class IngestQueue
{
public:
    explicit IngestQueue(qint64 capacitySamples);

    // Returns true when the consumer must be woken (nothing was pending a wake-up).
    bool push(const ChangeSet &changes);
    // Everything queued, oldest first; re-arms the wake-up.
    std::deque<ChangeSet> takeAll();

    qint64 capacity() const { return m_capacity; }
    qint64 queuedSamples() const;
    quint64 receivedSamples() const;
    quint64 droppedSamples() const;

private:
    const qint64 m_capacity;
    mutable QMutex m_mutex;
    std::deque<ChangeSet> m_batches;
    qint64 m_queued = 0;
    quint64 m_received = 0;
    quint64 m_dropped = 0;
    bool m_wakePending = false;
};

} // namespace vigil
