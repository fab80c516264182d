#include "historyreader.h"

#include "chunkdecoder.h"
#include "chunkencoder.h"
#include "historytailsource.h"
#include "journalrecord.h"

#include <map>

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <limits>

namespace vigil
{

namespace
{

constexpr qint64 kMin = std::numeric_limits<qint64>::min();

double realOrNan(const QVariant &v)
{
    return v.isNull() ? std::numeric_limits<double>::quiet_NaN() : v.toDouble();
}

qint64 alignUp(qint64 t, qint64 w)
{
    const qint64 down = RollupBuilder::floorTo(t, w);
    return down == t ? t : down + w;
}

// Keeps a read transaction open for the lifetime of a query (one consistent SQLite snapshot).
class ReadTransaction
{
public:
    explicit ReadTransaction(QSqlDatabase &db)
        : m_db(db)
        , m_active(db.driverName() == u"QSQLITE" && db.transaction())
    {
    }
    ~ReadTransaction()
    {
        if (m_active)
            m_db.commit();
    }

private:
    QSqlDatabase &m_db;
    bool m_active;
};

} // namespace

HistoryReader::HistoryReader(QSqlDatabase db, const HistoryTailSource *tail)
    : m_db(std::move(db))
    , m_tail(tail)
{
}

bool HistoryReader::fail(const QString &message)
{
    m_error = message;
    return false;
}

std::optional<qint32> HistoryReader::tagKey(const QString &name)
{
    const auto it = m_keys.constFind(name);
    if (it != m_keys.constEnd())
        return *it;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT id FROM tag WHERE name = ?"));
    q.bindValue(0, name);
    if (!q.exec()) {
        m_error = q.lastError().text();
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    const qint32 key = q.value(0).toInt();
    m_keys.insert(name, key);
    return key;
}

QList<ChunkBuffer::TailChunk> HistoryReader::tailOf(const QString &tag) const
{
    // Taken before the read transaction starts, so that a chunk committed meanwhile is in one
    // of the two. Without a tail source, journalTail() is read inside the transaction.
    return m_tail ? m_tail->tail(tag) : QList<ChunkBuffer::TailChunk>();
}

QList<ChunkBuffer::TailChunk> HistoryReader::uncommitted(const QString &tag, qint32 key)
{
    return m_tail ? m_tail->tail(tag) : journalTail(key);
}

QList<ChunkBuffer::TailChunk> HistoryReader::journalTail(qint32 key)
{
    std::map<std::pair<qint64, qint64>, HistorySamples> open; // (first time, id)
    std::map<qint64, HistorySamples> byId;
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT data FROM journal ORDER BY writer, seq")))
        return {};
    std::vector<JournalRecord::Entry> entries;
    while (q.next()) {
        entries.clear();
        if (!JournalRecord::decode(q.value(0).toByteArray(), entries, nullptr))
            continue;
        for (const JournalRecord::Entry &e : entries) {
            if (e.tag != key)
                continue;
            HistorySamples &samples = byId[e.chunkId];
            if (e.snapshot)
                samples.clear();
            ChunkDecoder::decodeAll(e.chunk, samples);
        }
    }
    QList<ChunkBuffer::TailChunk> out;
    for (auto &[id, samples] : byId) {
        QSqlQuery exists(m_db);
        exists.prepare(QStringLiteral("SELECT 1 FROM chunk WHERE id = ?"));
        exists.bindValue(0, id);
        if (samples.isEmpty() || !exists.exec() || exists.next())
            continue; // sealed and stored since: the stored chunk is complete
        open[{samples.first().time, id}] = std::move(samples);
    }
    for (auto &[order, samples] : open) {
        ChunkEncoder encoder(ValueEncoding(ValueEncoding::Mode::Integer)); // widens as needed
        for (const HistorySample &s : samples)
            encoder.append(s.time, s.value, s.quality);
        out.append({order.second, encoder.serialize()});
    }
    return out;
}

bool HistoryReader::visitSamples(qint32 key, const QList<ChunkBuffer::TailChunk> &tail, qint64 from,
                                 qint64 to, const std::function<void(const HistorySample &)> &visit)
{
    if (from >= to)
        return true;
    QSet<qint64> tailIds;
    for (const ChunkBuffer::TailChunk &c : tail)
        tailIds.insert(c.id);
    auto decode = [&](const QByteArray &blob) {
        ChunkDecoder decoder(blob);
        HistorySample s;
        while (decoder.next(s)) {
            if (s.time >= to)
                break;
            if (s.time >= from)
                visit(s);
        }
        return decoder.isValid() ? true : fail(QStringLiteral("corrupt chunk: ") + decoder.error());
    };
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, data FROM chunk WHERE tag = ? AND start_time < ? AND "
                             "start_time >= ? AND end_time >= ? ORDER BY start_time, id"));
    q.bindValue(0, key);
    q.bindValue(1, to);
    q.bindValue(2, from > kMin + ChunkBuffer::kMaxChunkSpanMs ? from - ChunkBuffer::kMaxChunkSpanMs
                                                              : kMin);
    q.bindValue(3, from);
    if (!q.exec())
        return fail(q.lastError().text());
    while (q.next()) {
        if (tailIds.contains(q.value(0).toLongLong()))
            continue; // committed after the tail was taken: the tail has it
        if (!decode(q.value(1).toByteArray()))
            return false;
    }
    for (const ChunkBuffer::TailChunk &c : tail) {
        if (!decode(c.data))
            return false;
    }
    return true;
}

bool HistoryReader::raw(const QString &tag, qint64 from, qint64 to, HistorySamples &out)
{
    out.clear();
    const std::optional<qint32> key = tagKey(tag);
    if (!key)
        return m_error.isEmpty();
    QList<ChunkBuffer::TailChunk> tail = tailOf(tag);
    ReadTransaction snapshot(m_db);
    if (!m_tail)
        tail = journalTail(*key);
    const qint64 end = to == std::numeric_limits<qint64>::max() ? to : to + 1;
    return visitSamples(*key, tail, from, end, [&](const HistorySample &s) { out.append(s); });
}

bool HistoryReader::valueAt(const QString &tag, qint64 time, std::optional<HistorySample> &out)
{
    out.reset();
    const std::optional<qint32> key = tagKey(tag);
    if (!key)
        return m_error.isEmpty();
    QList<ChunkBuffer::TailChunk> tail = tailOf(tag);
    ReadTransaction snapshot(m_db);
    if (!m_tail)
        tail = journalTail(*key);
    return valueAt(*key, tail, time, out);
}

bool HistoryReader::valueAt(qint32 key, const QList<ChunkBuffer::TailChunk> &tail, qint64 time,
                            std::optional<HistorySample> &out)
{
    auto lastAtOrBefore = [&](const QByteArray &blob) {
        ChunkDecoder decoder(blob);
        HistorySample s;
        while (decoder.next(s)) {
            if (s.time > time)
                break;
            out = s;
        }
        return decoder.isValid() ? true : fail(QStringLiteral("corrupt chunk: ") + decoder.error());
    };
    QSet<qint64> tailIds;
    for (qsizetype i = tail.size() - 1; i >= 0; --i) {
        tailIds.insert(tail[i].id);
        if (ChunkDecoder(tail[i].data).firstTime() <= time)
            return lastAtOrBefore(tail[i].data);
    }
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, data FROM chunk WHERE tag = ? AND start_time <= ? ORDER "
                             "BY start_time DESC, id DESC LIMIT 4"));
    q.bindValue(0, key);
    q.bindValue(1, time);
    if (!q.exec())
        return fail(q.lastError().text());
    while (q.next()) {
        if (!tailIds.contains(q.value(0).toLongLong()))
            return lastAtOrBefore(q.value(1).toByteArray());
    }
    return true;
}

bool HistoryReader::visitRollups(qint32 key, RollupBuilder::Level level, qint64 from, qint64 to,
                                 const std::function<void(const RollupBucket &)> &visit)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT bucket, n, n_bad, v_min, v_max, v_sum, v_first, v_last, "
                             "last_quality FROM rollup WHERE tag = ? AND level = ? AND bucket >= ? "
                             "AND bucket < ? ORDER BY bucket"));
    q.bindValue(0, key);
    q.bindValue(1, int(level));
    q.bindValue(2, from);
    q.bindValue(3, to);
    if (!q.exec())
        return fail(q.lastError().text());
    RollupBucket b;
    while (q.next()) {
        b.start = q.value(0).toLongLong();
        b.count = q.value(1).toUInt();
        b.badCount = q.value(2).toUInt();
        b.min = realOrNan(q.value(3));
        b.max = realOrNan(q.value(4));
        b.sum = q.value(5).toDouble();
        b.first = realOrNan(q.value(6));
        b.last = realOrNan(q.value(7));
        b.lastQuality = Quality(q.value(8).toInt());
        visit(b);
    }
    return true;
}

bool HistoryReader::rolledUntil(qint32 key, RollupBuilder::Level level, qint64 &until)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT max(bucket) FROM rollup WHERE tag = ? AND level = ?"));
    q.bindValue(0, key);
    q.bindValue(1, int(level));
    if (!q.exec() || !q.next())
        return fail(q.lastError().text());
    until = q.value(0).isNull() ? kMin : q.value(0).toLongLong() + RollupBuilder::widthMs(level);
    return true;
}

bool HistoryReader::lastTime(qint32 key, qint64 &time)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT max(end_time) FROM chunk WHERE tag = ?"));
    q.bindValue(0, key);
    if (!q.exec() || !q.next())
        return fail(q.lastError().text());
    time = q.value(0).isNull() ? kMin : q.value(0).toLongLong();
    return true;
}

bool HistoryReader::buckets(const QString &tag, qint64 from, qint64 to, int count,
                            BucketSeries &out)
{
    out = BucketSeries();
    count = std::max(1, count);
    to = std::max(to, from + count);
    out.from = from;
    out.to = to;
    out.width = (to - from + count - 1) / count;
    out.buckets.resize(count);
    for (int i = 0; i < count; ++i)
        out.buckets[i].start = out.bucketStart(i);
    const std::optional<qint32> key = tagKey(tag);
    if (!key)
        return m_error.isEmpty();
    QList<ChunkBuffer::TailChunk> tail = tailOf(tag);
    // The coarsest level that still gives about two hour rows or one 10-minute row per bucket
    // (a row counts in the bucket it starts in: a bucket's edges are off by at most one 10-minute
    // row, under half a pixel at two buckets per pixel); narrower buckets read the samples.
    int level = 0;
    if (out.width >= 2 * RollupBuilder::kHourMs)
        level = RollupBuilder::Hour;
    else if (out.width >= RollupBuilder::kFineMs)
        level = RollupBuilder::Fine;
    out.source = BucketSeries::Source(level);
    ReadTransaction snapshot(m_db);
    if (!m_tail)
        tail = journalTail(*key);
    if (!valueAt(*key, tail, from - 1, out.before))
        return false;
    return aggregate(*key, tail, level, from, to, out);
}

bool HistoryReader::aggregate(qint32 key, const QList<ChunkBuffer::TailChunk> &tail, int level,
                              qint64 a, qint64 b, BucketSeries &out)
{
    if (a >= b)
        return true;
    auto indexOf = [&](qint64 t) {
        return qsizetype(std::min<qint64>((t - out.from) / out.width, out.buckets.size() - 1));
    };
    if (level == 0) {
        return visitSamples(key, tail, a, b, [&](const HistorySample &s) {
            out.buckets[indexOf(s.time)].add(s.value, s.quality);
        });
    }
    const auto lvl = RollupBuilder::Level(level);
    const qint64 w = RollupBuilder::widthMs(lvl);
    qint64 until = kMin;
    if (!rolledUntil(key, lvl, until))
        return false;
    const qint64 lo = alignUp(a, w);
    const qint64 hi = std::min(RollupBuilder::floorTo(b, w), until);
    if (lo >= hi)
        return aggregate(key, tail, level - 1, a, b, out);
    return aggregate(key, tail, level - 1, a, lo, out) &&
           visitRollups(key, lvl, lo, hi,
                        [&](const RollupBucket &r) { out.buckets[indexOf(r.start)].merge(r); }) &&
           aggregate(key, tail, level - 1, hi, b, out);
}

bool HistoryReader::chunkPage(qint32 key, qint64 afterStart, qint64 afterId, qint64 to, int limit,
                              QList<StoredChunk> &out)
{
    out.clear();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, start_time, data FROM chunk WHERE tag = ? AND "
                             "start_time <= ? AND (start_time > ? OR (start_time = ? AND id > ?)) "
                             "ORDER BY start_time, id LIMIT ?"));
    q.bindValue(0, key);
    q.bindValue(1, to);
    q.bindValue(2, afterStart);
    q.bindValue(3, afterStart);
    q.bindValue(4, afterId);
    q.bindValue(5, limit);
    if (!q.exec())
        return fail(q.lastError().text());
    while (q.next())
        out.append({q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toByteArray()});
    return true;
}

bool HistoryReader::textPage(qint32 key, qint64 from, qint64 to, qint64 offset, int limit,
                             QList<TextSample> &out)
{
    out.clear();
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT time, quality, text FROM text_sample WHERE tag = ? AND time "
                             ">= ? AND time <= ? ORDER BY time LIMIT ? OFFSET ?"));
    q.bindValue(0, key);
    q.bindValue(1, from);
    q.bindValue(2, to);
    q.bindValue(3, limit);
    q.bindValue(4, offset);
    if (!q.exec())
        return fail(q.lastError().text());
    while (q.next())
        out.append({q.value(0).toLongLong(), Quality(q.value(1).toInt()), q.value(2).toString()});
    return true;
}

} // namespace vigil
