#pragma once

#include "security/auditfilter.h"
#include "security/auditrecord.h"
#include "security/auditrow.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace vigil
{

// The audit table of journal.db on a connection owned by the caller's thread. Rows are only
// ever appended. An append reads the last row and inserts the next one in one transaction that
// holds the write lock from its start (SQLite BEGIN IMMEDIATE, PostgreSQL LOCK TABLE), so the
// running app and `vigil user …` on the command line never both append after the same row.
class AuditStore
{
public:
    AuditStore(QSqlDatabase db, bool sqlite);

    // The sealed row as stored, or nullopt with `error`.
    std::optional<AuditRow> append(const AuditEntry &entry, const QByteArray &key, QString *error);
    // The last row; nullopt with an empty `error` when the trail is empty.
    std::optional<AuditRow> last(QString *error) const;
    // The row `seq`; nullopt with an empty `error` when there is none.
    std::optional<AuditRow> row(qint64 seq, QString *error) const;
    // Up to `limit` rows with seq > afterSeq, by seq.
    std::optional<QList<AuditRow>> rowsAfter(qint64 afterSeq, int limit, QString *error) const;
    // One page for the Audit page, newest first.
    std::optional<QList<AuditRecord>> page(const AuditFilter &filter, QString *error) const;

    // Why a filter cannot be used ("" when it can).
    static QString problem(const AuditFilter &filter);

private:
    bool begin(QString *error);
    bool finish(bool commit, QString *error);
    std::optional<AuditRow> selectOne(const QString &where, const QVariantList &values,
                                      QString *error) const;

    QSqlDatabase m_db;
    bool m_sqlite;
};

} // namespace vigil
