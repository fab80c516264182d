#include "historycursor.h"

#include <limits>

namespace vigil
{

namespace
{
constexpr int kPageChunks = 8;
}

HistoryCursor::HistoryCursor(HistoryReader &reader, qint32 key, QList<ChunkBuffer::TailChunk> tail,
                             qint64 from, qint64 to)
    : m_reader(reader)
    , m_key(key)
    , m_tail(std::move(tail))
    , m_from(from)
    , m_to(to)
    , m_lastStart(from > std::numeric_limits<qint64>::min() + ChunkBuffer::kMaxChunkSpanMs
                      ? from - ChunkBuffer::kMaxChunkSpanMs
                      : std::numeric_limits<qint64>::min())
{
}

bool HistoryCursor::nextChunk()
{
    m_decoder.reset();
    while (!m_storedDone) {
        if (m_pageIndex >= m_page.size()) {
            if (!m_reader.chunkPage(m_key, m_lastStart, m_lastId, m_to, kPageChunks, m_page)) {
                m_error = m_reader.lastError();
                return false;
            }
            m_pageIndex = 0;
            if (m_page.isEmpty()) {
                m_storedDone = true;
                break;
            }
        }
        const HistoryReader::StoredChunk &c = m_page[m_pageIndex++];
        m_lastStart = c.start;
        m_lastId = c.id;
        const bool inTail =
            std::any_of(m_tail.cbegin(), m_tail.cend(),
                        [&](const ChunkBuffer::TailChunk &t) { return t.id == c.id; });
        if (inTail)
            continue;
        m_decoder.emplace(c.data);
        return true;
    }
    if (m_tailIndex < m_tail.size()) {
        m_decoder.emplace(m_tail[m_tailIndex++].data);
        return true;
    }
    return false;
}

bool HistoryCursor::next(HistorySample &sample)
{
    while (true) {
        if (!m_decoder && !nextChunk())
            return false;
        if (m_decoder->next(sample)) {
            if (sample.time > m_to) {
                m_decoder.reset();
                m_storedDone = true;
                m_tailIndex = m_tail.size();
                return false;
            }
            if (sample.time >= m_from)
                return true;
            continue;
        }
        if (!m_decoder->isValid()) {
            m_error = QStringLiteral("corrupt chunk: ") + m_decoder->error();
            return false;
        }
        m_decoder.reset();
    }
}

} // namespace vigil
