#pragma once

#include "chunkbuffer.h"
#include "chunkdecoder.h"
#include "historyreader.h"

#include <QList>

#include <optional>

namespace vigil
{

// Streams one numeric tag's samples in [from, to] in time order with constant memory: stored
// chunks are fetched a few at a time (keyset paging), then the uncommitted tail. For exports of
// any length.
class HistoryCursor
{
public:
    HistoryCursor(HistoryReader &reader, qint32 key, QList<ChunkBuffer::TailChunk> tail,
                  qint64 from, qint64 to);

    // The next sample, or false at the end or on an error (see error()).
    bool next(HistorySample &sample);
    QString error() const { return m_error; }

private:
    bool nextChunk();

    HistoryReader &m_reader;
    qint32 m_key;
    QList<ChunkBuffer::TailChunk> m_tail;
    qint64 m_from;
    qint64 m_to;
    QList<HistoryReader::StoredChunk> m_page;
    qsizetype m_pageIndex = 0;
    qint64 m_lastStart;
    qint64 m_lastId = -1;
    bool m_storedDone = false;
    qsizetype m_tailIndex = 0;
    std::optional<ChunkDecoder> m_decoder;
    QString m_error;
};

} // namespace vigil
