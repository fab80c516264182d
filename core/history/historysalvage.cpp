#include "historysalvage.h"

#include "historystore.h"

#include <QStringList>

#include <map>

namespace vigil
{

bool HistorySalvage::row(const QString &table, qint32 tag, int samples,
                         const std::function<bool(QString *)> &statement, QString *error)
{
    if (!m_store.savepoint(error))
        return false;
    QString rowError;
    if (statement(&rowError))
        return m_store.releaseSavepoint(error);
    if (!m_store.lastErrorIsRowError()) {
        if (error)
            *error = rowError;
        return false;
    }
    m_rejected.push_back({table, tag, samples, rowError});
    return m_store.rollbackToSavepoint(error) && m_store.releaseSavepoint(error);
}

bool HistorySalvage::write(const ChunkBuffer::FlushBatch &batch, qint64 reserveFloor,
                           qint64 reserveCount, qint64 *reservedFirst, qint64 *reservedEnd,
                           QString *error)
{
    m_rejected.clear();
    if (!m_store.begin(error))
        return false;
    bool ok =
        batch.journal.isEmpty() ||
        row(
            QStringLiteral("journal"), -1, 0,
            [&](QString *e) { return m_store.insertJournal(batch.seq, batch.journal, e); }, error);
    for (auto c = batch.sealed.begin(); ok && c != batch.sealed.end(); ++c)
        ok = row(
            QStringLiteral("chunk"), c->tag, c->count,
            [&](QString *e) { return m_store.insertChunk(*c, e); }, error);
    for (auto r = batch.rollups.begin(); ok && r != batch.rollups.end(); ++r)
        ok = row(
            QStringLiteral("rollup"), r->tag, 0,
            [&](QString *e) { return m_store.upsertRollup(*r, e); }, error);
    for (auto t = batch.texts.begin(); ok && t != batch.texts.end(); ++t)
        ok = row(
            QStringLiteral("text_sample"), t->tag, 0,
            [&](QString *e) { return m_store.insertText(*t, e); }, error);
    // Deleting old journal rows and reserving chunk ids write no row of this batch: any
    // failure there fails the batch.
    ok = ok && m_store.deleteJournalBefore(batch.watermark, error);
    ok = ok && (reserveCount == 0 || m_store.reserveChunkIds(reserveFloor, reserveCount,
                                                             *reservedFirst, *reservedEnd, error));
    if (!ok || !m_store.commit(error)) {
        m_store.rollback();
        m_rejected.clear();
        return false;
    }
    return true;
}

quint64 HistorySalvage::rejectedSamples() const
{
    quint64 samples = 0;
    for (const Rejected &r : m_rejected)
        samples += quint64(r.samples);
    return samples;
}

QString HistorySalvage::summary(const std::function<QString(qint32)> &tagName) const
{
    if (m_rejected.empty())
        return QString();
    std::map<QString, int> rows;
    for (const Rejected &r : m_rejected)
        ++rows[r.table];
    QStringList parts;
    for (const auto &[table, count] : rows)
        parts.append(QStringLiteral("%1 %2 row%3")
                         .arg(count)
                         .arg(table, count == 1 ? QString() : QStringLiteral("s")));
    const Rejected &first = m_rejected.front();
    const QString where = first.tag < 0
                              ? first.table
                              : QStringLiteral("%1 of tag %2").arg(first.table, tagName(first.tag));
    return QStringLiteral("the history database refused %1 (%2 samples lost); they were dropped "
                          "and the rest was stored; first: %3: %4")
        .arg(parts.join(QStringLiteral(", ")))
        .arg(rejectedSamples())
        .arg(where, first.error);
}

} // namespace vigil
