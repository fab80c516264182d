#include "historyrecovery.h"

#include "chunkbuffer.h"
#include "chunkdecoder.h"
#include "historylog.h"
#include "historyreader.h"
#include "historystore.h"
#include "journalrecord.h"

#include <map>

namespace vigil
{

bool HistoryRecovery::replayJournal(QString *error)
{
    struct Open {
        qint32 tag = 0;
        HistorySamples samples;
    };
    std::map<qint64, Open> chunks; // by id: ids grow with time
    QString problem;
    bool ok = m_store.readJournal(
        [&](qint64 seq, const QByteArray &row) {
            std::vector<JournalRecord::Entry> entries;
            if (!JournalRecord::decode(row, entries, &problem)) {
                qCWarning(lcHistory) << "journal row" << seq << "is damaged:" << problem;
                return; // keep what the other rows give
            }
            for (JournalRecord::Entry &e : entries) {
                Open &open = chunks[e.chunkId];
                open.tag = e.tag;
                if (e.snapshot)
                    open.samples.clear();
                QString decodeError;
                if (!ChunkDecoder::decodeAll(e.chunk, open.samples, &decodeError))
                    qCWarning(lcHistory) << "journal chunk" << e.chunkId << ":" << decodeError;
            }
        },
        error);
    if (!ok)
        return false;
    if (chunks.empty())
        return true;

    if (!m_store.begin(error))
        return false;
    for (auto &[id, open] : chunks) {
        bool exists = false;
        if (!m_store.chunkExists(id, exists, error)) {
            m_store.rollback();
            return false;
        }
        if (exists || open.samples.isEmpty())
            continue; // sealed and committed after it was journaled
        ChunkEncoder encoder(ValueEncoding(ValueEncoding::Mode::Integer)); // widens as needed
        for (const HistorySample &s : open.samples)
            encoder.append(s.time, s.value, s.quality);
        const ChunkBuffer::SealedChunk sealed{0,
                                              open.tag,
                                              id,
                                              encoder.firstTime(),
                                              encoder.lastTime(),
                                              encoder.count(),
                                              encoder.serialize()};
        if (!m_store.insertChunk(sealed, error)) {
            m_store.rollback();
            return false;
        }
        ++m_chunks;
        m_samples += encoder.count();
    }
    if (!m_store.clearJournal(error) || !m_store.commit(error)) {
        m_store.rollback();
        return false;
    }
    qCInfo(lcHistory) << "recovered" << m_samples << "samples in" << m_chunks
                      << "chunks from the journal";
    return true;
}

bool HistoryRecovery::catchUpRollups(QString *error)
{
    ChunkBuffer::FlushBatch completed;
    std::vector<RollupBuilder::Completed> out;
    for (quint32 i = 0; i < m_buffer.size(); ++i) {
        const ChunkBuffer::Slot slot = m_buffer.slot(i);
        if (slot.key < 0 || slot.text)
            continue;
        qint64 last = 0, finesUntil = 0, hoursUntil = 0;
        if (!m_reader.lastTime(slot.key, last) ||
            !m_reader.rolledUntil(slot.key, RollupBuilder::Fine, finesUntil) ||
            !m_reader.rolledUntil(slot.key, RollupBuilder::Hour, hoursUntil)) {
            if (error)
                *error = m_reader.lastError();
            return false;
        }
        RollupBuilder builder;
        if (last != std::numeric_limits<qint64>::min()) {
            out.clear();
            bool ok = m_reader.visitRollups(
                slot.key, RollupBuilder::Fine, hoursUntil, finesUntil,
                [&](const RollupBucket &fine) { builder.addFine(fine, out); });
            ok = ok &&
                 m_reader.visitSamples(
                     slot.key, {}, finesUntil, std::numeric_limits<qint64>::max(),
                     [&](const HistorySample &s) { builder.add(s.time, s.value, s.quality, out); });
            if (!ok) {
                if (error)
                    *error = m_reader.lastError();
                return false;
            }
            for (const RollupBuilder::Completed &c : out)
                completed.rollups.push_back({slot.key, quint8(c.level), c.bucket});
        }
        m_buffer.restore(i, last, builder);
    }
    if (completed.rollups.empty())
        return true;
    completed.watermark = 0;
    qint64 unused1 = 0, unused2 = 0;
    return m_store.write(completed, 0, 0, &unused1, &unused2, error);
}

} // namespace vigil
