#pragma once

#include <QString>

#include <vector>

namespace vigil
{

class HistoryStore;

// Retention in small steps on the writer thread, between flushes, so that purging never holds
// the database for long: by age per tag (its group's retention) and by total size (the oldest
// chunks first, down to 95 % of the limit).
class HistoryPurger
{
public:
    struct TagRetention {
        qint32 key;
        qint64 retentionMs; // > 0
    };

    HistoryPurger(HistoryStore &store, std::vector<TagRetention> tags, qint64 maxBytes, int batch);

    // Deletes at most about one batch of chunks; returns true if more work remains.
    bool step(qint64 now, QString *error);
    bool hasWork() const { return !m_tags.empty() || m_maxBytes > 0; }
    quint64 purgedChunks() const { return m_purged; }

private:
    bool ageStep(qint64 now, int &budget, QString *error);
    bool sizeStep(bool &more, QString *error);

    HistoryStore &m_store;
    std::vector<TagRetention> m_tags;
    qint64 m_maxBytes;
    int m_batch;
    size_t m_cursor = 0;
    bool m_shrinking = false;
    quint64 m_purged = 0;
};

} // namespace vigil
