#include "historyqueryservice.h"

#include "historyqueryworker.h"
#include "historyreader.h"

#include <QPromise>

#include <memory>

namespace vigil
{

namespace
{

// Runs `query(reader, result)` on the worker's thread and hands the result to the future.
template<typename T, typename Query>
QFuture<T> submit(HistoryQueryWorker *worker, Query query)
{
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    QMetaObject::invokeMethod(
        worker,
        [worker, promise, query] {
            QString error;
            HistoryReader *reader = worker->reader(&error);
            T result{};
            if (reader && query(*reader, result)) {
                promise->addResult(std::move(result));
            } else {
                if (reader) {
                    error = reader->lastError();
                    worker->reset(); // reconnect on the next query
                }
                promise->setException(std::make_exception_ptr(HistoryQueryError(
                    error.isEmpty() ? std::string("history query failed") : error.toStdString())));
            }
            promise->finish();
        },
        Qt::QueuedConnection);
    return future;
}

} // namespace

HistoryQueryService::HistoryQueryService(QString url, const HistoryTailSource *tail,
                                         QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
    , m_tail(tail)
    , m_worker(new HistoryQueryWorker(m_url, m_tail))
{
    m_thread.setObjectName(QStringLiteral("history-query"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

HistoryQueryService::~HistoryQueryService()
{
    m_thread.quit();
    m_thread.wait();
}

QFuture<BucketSeries> HistoryQueryService::buckets(const QString &tag, qint64 from, qint64 to,
                                                   int count)
{
    return submit<BucketSeries>(m_worker, [=](HistoryReader &r, BucketSeries &out) {
        return r.buckets(tag, from, to, count, out);
    });
}

QFuture<HistorySamples> HistoryQueryService::raw(const QString &tag, qint64 from, qint64 to)
{
    return submit<HistorySamples>(
        m_worker, [=](HistoryReader &r, HistorySamples &out) { return r.raw(tag, from, to, out); });
}

QFuture<std::optional<HistorySample>> HistoryQueryService::valueAt(const QString &tag, qint64 time)
{
    return submit<std::optional<HistorySample>>(
        m_worker, [=](HistoryReader &r, std::optional<HistorySample> &out) {
            return r.valueAt(tag, time, out);
        });
}

} // namespace vigil
