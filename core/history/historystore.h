#pragma once

#include "chunkbuffer.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace vigil
{

// The writer's SQL: tags, chunk id ranges, one flush transaction (journal row, sealed chunks,
// rollups, text samples, old journal rows), the journal read back at start, and retention
// deletes. Statements are prepared once per connection; works on SQLite and PostgreSQL.
class HistoryStore
{
public:
    HistoryStore(QSqlDatabase db, bool sqlite, QString writerId);

    // Looks up or creates the keys of the given tag names.
    bool tagKeys(const QStringList &names, std::vector<qint32> &keys, QString *error);
    // Reserves `count` chunk ids no lower than `floor`: [first, end). Inside or outside a
    // transaction.
    bool reserveChunkIds(qint64 floor, qint64 count, qint64 &first, qint64 &end, QString *error);

    // The flush: everything in one transaction. On failure nothing is written.
    bool write(const ChunkBuffer::FlushBatch &batch, qint64 reserveFloor, qint64 reserveCount,
               qint64 *reservedFirst, qint64 *reservedEnd, QString *error);

    // The flush's statements one by one (HistorySalvage runs them each in a savepoint).
    bool insertJournal(qint64 seq, const QByteArray &data, QString *error);
    bool upsertRollup(const ChunkBuffer::PendingRollup &rollup, QString *error);
    bool insertText(const ChunkBuffer::PendingText &text, QString *error);
    bool deleteJournalBefore(qint64 seq, QString *error);
    bool savepoint(QString *error);
    bool releaseSavepoint(QString *error);
    bool rollbackToSavepoint(QString *error);

    // The error of the last statement that failed, and whether the database refused the row
    // itself (HistoryRowError) rather than failed to store anything.
    const QSqlError &lastError() const { return m_lastError; }
    bool lastErrorIsRowError() const;

    // Journal rows of this writer, oldest first.
    bool readJournal(const std::function<void(qint64 seq, const QByteArray &row)> &visit,
                     QString *error);
    bool chunkExists(qint64 id, bool &exists, QString *error);
    bool insertChunk(const ChunkBuffer::SealedChunk &chunk, QString *error);
    bool clearJournal(QString *error);

    // Retention: deletes up to `limit` chunks of a tag that ended before `before`, with its
    // rollups and text samples; returns how many chunks went.
    bool purgeTagBefore(qint32 tag, qint64 before, int limit, int &deleted, QString *error);
    // Deletes up to `limit` of the oldest chunks overall (size limit); `oldestLeft` is the start
    // of the oldest chunk that remains (or max if none).
    bool purgeOldest(int limit, qint64 bytes, int &deleted, qint64 &oldestLeft, QString *error);
    // 10-minute rollups before `before` (raw data gone, the size limit still exceeded).
    bool purgeFineRollupsBefore(qint64 before, QString *error);
    // Bytes in use (SQLite: pages not on the free list; PostgreSQL: relation sizes).
    bool usedBytes(qint64 &bytes, QString *error);
    // SQLite: hands free pages back to the file system.
    void releaseSpace(int pages);

    bool begin(QString *error);
    bool commit(QString *error);
    void rollback();

private:
    QSqlQuery &prepared(int which, const char *sql);
    bool exec(QSqlQuery &q, QString *error);
    bool execText(const char *sql, QString *error);
    bool failed(const QSqlError &e, QString *error);

    QSqlDatabase m_db;
    bool m_sqlite;
    QString m_writerId;
    std::vector<std::unique_ptr<QSqlQuery>> m_queries;
    QSqlError m_lastError;
};

} // namespace vigil
