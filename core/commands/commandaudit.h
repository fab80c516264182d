#pragma once

#include "commandstatus.h"
#include "security/auditentry.h"

namespace vigil
{

// The audit row for one reported command state: who, which tag, old → new, how it ended. Every
// state the command service reports is audited, so the trail shows select, operate, the second
// person, the write and the read-back result of each command.
AuditEntry commandAuditEntry(const CommandStatus &status);

} // namespace vigil
