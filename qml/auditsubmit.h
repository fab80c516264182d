#pragma once

#include "security/auditentry.h"
#include "security/securityservice.h"

namespace vigil
{

// Hands an audit entry of the screens to the service. An empty field is stored as empty text:
// a null QString (nobody logged in, no comment) would be bound as SQL NULL, which the audit
// table refuses.
inline void submitAudit(SecurityService &security, AuditEntry entry)
{
    for (QString *field :
         {&entry.user, &entry.action, &entry.target, &entry.detail, &entry.result}) {
        if (field->isNull())
            *field = QLatin1String("");
    }
    security.audit(std::move(entry));
}

} // namespace vigil
