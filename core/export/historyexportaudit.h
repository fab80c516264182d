#pragma once

#include "export/historyexporter.h"
#include "security/auditentry.h"

namespace vigil
{

// The audit entry of one history export ("export.history"), written the same way from the trend
// page and from the command line: the file as target, the tags, the range, the profile and the
// rows as detail, and for a failed export why.
class HistoryExportAudit
{
public:
    static AuditEntry finished(const QString &user, const HistoryExportRequest &request,
                               const HistoryExporter::Result &result);
    // An export the user was not allowed to start; `reason` says what was missing.
    static AuditEntry refused(const QString &user, const HistoryExportRequest &request,
                              const QString &reason);

private:
    static QString detail(const HistoryExportRequest &request);
    static QString intendedPath(const HistoryExportRequest &request);
};

} // namespace vigil
