#include "ingestqueue.h"

#include <QMutexLocker>

namespace vigil
{

IngestQueue::IngestQueue(qint64 capacitySamples)
    : m_capacity(std::max<qint64>(1, capacitySamples))
{
}

bool IngestQueue::push(const ChangeSet &changes)
{
    if (changes.isEmpty())
        return false;
    QMutexLocker lock(&m_mutex);
    m_received += quint64(changes.size());
    ChangeSet incoming = changes;
    if (incoming.size() > m_capacity) {
        const qsizetype excess = incoming.size() - m_capacity;
        m_dropped += quint64(excess);
        incoming.remove(0, excess);
    }
    while (!m_batches.empty() && m_queued + incoming.size() > m_capacity) {
        const qint64 need = m_queued + incoming.size() - m_capacity;
        ChangeSet &oldest = m_batches.front();
        if (oldest.size() <= need) {
            m_queued -= oldest.size();
            m_dropped += quint64(oldest.size());
            m_batches.pop_front();
        } else {
            oldest.remove(0, need);
            m_queued -= need;
            m_dropped += quint64(need);
        }
    }
    m_queued += incoming.size();
    m_batches.push_back(std::move(incoming));
    const bool wake = !m_wakePending;
    m_wakePending = true;
    return wake;
}

std::deque<ChangeSet> IngestQueue::takeAll()
{
    QMutexLocker lock(&m_mutex);
    std::deque<ChangeSet> out;
    out.swap(m_batches);
    m_queued = 0;
    m_wakePending = false;
    return out;
}

qint64 IngestQueue::queuedSamples() const
{
    QMutexLocker lock(&m_mutex);
    return m_queued;
}

quint64 IngestQueue::receivedSamples() const
{
    QMutexLocker lock(&m_mutex);
    return m_received;
}

quint64 IngestQueue::droppedSamples() const
{
    QMutexLocker lock(&m_mutex);
    return m_dropped;
}

} // namespace vigil
