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
class TagDirectory;

// Runs one history export on its own thread (with its own database connection), reporting
// progress back to the GUI thread; cancel() stops it between rows.
class TrendExportJob : public QObject
{
    Q_OBJECT
public:
    TrendExportJob(QString url, const HistoryTailSource *tail,
                   std::shared_ptr<const TagDirectory> tags, QObject *parent = nullptr);
    ~TrendExportJob() override;

    bool isRunning() const { return m_thread != nullptr; }
    bool start(const HistoryExportRequest &request);
    void cancel() { m_cancel = true; }

signals:
    void progress(double fraction, qint64 rows);
    void finished(bool ok, const QString &path, qint64 rows, const QString &error);

private:
    QString m_url;
    const HistoryTailSource *m_tail;
    std::shared_ptr<const TagDirectory> m_tags;
    QThread *m_thread = nullptr;
    std::atomic<bool> m_cancel{false};
};

} // namespace vigil
