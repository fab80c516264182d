#pragma once

#include "bucketseries.h"
#include "chunkbuffer.h"
#include "historysample.h"
#include "rollupbuilder.h"

#include <QHash>
#include <QSet>
#include <QSqlDatabase>
#include <QString>

#include <functional>
#include <optional>

namespace vigil
{

class HistoryTailSource;

// Queries on one connection (use it on that connection's thread): raw ranges, the value at a
// time, and decimated buckets that read minute or hour rollups for long ranges and raw chunks
// only at the edges. Samples not in stored chunks yet come from the tail source (the historian
// of this process), or else from the writers' journals in the database.
class HistoryReader
{
public:
    HistoryReader(QSqlDatabase db, const HistoryTailSource *tail = nullptr);

    QString lastError() const { return m_error; }

    // Key of a tag in the database; nullopt if it never had history (not an error).
    std::optional<qint32> tagKey(const QString &name);

    // Samples with from <= time <= to, oldest first.
    bool raw(const QString &tag, qint64 from, qint64 to, HistorySamples &out);
    // The last sample at or before `time`.
    bool valueAt(const QString &tag, qint64 time, std::optional<HistorySample> &out);
    // `count` buckets over [from, to).
    bool buckets(const QString &tag, qint64 from, qint64 to, int count, BucketSeries &out);

    // What is not in stored chunks yet: the tail source's chunks, or the journal's.
    QList<ChunkBuffer::TailChunk> uncommitted(const QString &tag, qint32 key);

    // Building blocks, by tag key (also used by the writer's recovery, without a tail).
    // Visits samples with from <= time < to in time order.
    bool visitSamples(qint32 key, const QList<ChunkBuffer::TailChunk> &tail, qint64 from, qint64 to,
                      const std::function<void(const HistorySample &)> &visit);
    bool visitRollups(qint32 key, RollupBuilder::Level level, qint64 from, qint64 to,
                      const std::function<void(const RollupBucket &)> &visit);
    // End of the last stored rollup bucket of a level (min() if none).
    bool rolledUntil(qint32 key, RollupBuilder::Level level, qint64 &until);
    // Newest stored sample time of a tag (min() if none).
    bool lastTime(qint32 key, qint64 &time);

    // Chunks of a tag starting at or after (start, id), ordered, at most `limit` (keyset paging
    // for streaming exports).
    struct StoredChunk {
        qint64 id;
        qint64 start;
        QByteArray data;
    };
    bool chunkPage(qint32 key, qint64 afterStart, qint64 afterId, qint64 to, int limit,
                   QList<StoredChunk> &out);
    struct TextSample {
        qint64 time;
        Quality quality;
        QString text;
    };
    bool textPage(qint32 key, qint64 from, qint64 to, qint64 offset, int limit,
                  QList<TextSample> &out);

private:
    bool aggregate(qint32 key, const QList<ChunkBuffer::TailChunk> &tail, int level, qint64 a,
                   qint64 b, BucketSeries &out);
    bool valueAt(qint32 key, const QList<ChunkBuffer::TailChunk> &tail, qint64 time,
                 std::optional<HistorySample> &out);
    QList<ChunkBuffer::TailChunk> tailOf(const QString &tag) const;
    // Without a tail source (another process): the open chunks as the journal has them.
    QList<ChunkBuffer::TailChunk> journalTail(qint32 key);
    bool fail(const QString &message);

    QSqlDatabase m_db;
    const HistoryTailSource *m_tail;
    QHash<QString, qint32> m_keys;
    QString m_error;
};

} // namespace vigil
