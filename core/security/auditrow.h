#pragma once

#include "security/auditentry.h"

#include <QString>

namespace vigil
{

// An audit row as stored: the entry, its place in the chain and its seals.
struct AuditRow {
    qint64 seq = 0;
    AuditEntry entry;
    QString prevHash; // hex; the previous row's hash, 64 zeros for seq 1
    QString hash;     // hex SHA-256 of prevHash and the canonical row
    QString hmac;     // hex HMAC-SHA256 of hash with the audit key
};

} // namespace vigil
