#include "audittrail.h"

#include "security/securitylog.h"
#include "util/clock.h"

#include <QFileInfo>
#include <QLockFile>

namespace vigil
{

AuditTrail::AuditTrail(QSqlDatabase db, bool sqlite, QByteArray key, QString headPath,
                       const Clock *clock)
    : m_store(std::move(db), sqlite)
    , m_key(std::move(key))
    , m_head(std::move(headPath))
    , m_clock(clock)
{
}

std::optional<AuditRow> AuditTrail::append(AuditEntry entry, QString *error)
{
    // One writer at a time from the missing-head check to the head's advance: a second writer
    // (the app and `vigil user` at once) must not see the first one's committed row before its
    // head is written, or it would take the head for deleted.
    QLockFile lock(m_head.lockPath());
    if (!lock.tryLock(10'000)) {
        *error = QStringLiteral("audit head %1: cannot take its lock file").arg(m_head.path());
        return std::nullopt;
    }
    if (!recordMissingHead(error))
        return std::nullopt;
    return appendRow(std::move(entry), error);
}

std::optional<AuditRow> AuditTrail::appendRow(AuditEntry entry, QString *error)
{
    if (entry.timeMs == 0)
        entry.timeMs = m_clock->nowMs();
    std::optional<AuditRow> row = m_store.append(entry, m_key, error);
    if (!row)
        return std::nullopt;
    QString problem;
    if (!m_head.advance(row->seq, row->hash, m_key, &problem))
        qCWarning(lcSecurity) << "audit row" << row->seq << "stored, but" << problem;
    return row;
}

// A head file that disappeared while the trail has rows would let the next append hide that the
// last rows were deleted; the trail itself records that it was recreated.
// Checked before every append, not once: the head may go while a long-running app appends.
bool AuditTrail::recordMissingHead(QString *error)
{
    if (m_head.exists())
        return true;
    QString problem;
    const std::optional<AuditRow> last = m_store.last(&problem);
    if (!problem.isEmpty()) {
        *error = problem;
        return false;
    }
    if (!last)
        return true;
    qCWarning(lcSecurity) << "audit head file" << m_head.path() << "is missing while the trail has"
                          << last->seq << "rows; recreating it";
    AuditEntry note;
    note.action = QStringLiteral("audit.head");
    note.target = QFileInfo(m_head.path()).fileName();
    note.detail = QStringLiteral("the head file was missing while the trail had %1 rows; "
                                 "recreated")
                      .arg(last->seq);
    note.result = QStringLiteral("failed");
    return appendRow(note, error).has_value();
}

} // namespace vigil
