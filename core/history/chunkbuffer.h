#pragma once

#include "chunkencoder.h"
#include "rollupbuilder.h"
#include "tags/tagchange.h"
#include "valueencoding.h"

#include <QByteArray>
#include <QList>
#include <QMutex>

#include <optional>
#include <vector>

namespace vigil
{

// The historian's in-memory state on the writer thread: per tag the open chunk, the samples
// since the last flush (the journal delta) and the rollups being built; the chunks sealed and
// rollups completed since the last commit. Readers on other threads take tail() snapshots of
// what is not committed yet; every method locks.
class ChunkBuffer
{
public:
    struct Slot {
        qint32 key = -1; // tag key in the database
        ValueEncoding encoding;
        bool text = false;
        qint64 heartbeatMs = 0; // 0: no heartbeat
    };
    struct Limits {
        // One chunk and its row fill a 4 KiB page: SQLite keeps up to 4061 bytes of a row on its
        // page (page size - 35), the row's other columns take about 25, and a chunk is sealed
        // once it reaches this, so it ends up to one sample's bits (< 20 bytes) larger.
        std::size_t chunkBytes = 4000;
        qint64 chunkSpanMs = 6 * 3'600'000; // readers rely on this bound (kMaxChunkSpanMs)
        int snapshotAfterFlushes = 300;     // re-journal an open chunk after this many flushes
        int maxSnapshotsPerFlush = 2000;
    };
    struct SealedChunk {
        quint32 index; // tag index
        qint32 tag;
        qint64 id;
        qint64 start;
        qint64 end;
        int count;
        QByteArray data;
    };
    struct PendingRollup {
        qint32 tag;
        quint8 level;
        RollupBucket bucket;
    };
    struct PendingText {
        qint32 tag;
        qint64 time;
        Quality quality;
        QString text;
    };
    struct TailChunk {
        qint64 id;
        QByteArray data;
    };
    // What one flush writes, all in one transaction.
    struct FlushBatch {
        qint64 seq = 0;
        QByteArray journal;   // empty: no journal row
        qint64 watermark = 0; // journal rows below this seq are no longer needed
        std::vector<SealedChunk> sealed;
        std::vector<PendingRollup> rollups;
        std::vector<PendingText> texts;
        std::vector<quint32> deltaTags;
        std::vector<quint32> snapshotTags;
        bool isEmpty() const
        {
            return journal.isEmpty() && sealed.empty() && rollups.empty() && texts.empty();
        }
    };

    static constexpr qint64 kMaxChunkSpanMs = 6 * 3'600'000;

    ChunkBuffer(std::vector<Slot> tagSlots, Limits limits);

    quint32 size() const { return quint32(m_tags.size()); }
    Slot slot(quint32 tag) const;
    // The writer assigns database keys once it has opened the database.
    void setKey(quint32 tag, qint32 key);

    // A sample older than its tag's last one is refused and counted (lateSamples()): a chunk is
    // time-ordered and a sample is never re-stamped.
    void append(const ChangeSet &changes);
    void append(quint32 tag, qint64 time, double value, Quality quality);
    // Repeats each flat tag's last value when its heartbeat is due (aligned to the last time).
    void heartbeat(qint64 now);
    // Seals every open chunk (shutdown).
    void sealAll();
    // After a restart: the newest stored time (later samples must not go back before it) and
    // the rollups rebuilt from stored data.
    void restore(quint32 tag, qint64 lastTime, const RollupBuilder &rollups);
    // After the clock was set back and the history after `now` moved aside: no tag's last time
    // is after `now` any more (restore() then gives the numeric tags their stored times).
    void rewind(qint64 now);

    // Chunk ids: the writer reserves ranges in the database.
    void addIds(qint64 first, qint64 end);
    qint64 idsLeft() const;
    qint64 nextId() const;

    FlushBatch prepareFlush(qint64 seq);
    void committed(const FlushBatch &batch);

    // Not yet committed chunks of a tag (sealed ones, then the open one), oldest first.
    QList<TailChunk> tail(quint32 tag) const;

    quint64 lateSamples() const;
    quint64 appendedSamples() const;
    // The last late sample (for a rate-limited log line), if any since the last call.
    struct Late {
        quint32 tag;
        qint64 time;
        qint64 lastTime;
    };
    std::optional<Late> takeLastLate();

private:
    struct TagState {
        Slot slot;
        ChunkEncoder open;
        ChunkEncoder delta;
        RollupBuilder rollups;
        qint64 openId = 0;
        qint64 period = 0;        // time coding period of the open chunk
        qint64 journalSince = -1; // first journal seq holding the open chunk's samples
        qint64 lastTime = std::numeric_limits<qint64>::min();
        double lastValue = 0.0;
        Quality lastQuality = Quality::Good;
        bool hasLast = false; // received a sample in this session (heartbeat)
        bool dirty = false;
        int sealedPending = 0;
    };
    void appendLocked(quint32 tag, qint64 time, double value, Quality quality);
    bool refuseLate(quint32 tag, qint64 time);
    void seal(TagState &t);
    qint64 takeId();

    mutable QMutex m_mutex;
    std::vector<TagState> m_tags;
    Limits m_limits;
    std::vector<quint32> m_dirty;
    std::vector<SealedChunk> m_sealed;
    std::vector<PendingRollup> m_rollups;
    std::vector<PendingText> m_texts;
    std::vector<RollupBuilder::Completed> m_completed; // scratch
    qint64 m_nextId = 1; // reserved ids are [m_nextId, m_idEnd); beyond is an overdraft
    qint64 m_idEnd = 1;
    quint64 m_late = 0;
    std::optional<Late> m_lastLate;
    quint64 m_appended = 0;
};

} // namespace vigil
