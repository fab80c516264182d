#pragma once

#include "security/auditheadfile.h"
#include "security/auditstore.h"

#include <QByteArray>

namespace vigil
{

class Clock;

// Appending to the audit trail: the row in journal.db (AuditStore), then the head file. Used by
// the security worker and by the command line, each on its own connection.
class AuditTrail
{
public:
    AuditTrail(QSqlDatabase db, bool sqlite, QByteArray key, QString headPath, const Clock *clock);

    // Appends `entry` (a zero timeMs is stamped with the clock) and moves the head file on. The
    // row is committed even if the head file cannot be written (then reported in the log: the
    // verifier accepts a head that is behind). nullopt with `error` if the row was not stored.
    std::optional<AuditRow> append(AuditEntry entry, QString *error);

    AuditStore &store() { return m_store; }
    const AuditHeadFile &head() const { return m_head; }
    const QByteArray &key() const { return m_key; }

private:
    bool recordMissingHead(QString *error);
    // Stores the row and moves the head; the caller holds the head's lock.
    std::optional<AuditRow> appendRow(AuditEntry entry, QString *error);

    AuditStore m_store;
    QByteArray m_key;
    AuditHeadFile m_head;
    const Clock *m_clock;
};

} // namespace vigil
