#pragma once

#include "security/auditentry.h"

namespace vigil
{

// A stored audit row as the Audit page shows it: the entry and its place in the chain.
struct AuditRecord : AuditEntry {
    qint64 seq = 0; // 1, 2, 3… without gaps
};

} // namespace vigil
