#pragma once

#include "security/auditverification.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

namespace vigil
{

class AuditHeadFile;
struct AuditHead;
struct AuditRow;

// Checks the whole audit trail: on SQLite the file's integrity (PRAGMA quick_check), then every
// row by seq (no gap from 1, prev_hash equal to the previous row's hash, hash recomputed, HMAC
// with the key), then the head file (its HMAC; a trail ending before the head's seq lost rows;
// the row at the head's seq must have the head's hash). The head is read before the rows, so a
// row appended meanwhile only leaves the head behind, which is accepted.
class AuditVerifier
{
public:
    AuditVerifier(QSqlDatabase db, bool sqlite, QByteArray key, const AuditHeadFile &head);

    AuditVerification run();

private:
    bool integrityOk(AuditVerification &result);
    bool rowOk(const AuditRow &row, qint64 expectedSeq, const QString &prevHash,
               AuditVerification &result) const;
    void checkHead(const std::optional<AuditHead> &head, const QString &headError, qint64 lastSeq,
                   AuditVerification &result);

    QSqlDatabase m_db;
    bool m_sqlite;
    QByteArray m_key;
    const AuditHeadFile &m_head;
};

} // namespace vigil
