#include "journalqueryservice.h"

#include "alarmkpicalculator.h"
#include "alarmkpireader.h"
#include "journalqueryworker.h"

#include <QPromise>

#include <memory>

namespace vigil
{

namespace
{

template<typename T>
QFuture<T> failed(const QString &error)
{
    QPromise<T> promise;
    QFuture<T> future = promise.future();
    promise.start();
    promise.setException(std::make_exception_ptr(JournalQueryError(error.toStdString())));
    promise.finish();
    return future;
}

// Runs `query(worker, result, error)` on the worker's thread and hands the result to the future.
template<typename T, typename Query>
QFuture<T> submit(JournalQueryWorker *worker, Query query)
{
    auto promise = std::make_shared<QPromise<T>>();
    QFuture<T> future = promise->future();
    promise->start();
    QMetaObject::invokeMethod(
        worker,
        [worker, promise, query] {
            QString error;
            T result{};
            if (query(*worker, result, error)) {
                promise->addResult(std::move(result));
            } else {
                if (error.isEmpty())
                    error = QStringLiteral("journal query failed");
                promise->setException(
                    std::make_exception_ptr(JournalQueryError(error.toStdString())));
            }
            promise->finish();
        },
        Qt::QueuedConnection);
    return future;
}

// A query that failed in the database (not in its filter) reconnects on the next query.
template<typename Reader>
bool answered(JournalQueryWorker &worker, Reader *reader, bool ok, QString &error)
{
    if (!reader || ok)
        return ok;
    error = reader->lastError();
    worker.reset();
    return false;
}

} // namespace

JournalQueryService::JournalQueryService(QString url, QObject *parent)
    : QObject(parent)
    , m_url(std::move(url))
    , m_worker(new JournalQueryWorker(m_url))
{
    m_thread.setObjectName(QStringLiteral("journal-query"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

JournalQueryService::~JournalQueryService()
{
    m_thread.quit();
    m_thread.wait();
}

QFuture<AlarmHistoryPage> JournalQueryService::alarmHistory(const AlarmHistoryFilter &filter)
{
    if (const QString problem = filter.validate(); !problem.isEmpty())
        return failed<AlarmHistoryPage>(problem);
    return submit<AlarmHistoryPage>(
        m_worker, [filter](JournalQueryWorker &w, AlarmHistoryPage &out, QString &error) {
            JournalReader *reader = w.reader(&error);
            return answered(w, reader, reader && reader->alarmHistory(filter, out), error);
        });
}

QFuture<EventPage> JournalQueryService::events(const EventFilter &filter)
{
    if (const QString problem = filter.validate(); !problem.isEmpty())
        return failed<EventPage>(problem);
    return submit<EventPage>(
        m_worker, [filter](JournalQueryWorker &w, EventPage &out, QString &error) {
            JournalReader *reader = w.reader(&error);
            return answered(w, reader, reader && reader->events(filter, out), error);
        });
}

QFuture<AlarmKpiReport> JournalQueryService::alarmKpis(qint64 fromMs, qint64 toMs,
                                                       const AlarmKpiOptions &options)
{
    if (fromMs > toMs)
        return failed<AlarmKpiReport>(
            QStringLiteral("alarm KPIs: the period ends before it starts (%1 > %2)")
                .arg(fromMs)
                .arg(toMs));
    return submit<AlarmKpiReport>(
        m_worker, [=](JournalQueryWorker &w, AlarmKpiReport &out, QString &error) {
            AlarmKpiReader *reader = w.kpiReader(&error);
            AlarmKpiInput input;
            if (!answered(w, reader, reader && reader->read(fromMs, toMs, options, input), error))
                return false;
            out = AlarmKpiCalculator::compute(input, fromMs, toMs, options);
            return true;
        });
}

} // namespace vigil
