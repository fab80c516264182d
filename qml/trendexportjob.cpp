#include "trendexportjob.h"

#include "export/historyexportaudit.h"
#include "history/historyreadsession.h"
#include "security/securityservice.h"
#include "tags/tagdirectory.h"

namespace vigil
{

TrendExportJob::TrendExportJob(QString url, const HistoryTailSource *tail,
                               std::shared_ptr<const TagDirectory> tags, QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
    , m_tail(tail)
    , m_tags(std::move(tags))
{
}

TrendExportJob::~TrendExportJob()
{
    if (m_thread) {
        m_cancel = true;
        m_thread->wait();
        delete m_thread;
    }
}

bool TrendExportJob::start(const HistoryExportRequest &request, const QString &user)
{
    if (m_thread)
        return false;
    m_cancel = false;
    m_thread = QThread::create([this, request, user] {
        HistoryExporter::Result result;
        HistoryReadSession history(m_tail);
        if (history.open(m_url) == HistoryReadSession::Status::Ready) {
            HistoryExporter exporter(history.reader(), *m_tags);
            result = exporter.run(request, [this](qint64 rows, double fraction) {
                QMetaObject::invokeMethod(
                    this, [this, rows, fraction] { emit progress(fraction, rows); },
                    Qt::QueuedConnection);
                return !m_cancel.load();
            });
        } else {
            result.error = history.error();
        }
        QMetaObject::invokeMethod(
            this,
            [this, request, user, result] {
                m_thread->wait();
                delete m_thread;
                m_thread = nullptr;
                if (m_security)
                    m_security->audit(HistoryExportAudit::finished(user, request, result));
                emit finished(result.ok, result.path, result.rows, result.error);
            },
            Qt::QueuedConnection);
    });
    m_thread->setObjectName(QStringLiteral("history-export"));
    m_thread->start();
    return true;
}

} // namespace vigil
