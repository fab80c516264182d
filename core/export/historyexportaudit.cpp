#include "historyexportaudit.h"

#include <QDateTime>
#include <QDir>

namespace vigil
{

namespace
{

const QString kAction = QStringLiteral("export.history");

// UTC, with milliseconds only when the range has them.
QString timeText(qint64 ms)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    return t.toString(ms % 1000 == 0 ? Qt::ISODate : Qt::ISODateWithMs);
}

} // namespace

AuditEntry HistoryExportAudit::finished(const QString &user, const HistoryExportRequest &request,
                                        const HistoryExporter::Result &result)
{
    AuditEntry e;
    e.user = user;
    e.action = kAction;
    e.target = result.path.isEmpty() ? intendedPath(request) : result.path;
    e.detail = QStringLiteral("%1; %2 rows").arg(detail(request)).arg(result.rows);
    if (result.ok) {
        e.result = QStringLiteral("ok");
    } else {
        e.result = QStringLiteral("failed");
        e.detail += QStringLiteral("; ") + result.error;
    }
    return e;
}

AuditEntry HistoryExportAudit::refused(const QString &user, const HistoryExportRequest &request,
                                       const QString &reason)
{
    AuditEntry e;
    e.user = user;
    e.action = kAction;
    e.target = intendedPath(request);
    e.detail = QStringLiteral("%1; %2").arg(detail(request), reason);
    e.result = QStringLiteral("refused");
    return e;
}

QString HistoryExportAudit::detail(const HistoryExportRequest &request)
{
    return QStringLiteral("tags %1; %2 to %3; %4 profile")
        .arg(request.tags.join(u','), timeText(request.from), timeText(request.to),
             request.profile.name());
}

QString HistoryExportAudit::intendedPath(const HistoryExportRequest &request)
{
    return QDir::cleanPath(QDir(request.directory).filePath(request.fileName));
}

} // namespace vigil
