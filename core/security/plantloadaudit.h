#pragma once

#include "security/auditentry.h"

namespace vigil
{

struct PlantConfig;

// The audit row a run starts with: which plant it loaded, named by the file's SHA-256, so that
// the trail shows when the plant file changed between runs.
AuditEntry plantLoadAuditEntry(const PlantConfig &plant);

} // namespace vigil
