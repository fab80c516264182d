#include "auditverifier.h"

#include "security/auditchain.h"
#include "security/auditheadfile.h"
#include "security/auditstore.h"

#include <QSqlError>
#include <QSqlQuery>

namespace vigil
{

namespace
{

constexpr int kBatch = 1000;

AuditVerification &fail(AuditVerification &result, qint64 seq, const QString &reason)
{
    result.ok = false;
    result.firstBadSeq = seq;
    result.reason = seq > 0 ? QStringLiteral("seq %1: %2").arg(seq).arg(reason) : reason;
    return result;
}

} // namespace

AuditVerifier::AuditVerifier(QSqlDatabase db, bool sqlite, QByteArray key,
                             const AuditHeadFile &head)
    : m_db(std::move(db))
    , m_sqlite(sqlite)
    , m_key(std::move(key))
    , m_head(head)
{
}

AuditVerification AuditVerifier::run()
{
    AuditVerification result;
    if (!integrityOk(result))
        return result;
    QString headError;
    const std::optional<AuditHead> head =
        m_head.exists() ? m_head.read(&headError) : std::optional<AuditHead>();
    const AuditStore store(m_db, m_sqlite);
    QString prevHash = AuditChain::genesisHash();
    qint64 seq = 0;
    for (;;) {
        QString error;
        const std::optional<QList<AuditRow>> rows = store.rowsAfter(seq, kBatch, &error);
        if (!rows) {
            fail(result, 0, error);
            return result;
        }
        for (const AuditRow &row : *rows) {
            if (!rowOk(row, seq + 1, prevHash, result))
                return result;
            ++result.rowsChecked;
            seq = row.seq;
            prevHash = row.hash;
        }
        if (rows->size() < kBatch)
            break;
    }
    result.ok = true;
    checkHead(head, headError, seq, result);
    return result;
}

bool AuditVerifier::integrityOk(AuditVerification &result)
{
    if (!m_sqlite)
        return true;
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("PRAGMA quick_check"))) {
        fail(result, 0,
             QStringLiteral("the database cannot be checked: %1").arg(q.lastError().text()));
        return false;
    }
    QStringList problems;
    while (q.next())
        problems.append(q.value(0).toString());
    if (problems == QStringList{QStringLiteral("ok")})
        return true;
    fail(result, 0,
         QStringLiteral("the database file is damaged: %1").arg(problems.mid(0, 3).join(u"; ")));
    return false;
}

bool AuditVerifier::rowOk(const AuditRow &row, qint64 expectedSeq, const QString &prevHash,
                          AuditVerification &result) const
{
    if (row.seq != expectedSeq) {
        fail(result, expectedSeq,
             row.seq == expectedSeq + 1
                 ? QStringLiteral("missing (the row was deleted)")
                 : QStringLiteral("missing, the next row is seq %1 (rows were deleted)")
                       .arg(row.seq));
        return false;
    }
    if (!AuditChain::sameDigest(row.prevHash, prevHash)) {
        fail(result, row.seq,
             QStringLiteral("prev_hash does not match the previous row's hash (rows were "
                            "inserted, deleted or reordered)"));
        return false;
    }
    if (!AuditChain::sameDigest(AuditChain::hash(row.prevHash, row.seq, row.entry), row.hash)) {
        fail(result, row.seq, QStringLiteral("hash mismatch (the row was changed)"));
        return false;
    }
    if (!AuditChain::sameDigest(AuditChain::hmac(m_key, row.hash), row.hmac)) {
        fail(result, row.seq,
             QStringLiteral("HMAC mismatch (the row was not sealed with this audit key)"));
        return false;
    }
    return true;
}

void AuditVerifier::checkHead(const std::optional<AuditHead> &head, const QString &headError,
                              qint64 lastSeq, AuditVerification &result)
{
    if (!head) {
        if (lastSeq == 0)
            return; // nothing appended yet
        fail(result, 0,
             headError.isEmpty()
                 ? QStringLiteral("the audit head file %1 is missing: deleted rows at the end "
                                  "could not be detected")
                       .arg(m_head.path())
                 : headError);
        return;
    }
    if (!AuditChain::sameDigest(AuditChain::headHmac(m_key, head->seq, head->hash), head->hmac)) {
        fail(result, 0,
             QStringLiteral("the audit head file %1 was not sealed with this audit key")
                 .arg(m_head.path()));
        return;
    }
    if (head->seq > lastSeq) {
        fail(result, lastSeq + 1,
             QStringLiteral("missing: the trail ends at seq %1 but the head file records seq %2 "
                            "(the last rows were deleted)")
                 .arg(lastSeq)
                 .arg(head->seq));
        return;
    }
    QString error;
    const std::optional<AuditRow> row = AuditStore(m_db, m_sqlite).row(head->seq, &error);
    if (!row || !AuditChain::sameDigest(row->hash, head->hash))
        fail(result, head->seq,
             QStringLiteral("does not match the audit head file (the trail was rewritten)"));
}

} // namespace vigil
