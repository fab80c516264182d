#pragma once

#include "export/historyexporter.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <atomic>
#include <memory>

namespace vigil
{

class HistoryTailSource;
class SecurityService;
class TagDirectory;

// Runs one history export on its own thread (with its own database connection), reporting
// progress back to the GUI thread; cancel() stops it between rows. Each finished export, written
// or not, is audited for the user who started it when a security service is set.
class TrendExportJob : public QObject
{
    Q_OBJECT
public:
    TrendExportJob(QString url, const HistoryTailSource *tail,
                   std::shared_ptr<const TagDirectory> tags, QObject *parent = nullptr);
    ~TrendExportJob() override;

    bool isRunning() const { return m_thread != nullptr; }
    // The service must outlive this job; null: nothing is audited.
    void setSecurity(SecurityService *security) { m_security = security; }
    bool start(const HistoryExportRequest &request, const QString &user);
    void cancel() { m_cancel = true; }

signals:
    void progress(double fraction, qint64 rows);
    void finished(bool ok, const QString &path, qint64 rows, const QString &error);

private:
    QString m_url;
    const HistoryTailSource *m_tail;
    std::shared_ptr<const TagDirectory> m_tags;
    SecurityService *m_security = nullptr;
    QThread *m_thread = nullptr;
    std::atomic<bool> m_cancel{false};
};

} // namespace vigil
