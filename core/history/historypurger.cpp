#include "historypurger.h"

#include "historylog.h"
#include "historystore.h"

namespace vigil
{

HistoryPurger::HistoryPurger(HistoryStore &store, std::vector<TagRetention> tags, qint64 maxBytes,
                             int batch)
    : m_store(store)
    , m_tags(std::move(tags))
    , m_maxBytes(maxBytes)
    , m_batch(std::max(1, batch))
{
}

bool HistoryPurger::step(qint64 now, QString *error)
{
    int budget = m_batch;
    bool more = false;
    if (!m_tags.empty()) {
        if (!ageStep(now, budget, error))
            return false;
        more = m_cursor != 0; // stopped part way through the tags
    }
    if (m_maxBytes > 0 && budget > 0) {
        bool sizeMore = false;
        if (!sizeStep(sizeMore, error))
            return false;
        more = more || sizeMore;
    }
    return more;
}

bool HistoryPurger::ageStep(qint64 now, int &budget, QString *error)
{
    if (!m_store.begin(error))
        return false;
    while (budget > 0 && m_cursor < m_tags.size()) {
        const TagRetention &t = m_tags[m_cursor];
        const int limit = budget;
        int deleted = 0;
        if (!m_store.purgeTagBefore(t.key, now - t.retentionMs, limit, deleted, error)) {
            m_store.rollback();
            return false;
        }
        budget -= deleted;
        m_purged += quint64(deleted);
        if (deleted < limit) // nothing older left for this tag
            ++m_cursor;
    }
    if (m_cursor >= m_tags.size())
        m_cursor = 0;
    return m_store.commit(error);
}

bool HistoryPurger::sizeStep(bool &more, QString *error)
{
    qint64 used = 0;
    if (!m_store.usedBytes(used, error))
        return false;
    if (!m_shrinking && used <= m_maxBytes)
        return true;
    if (used <= m_maxBytes * 95 / 100) {
        m_shrinking = false;
        return true;
    }
    m_shrinking = true;
    if (!m_store.begin(error))
        return false;
    int deleted = 0;
    qint64 oldestLeft = 0;
    if (!m_store.purgeOldest(m_batch, used - m_maxBytes * 95 / 100, deleted, oldestLeft, error) ||
        !m_store.purgeFineRollupsBefore(oldestLeft, error) || !m_store.commit(error)) {
        m_store.rollback();
        return false;
    }
    m_purged += quint64(deleted);
    m_store.releaseSpace(4 * m_batch);
    qCInfo(lcHistory) << "size limit: purged" << deleted << "oldest chunks," << used
                      << "bytes in use";
    more = deleted > 0;
    if (!more)
        m_shrinking = false;
    return true;
}

} // namespace vigil
