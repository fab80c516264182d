#include "historystore.h"

#include "historyrowerror.h"

#include <QSqlError>
#include <QVariant>

#include <cmath>

namespace vigil
{

namespace
{

enum Statement {
    SelectTag,
    InsertTag,
    ReserveIds,
    InsertJournal,
    DeleteJournal,
    InsertChunk,
    InsertRollup,
    InsertText,
    ChunkExists,
    StatementCount
};

QVariant real(double v)
{
    return std::isfinite(v) ? QVariant(v) : QVariant(QMetaType(QMetaType::Double));
}

} // namespace

HistoryStore::HistoryStore(QSqlDatabase db, bool sqlite, QString writerId)
    : m_db(std::move(db))
    , m_sqlite(sqlite)
    , m_writerId(std::move(writerId))
{
    m_queries.resize(StatementCount);
}

QSqlQuery &HistoryStore::prepared(int which, const char *sql)
{
    std::unique_ptr<QSqlQuery> &q = m_queries[size_t(which)];
    if (!q) {
        q = std::make_unique<QSqlQuery>(m_db);
        q->prepare(QString::fromLatin1(sql));
    }
    return *q;
}

bool HistoryStore::lastErrorIsRowError() const
{
    return HistoryRowError::isRowError(m_lastError, m_sqlite);
}

bool HistoryStore::failed(const QSqlError &e, QString *error)
{
    m_lastError = e;
    if (error)
        *error = e.text();
    return false;
}

bool HistoryStore::exec(QSqlQuery &q, QString *error)
{
    if (q.exec())
        return true;
    failed(q.lastError(), error);
    q.finish();
    return false;
}

bool HistoryStore::execText(const char *sql, QString *error)
{
    // Not prepared: PostgreSQL cannot prepare savepoint statements.
    QSqlQuery q(m_db);
    if (q.exec(QString::fromLatin1(sql)))
        return true;
    return failed(q.lastError(), error);
}

bool HistoryStore::begin(QString *error)
{
    if (m_db.transaction())
        return true;
    return failed(m_db.lastError(), error);
}

bool HistoryStore::commit(QString *error)
{
    if (m_db.commit())
        return true;
    return failed(m_db.lastError(), error);
}

bool HistoryStore::savepoint(QString *error)
{
    return execText("SAVEPOINT history_row", error);
}

bool HistoryStore::releaseSavepoint(QString *error)
{
    return execText("RELEASE SAVEPOINT history_row", error);
}

bool HistoryStore::rollbackToSavepoint(QString *error)
{
    for (auto &q : m_queries) {
        if (q)
            q->finish();
    }
    return execText("ROLLBACK TO SAVEPOINT history_row", error);
}

void HistoryStore::rollback()
{
    for (auto &q : m_queries) {
        if (q)
            q->finish();
    }
    m_db.rollback();
}

bool HistoryStore::tagKeys(const QStringList &names, std::vector<qint32> &keys, QString *error)
{
    keys.assign(size_t(names.size()), -1);
    if (!begin(error))
        return false;
    QSqlQuery &select = prepared(SelectTag, "SELECT id FROM tag WHERE name = ?");
    QSqlQuery &insert =
        prepared(InsertTag, "INSERT INTO tag (name) VALUES (?) ON CONFLICT (name) DO NOTHING");
    for (qsizetype i = 0; i < names.size(); ++i) {
        select.bindValue(0, names[i]);
        if (!exec(select, error)) {
            rollback();
            return false;
        }
        if (!select.next()) {
            select.finish();
            insert.bindValue(0, names[i]);
            if (!exec(insert, error)) {
                rollback();
                return false;
            }
            select.bindValue(0, names[i]);
            if (!exec(select, error) || !select.next()) {
                rollback();
                return false;
            }
        }
        keys[size_t(i)] = select.value(0).toInt();
        select.finish();
    }
    return commit(error);
}

bool HistoryStore::reserveChunkIds(qint64 floor, qint64 count, qint64 &first, qint64 &end,
                                   QString *error)
{
    QSqlQuery &q =
        prepared(ReserveIds, "UPDATE counter SET next = (CASE WHEN next < ? THEN ? ELSE next END) "
                             "+ ? WHERE name = 'chunk' RETURNING next");
    q.bindValue(0, floor);
    q.bindValue(1, floor);
    q.bindValue(2, count);
    if (!exec(q, error))
        return false;
    if (!q.next()) {
        if (error)
            *error = QStringLiteral("the chunk id counter is missing");
        q.finish();
        return false;
    }
    end = q.value(0).toLongLong();
    first = end - count;
    q.finish();
    return true;
}

bool HistoryStore::insertChunk(const ChunkBuffer::SealedChunk &c, QString *error)
{
    QSqlQuery &q = prepared(InsertChunk, "INSERT INTO chunk (id, tag, start_time, end_time, n, "
                                         "data) VALUES (?, ?, ?, ?, ?, ?)");
    q.bindValue(0, c.id);
    q.bindValue(1, c.tag);
    q.bindValue(2, c.start);
    q.bindValue(3, c.end);
    q.bindValue(4, c.count);
    q.bindValue(5, c.data);
    return exec(q, error);
}

bool HistoryStore::insertJournal(qint64 seq, const QByteArray &data, QString *error)
{
    QSqlQuery &q =
        prepared(InsertJournal, "INSERT INTO journal (writer, seq, data) VALUES (?, ?, ?)");
    q.bindValue(0, m_writerId);
    q.bindValue(1, seq);
    q.bindValue(2, data);
    return exec(q, error);
}

bool HistoryStore::upsertRollup(const ChunkBuffer::PendingRollup &r, QString *error)
{
    QSqlQuery &q = prepared(
        InsertRollup,
        "INSERT INTO rollup (tag, level, bucket, n, n_bad, v_min, v_max, v_sum, v_first, "
        "v_last, last_quality) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tag, "
        "level, bucket) DO UPDATE SET n = excluded.n, n_bad = excluded.n_bad, v_min = "
        "excluded.v_min, v_max = excluded.v_max, v_sum = excluded.v_sum, v_first = "
        "excluded.v_first, v_last = excluded.v_last, last_quality = excluded.last_quality");
    const RollupBucket &b = r.bucket;
    q.bindValue(0, r.tag);
    q.bindValue(1, int(r.level));
    q.bindValue(2, b.start);
    q.bindValue(3, qint64(b.count));
    q.bindValue(4, qint64(b.badCount));
    q.bindValue(5, real(b.min));
    q.bindValue(6, real(b.max));
    q.bindValue(7, real(b.sum));
    q.bindValue(8, real(b.first));
    q.bindValue(9, real(b.last));
    q.bindValue(10, int(b.lastQuality));
    return exec(q, error);
}

bool HistoryStore::insertText(const ChunkBuffer::PendingText &t, QString *error)
{
    QSqlQuery &q = prepared(InsertText, "INSERT INTO text_sample (tag, time, quality, text) "
                                        "VALUES (?, ?, ?, ?)");
    q.bindValue(0, t.tag);
    q.bindValue(1, t.time);
    q.bindValue(2, int(t.quality));
    // A null QString binds as SQL NULL: an empty or missing text (e.g. a string tag that turned
    // bad before its first value) is stored as the empty string.
    q.bindValue(3, t.text.isNull() ? QStringLiteral("") : t.text);
    return exec(q, error);
}

bool HistoryStore::deleteJournalBefore(qint64 seq, QString *error)
{
    QSqlQuery &del = prepared(DeleteJournal, "DELETE FROM journal WHERE writer = ? AND seq < ?");
    del.bindValue(0, m_writerId);
    del.bindValue(1, seq);
    return exec(del, error);
}

bool HistoryStore::write(const ChunkBuffer::FlushBatch &batch, qint64 reserveFloor,
                         qint64 reserveCount, qint64 *reservedFirst, qint64 *reservedEnd,
                         QString *error)
{
    m_lastError = QSqlError();
    if (!begin(error))
        return false;
    bool ok = batch.journal.isEmpty() || insertJournal(batch.seq, batch.journal, error);
    for (auto c = batch.sealed.begin(); ok && c != batch.sealed.end(); ++c)
        ok = insertChunk(*c, error);
    for (auto r = batch.rollups.begin(); ok && r != batch.rollups.end(); ++r)
        ok = upsertRollup(*r, error);
    for (auto t = batch.texts.begin(); ok && t != batch.texts.end(); ++t)
        ok = insertText(*t, error);
    ok = ok && deleteJournalBefore(batch.watermark, error);
    ok = ok && (reserveCount == 0 ||
                reserveChunkIds(reserveFloor, reserveCount, *reservedFirst, *reservedEnd, error));
    if (!ok || !commit(error)) {
        rollback();
        return false;
    }
    return true;
}

bool HistoryStore::readJournal(const std::function<void(qint64, const QByteArray &)> &visit,
                               QString *error)
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT seq, data FROM journal WHERE writer = ? ORDER BY seq"));
    q.bindValue(0, m_writerId);
    if (!exec(q, error))
        return false;
    while (q.next())
        visit(q.value(0).toLongLong(), q.value(1).toByteArray());
    return true;
}

bool HistoryStore::chunkExists(qint64 id, bool &exists, QString *error)
{
    QSqlQuery &q = prepared(ChunkExists, "SELECT 1 FROM chunk WHERE id = ?");
    q.bindValue(0, id);
    if (!exec(q, error))
        return false;
    exists = q.next();
    q.finish();
    return true;
}

bool HistoryStore::clearJournal(QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM journal WHERE writer = ?"));
    q.bindValue(0, m_writerId);
    return exec(q, error);
}

bool HistoryStore::purgeTagBefore(qint32 tag, qint64 before, int limit, int &deleted,
                                  QString *error)
{
    deleted = 0;
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM chunk WHERE id IN (SELECT id FROM chunk WHERE tag = ? "
                             "AND start_time < ? AND end_time < ? ORDER BY start_time LIMIT ?)"));
    q.bindValue(0, tag);
    q.bindValue(1, before);
    q.bindValue(2, before);
    q.bindValue(3, limit);
    if (!exec(q, error))
        return false;
    deleted = q.numRowsAffected();
    QSqlQuery r(m_db);
    r.prepare(QStringLiteral("DELETE FROM rollup WHERE tag = ? AND bucket < ?"));
    r.bindValue(0, tag);
    r.bindValue(1, before - 3'600'000); // an hour bucket ends up to an hour after its start
    if (!exec(r, error))
        return false;
    QSqlQuery t(m_db);
    t.prepare(QStringLiteral("DELETE FROM text_sample WHERE tag = ? AND time < ?"));
    t.bindValue(0, tag);
    t.bindValue(1, before);
    return exec(t, error);
}

bool HistoryStore::purgeOldest(int limit, qint64 bytes, int &deleted, qint64 &oldestLeft,
                               QString *error)
{
    deleted = 0;
    QSqlQuery q(m_db);
    // Chunk ids grow with time, so the lowest ids are (about) the oldest data. Deletes the
    // oldest chunks up to `limit` of them, stopping once their data adds up to `bytes`: the
    // size limit must not take away more history than it has to.
    q.prepare(QStringLiteral(
        "DELETE FROM chunk WHERE id IN (SELECT id FROM (SELECT id, sum(length(data)) OVER "
        "(ORDER BY id) - length(data) AS before FROM (SELECT id, data FROM chunk ORDER BY id "
        "LIMIT ?) oldest) sized WHERE before < ?)"));
    q.bindValue(0, limit);
    q.bindValue(1, bytes);
    if (!exec(q, error))
        return false;
    deleted = q.numRowsAffected();
    QSqlQuery oldest(m_db);
    if (!oldest.exec(QStringLiteral("SELECT min(start_time) FROM chunk"))) {
        if (error)
            *error = oldest.lastError().text();
        return false;
    }
    oldestLeft = oldest.next() && !oldest.value(0).isNull() ? oldest.value(0).toLongLong()
                                                            : std::numeric_limits<qint64>::max();
    return true;
}

bool HistoryStore::purgeFineRollupsBefore(qint64 before, QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("DELETE FROM rollup WHERE level = 1 AND bucket < ?"));
    q.bindValue(0, before);
    return exec(q, error);
}

bool HistoryStore::usedBytes(qint64 &bytes, QString *error)
{
    QSqlQuery q(m_db);
    const bool ok =
        m_sqlite ? q.exec(QStringLiteral("SELECT (page_count - freelist_count) * page_size FROM "
                                         "pragma_page_count(), pragma_freelist_count(), "
                                         "pragma_page_size()"))
                 : q.exec(QStringLiteral(
                       "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
                       "WHERE c.relname IN ('chunk', 'rollup', 'text_sample', 'journal') AND "
                       "pg_table_is_visible(c.oid)"));
    if (!ok || !q.next()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    bytes = q.value(0).toLongLong();
    return true;
}

void HistoryStore::releaseSpace(int pages)
{
    if (!m_sqlite)
        return;
    QSqlQuery q(m_db);
    q.exec(QStringLiteral("PRAGMA incremental_vacuum(%1)").arg(pages));
    while (q.next()) {
    }
}

} // namespace vigil
