#pragma once

#include <QString>

namespace vigil
{

class ChunkBuffer;
class HistoryReader;
class HistoryStore;

// Start-up work of the writer: turns the journal (chunks that were open at a crash) back into
// stored chunks, and rebuilds each tag's unfinished rollups from stored data so that rollups
// continue where they stopped.
class HistoryRecovery
{
public:
    HistoryRecovery(HistoryStore &store, HistoryReader &reader, ChunkBuffer &buffer)
        : m_store(store)
        , m_reader(reader)
        , m_buffer(buffer)
    {
    }

    // Returns false with an error if the database failed; counts what was recovered.
    bool replayJournal(QString *error);
    bool catchUpRollups(QString *error);

    int recoveredChunks() const { return m_chunks; }
    qint64 recoveredSamples() const { return m_samples; }

private:
    HistoryStore &m_store;
    HistoryReader &m_reader;
    ChunkBuffer &m_buffer;
    int m_chunks = 0;
    qint64 m_samples = 0;
};

} // namespace vigil
