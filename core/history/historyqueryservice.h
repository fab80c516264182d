#pragma once

#include "bucketseries.h"
#include "historyqueryerror.h"
#include "historysample.h"

#include <QFuture>
#include <QObject>
#include <QThread>

#include <optional>

namespace vigil
{

class HistoryTailSource;
class HistoryQueryWorker;

// History queries off the calling (GUI) thread: one worker thread with its own reader
// connection answers them in order; results arrive as futures (QFuture::then with a context
// object delivers them back on that object's thread).
class HistoryQueryService : public QObject
{
    Q_OBJECT
public:
    HistoryQueryService(QString url, const HistoryTailSource *tail, QObject *parent = nullptr);
    ~HistoryQueryService() override;

    QFuture<BucketSeries> buckets(const QString &tag, qint64 from, qint64 to, int count);
    QFuture<HistorySamples> raw(const QString &tag, qint64 from, qint64 to);
    QFuture<std::optional<HistorySample>> valueAt(const QString &tag, qint64 time);

    QString url() const { return m_url; }
    const HistoryTailSource *tailSource() const { return m_tail; }

private:
    QString m_url;
    const HistoryTailSource *m_tail;
    QThread m_thread;
    HistoryQueryWorker *m_worker;
};

} // namespace vigil
