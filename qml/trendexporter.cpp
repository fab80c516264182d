#include "trendexporter.h"

#include "export/exportpath.h"
#include "export/historyexportaudit.h"
#include "permissiontext.h"
#include "security/securityservice.h"
#include "security/session.h"
#include "trendexportjob.h"

namespace vigil
{

TrendExporter::TrendExporter(QString url, const HistoryTailSource *tail,
                             std::shared_ptr<const TagDirectory> tags, QString directory,
                             QObject *parent)
    : QObject(parent)
    , m_job(std::make_unique<TrendExportJob>(std::move(url), tail, std::move(tags)))
    , m_directory(std::move(directory))
{
    connect(m_job.get(), &TrendExportJob::progress, this, [this](double fraction, qint64 rows) {
        setState(fraction, tr("Exporting: %L1 rows").arg(rows));
    });
    connect(m_job.get(), &TrendExportJob::finished, this,
            [this](bool ok, const QString &path, qint64 rows, const QString &error) {
                setState(ok ? 1.0 : 0.0, ok ? tr("Exported %L1 rows to %2").arg(rows).arg(path)
                                            : tr("Export failed: %1").arg(error));
            });
}

TrendExporter::~TrendExporter() = default;

void TrendExporter::setSecurity(Session *session, SecurityService *security)
{
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    m_security = security;
    m_job->setSecurity(security);
    if (m_session)
        connect(m_session, &Session::changed, this, &TrendExporter::permissionsChanged);
    emit permissionsChanged();
}

bool TrendExporter::running() const
{
    return m_job->isRunning();
}

QString TrendExporter::refusal() const
{
    return m_session ? PermissionText::refusal(*m_session, Permission::ExportData,
                                               tr("Log in as %1 to export"))
                     : QString();
}

void TrendExporter::start(const QStringList &tags, qint64 from, qint64 to, const QString &profile,
                          qint64 nowMs)
{
    if (m_job->isRunning())
        return;
    HistoryExportRequest request;
    request.tags = tags;
    request.from = from;
    request.to = to;
    request.profile = profile == u"machine" ? CsvProfile::machine() : CsvProfile::spreadsheet();
    request.directory = m_directory;
    request.fileName = ExportPath::defaultName(QStringLiteral("trend"), nowMs);
    const QString user = m_session ? m_session->user() : QString();
    if (const QString why = refusal(); !why.isEmpty()) {
        // The page disables the button; this holds for any other caller too.
        if (m_security)
            m_security->audit(HistoryExportAudit::refused(
                user, request,
                QStringLiteral("needs %1").arg(permissionName(Permission::ExportData))));
        setState(0.0, why);
        return;
    }
    m_job->start(request, user);
    setState(0.0, tr("Exporting…"));
}

void TrendExporter::cancel()
{
    m_job->cancel();
}

void TrendExporter::setState(double progress, const QString &text)
{
    m_progress = progress;
    m_text = text;
    emit changed();
}

} // namespace vigil
