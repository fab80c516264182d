#pragma once

#include "chunkbuffer.h"

#include <QString>

#include <functional>
#include <vector>

namespace vigil
{

class HistoryStore;

// Writes a flush batch that the database refused because of one of its rows: one transaction
// in which every row statement runs in its own savepoint; a row refused for its data
// (HistoryRowError) is rolled back to its savepoint and skipped, so bad input costs only
// itself. Any other failure fails the whole batch as the plain write does. Savepoints because
// a PostgreSQL transaction is aborted by an error; SQLite behaves the same with them.
class HistorySalvage
{
public:
    struct Rejected {
        QString table; // "chunk", "rollup", "text_sample", "journal"
        qint32 tag;    // tag key; -1 for the journal row (many tags)
        int samples;   // samples lost with the row (a chunk's count; 0 otherwise)
        QString error; // the database's text
    };

    explicit HistorySalvage(HistoryStore &store)
        : m_store(store)
    {
    }

    bool write(const ChunkBuffer::FlushBatch &batch, qint64 reserveFloor, qint64 reserveCount,
               qint64 *reservedFirst, qint64 *reservedEnd, QString *error);

    const std::vector<Rejected> &rejected() const { return m_rejected; }
    quint64 rejectedSamples() const;
    // For people: how many rows of which table were dropped, the samples lost and the first
    // reason, e.g. "2 chunk rows (812 samples) dropped; first: chunk of tag PV: ...".
    QString summary(const std::function<QString(qint32)> &tagName) const;

private:
    bool row(const QString &table, qint32 tag, int samples,
             const std::function<bool(QString *)> &statement, QString *error);

    HistoryStore &m_store;
    std::vector<Rejected> m_rejected;
};

} // namespace vigil
