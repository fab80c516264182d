#pragma once

#include "alarmkpioptions.h"
#include "alarmkpireport.h"
#include "journalqueryerror.h"
#include "journalreader.h"

#include <QFuture>
#include <QObject>
#include <QThread>

namespace vigil
{

class JournalQueryWorker;

// Read-only queries of journal.db off the calling (GUI) thread: one worker thread
// ("journal-query") with its own reader connection answers them in order. Results arrive as
// futures (QFuture::then with a context object delivers them on that object's thread); a bad
// filter or an unreadable journal fails the future with a JournalQueryError naming the problem.
class JournalQueryService : public QObject
{
    Q_OBJECT
public:
    explicit JournalQueryService(QString url, QObject *parent = nullptr);
    ~JournalQueryService() override;

    QFuture<AlarmHistoryPage> alarmHistory(const AlarmHistoryFilter &filter);
    QFuture<EventPage> events(const EventFilter &filter);
    // The EEMUA 191 alarm KPIs of [fromMs, toMs], computed on the query thread.
    QFuture<AlarmKpiReport> alarmKpis(qint64 fromMs, qint64 toMs,
                                      const AlarmKpiOptions &options = {});

    QString url() const { return m_url; }

private:
    QString m_url;
    QThread m_thread;
    JournalQueryWorker *m_worker;
};

} // namespace vigil
