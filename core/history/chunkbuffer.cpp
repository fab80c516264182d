#include "chunkbuffer.h"

#include "historylog.h"
#include "journalrecord.h"

#include <QMutexLocker>

#include <utility>

namespace vigil
{

ChunkBuffer::ChunkBuffer(std::vector<Slot> tagSlots, Limits limits)
    : m_limits(limits)
{
    m_tags.resize(tagSlots.size());
    for (size_t i = 0; i < tagSlots.size(); ++i) {
        m_tags[i].slot = tagSlots[i];
        m_tags[i].open.reset(tagSlots[i].encoding);
        m_tags[i].delta.reset(tagSlots[i].encoding);
    }
}

ChunkBuffer::Slot ChunkBuffer::slot(quint32 tag) const
{
    QMutexLocker lock(&m_mutex);
    return m_tags[tag].slot;
}

void ChunkBuffer::setKey(quint32 tag, qint32 key)
{
    QMutexLocker lock(&m_mutex);
    m_tags[tag].slot.key = key;
}

void ChunkBuffer::append(const ChangeSet &changes)
{
    QMutexLocker lock(&m_mutex);
    for (const TagChange &c : changes) {
        if (c.tag >= m_tags.size())
            continue;
        TagState &t = m_tags[c.tag];
        if (t.slot.text) {
            if (refuseLate(c.tag, c.sourceTime))
                continue;
            t.lastTime = c.sourceTime;
            m_texts.push_back({t.slot.key, c.sourceTime, c.quality, c.text});
            ++m_appended;
            continue;
        }
        appendLocked(c.tag, c.sourceTime, c.value, c.quality);
    }
}

void ChunkBuffer::append(quint32 tag, qint64 time, double value, Quality quality)
{
    QMutexLocker lock(&m_mutex);
    if (tag < m_tags.size() && !m_tags[tag].slot.text)
        appendLocked(tag, time, value, quality);
}

void ChunkBuffer::appendLocked(quint32 tag, qint64 time, double value, Quality quality)
{
    if (refuseLate(tag, time))
        return;
    TagState &t = m_tags[tag];
    if (!t.open.isEmpty() && (t.open.estimatedBytes() >= m_limits.chunkBytes ||
                              time - t.open.firstTime() >= m_limits.chunkSpanMs))
        seal(t);
    if (t.open.isEmpty())
        t.openId = takeId();
    // Both widen their encoding when a value needs it (each chunk says how it is encoded).
    t.open.append(time, value, quality);
    t.delta.append(time, value, quality);
    if (!t.dirty) {
        t.dirty = true;
        m_dirty.push_back(tag);
    }
    m_completed.clear();
    t.rollups.add(time, value, quality, m_completed);
    for (const RollupBuilder::Completed &c : m_completed)
        m_rollups.push_back({t.slot.key, quint8(c.level), c.bucket});
    t.lastTime = time;
    t.lastValue = value;
    t.lastQuality = quality;
    t.hasLast = true;
    ++m_appended;
}

bool ChunkBuffer::refuseLate(quint32 tag, qint64 time)
{
    const qint64 lastTime = m_tags[tag].lastTime;
    if (time >= lastTime)
        return false;
    ++m_late;
    m_lastLate = Late{tag, time, lastTime};
    return true;
}

void ChunkBuffer::seal(TagState &t)
{
    if (t.open.isEmpty())
        return;
    m_sealed.push_back({quint32(&t - m_tags.data()), t.slot.key, t.openId, t.open.firstTime(),
                        t.open.lastTime(), t.open.count(), t.open.serialize()});
    ++t.sealedPending;
    t.period = t.open.suggestedPeriod();
    t.open.reset(t.slot.encoding, t.period);
    // The sealed chunk is committed with the next flush: its journal delta is not needed.
    t.delta.reset(t.slot.encoding, t.period);
    t.journalSince = -1;
}

void ChunkBuffer::heartbeat(qint64 now)
{
    QMutexLocker lock(&m_mutex);
    for (quint32 i = 0; i < m_tags.size(); ++i) {
        TagState &t = m_tags[i];
        if (!t.hasLast || t.slot.heartbeatMs <= 0 || t.slot.text)
            continue;
        const qint64 due = now - t.lastTime;
        if (due < t.slot.heartbeatMs)
            continue;
        const qint64 time = t.lastTime + due / t.slot.heartbeatMs * t.slot.heartbeatMs;
        appendLocked(i, time, t.lastValue, t.lastQuality);
    }
}

void ChunkBuffer::sealAll()
{
    QMutexLocker lock(&m_mutex);
    for (TagState &t : m_tags)
        seal(t);
}

void ChunkBuffer::restore(quint32 tag, qint64 lastTime, const RollupBuilder &rollups)
{
    QMutexLocker lock(&m_mutex);
    TagState &t = m_tags[tag];
    t.lastTime = lastTime;
    t.rollups = rollups;
}

void ChunkBuffer::rewind(qint64 now)
{
    QMutexLocker lock(&m_mutex);
    for (TagState &t : m_tags) {
        if (t.lastTime <= now)
            continue;
        t.lastTime = now;
        t.hasLast = false; // no heartbeat repeats a value of the old timeline
    }
}

void ChunkBuffer::addIds(qint64 first, qint64 end)
{
    QMutexLocker lock(&m_mutex);
    m_nextId = std::max(m_nextId, first);
    m_idEnd = end;
}

qint64 ChunkBuffer::idsLeft() const
{
    QMutexLocker lock(&m_mutex);
    return m_idEnd - m_nextId;
}

qint64 ChunkBuffer::nextId() const
{
    QMutexLocker lock(&m_mutex);
    return m_nextId;
}

qint64 ChunkBuffer::takeId()
{
    if (m_nextId == m_idEnd)
        qCWarning(lcHistory) << "chunk ids used up before the next flush: overdrawing";
    return m_nextId++;
}

ChunkBuffer::FlushBatch ChunkBuffer::prepareFlush(qint64 seq)
{
    QMutexLocker lock(&m_mutex);
    FlushBatch batch;
    batch.seq = seq;
    JournalRecord journal;
    for (quint32 tag : m_dirty) {
        TagState &t = m_tags[tag];
        if (t.delta.isEmpty())
            continue; // sealed since: the chunk itself is in this batch
        batch.deltaTags.push_back(tag);
        journal.add(t.slot.key, t.openId, false, t.delta.serialize());
    }
    // Open chunks journaled long ago are journaled whole again, so old rows can go.
    batch.watermark = seq;
    int snapshots = 0;
    for (quint32 i = 0; i < m_tags.size(); ++i) {
        TagState &t = m_tags[i];
        if (t.open.isEmpty())
            continue;
        qint64 since = t.journalSince >= 0 ? t.journalSince : seq;
        if (t.journalSince >= 0 && seq - t.journalSince >= m_limits.snapshotAfterFlushes &&
            snapshots < m_limits.maxSnapshotsPerFlush) {
            ++snapshots;
            batch.snapshotTags.push_back(i);
            journal.add(t.slot.key, t.openId, true, t.open.serialize());
            since = seq;
        }
        batch.watermark = std::min(batch.watermark, since);
    }
    if (!journal.isEmpty())
        batch.journal = journal.encoded();
    batch.sealed = m_sealed;
    batch.rollups = m_rollups;
    batch.texts = m_texts;
    return batch;
}

void ChunkBuffer::committed(const FlushBatch &batch)
{
    QMutexLocker lock(&m_mutex);
    // Nothing was appended between prepareFlush() and here (both run on the writer thread).
    for (quint32 tag : batch.deltaTags) {
        TagState &t = m_tags[tag];
        if (t.journalSince < 0)
            t.journalSince = batch.seq;
    }
    for (quint32 tag : batch.snapshotTags)
        m_tags[tag].journalSince = batch.seq;
    for (quint32 tag : m_dirty) {
        TagState &t = m_tags[tag];
        t.delta.reset(t.slot.encoding, t.period);
        t.dirty = false;
    }
    m_dirty.clear();
    for (const SealedChunk &c : m_sealed)
        m_tags[c.index].sealedPending = 0;
    m_sealed.clear();
    m_rollups.clear();
    m_texts.clear();
}

QList<ChunkBuffer::TailChunk> ChunkBuffer::tail(quint32 tag) const
{
    QMutexLocker lock(&m_mutex);
    QList<TailChunk> out;
    if (tag >= m_tags.size())
        return out;
    const TagState &t = m_tags[tag];
    if (t.sealedPending > 0) {
        for (const SealedChunk &c : m_sealed) {
            if (c.tag == t.slot.key)
                out.append({c.id, c.data});
        }
    }
    if (!t.open.isEmpty())
        out.append({t.openId, t.open.serialize()});
    return out;
}

quint64 ChunkBuffer::lateSamples() const
{
    QMutexLocker lock(&m_mutex);
    return m_late;
}

std::optional<ChunkBuffer::Late> ChunkBuffer::takeLastLate()
{
    QMutexLocker lock(&m_mutex);
    return std::exchange(m_lastLate, std::nullopt);
}

quint64 ChunkBuffer::appendedSamples() const
{
    QMutexLocker lock(&m_mutex);
    return m_appended;
}

} // namespace vigil
