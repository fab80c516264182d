#include "events/eventlog.h"
#include "util/manualclock.h"

#include <QSignalSpy>
#include <QThread>
#include <QtTest>

using namespace vigil;

class TstEventLog : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { qRegisterMetaType<SystemEvent>(); }
    void stampsAndEmits();
    void keepsTheNewestUpToCapacity();
    void reportFromAnotherThreadArrivesQueued();
};

void TstEventLog::stampsAndEmits()
{
    ManualClock clock(5000);
    EventLog log(clock);
    QSignalSpy spy(&log, &EventLog::reported);
    log.report(SystemEvent::Severity::Warning, QStringLiteral("device:plc1"),
               QStringLiteral("device.degraded"), QStringLiteral("block 3 timed out"));
    log.report(SystemEvent{1234, SystemEvent::Severity::Info, QStringLiteral("app"),
                           QStringLiteral("plant.loaded"), QString()});
    QCOMPARE(spy.size(), 2);
    const SystemEvent first = spy.at(0).at(0).value<SystemEvent>();
    QCOMPARE(first.timeMs, 5000);
    QCOMPARE(first.severity, SystemEvent::Severity::Warning);
    QCOMPARE(first.kind, QStringLiteral("device.degraded"));
    QCOMPARE(spy.at(1).at(0).value<SystemEvent>().timeMs, 1234); // a given time is kept
}

void TstEventLog::keepsTheNewestUpToCapacity()
{
    ManualClock clock;
    EventLog log(clock, 3);
    for (int i = 0; i < 5; ++i)
        log.report(SystemEvent::Severity::Info, QStringLiteral("t"), QStringLiteral("k"),
                   QString::number(i));
    const QList<SystemEvent> recent = log.recent();
    QCOMPARE(recent.size(), 3);
    QCOMPARE(recent.first().message, QStringLiteral("2"));
    QCOMPARE(recent.last().message, QStringLiteral("4"));
}

void TstEventLog::reportFromAnotherThreadArrivesQueued()
{
    ManualClock clock;
    EventLog log(clock);
    QList<SystemEvent> received;
    QThread *receiverThread = QThread::currentThread();
    bool onReceiverThread = true;
    connect(&log, &EventLog::reported, this, [&](const SystemEvent &e) {
        onReceiverThread = onReceiverThread && QThread::currentThread() == receiverThread;
        received.append(e);
    });
    QThread *worker = QThread::create([&] {
        log.report(SystemEvent::Severity::Error, QStringLiteral("device:x"),
                   QStringLiteral("device.disconnected"), QStringLiteral("refused"));
    });
    worker->start();
    QTRY_COMPARE(received.size(), 1);
    worker->wait();
    delete worker;
    QVERIFY(onReceiverThread);
    QCOMPARE(received.first().message, QStringLiteral("refused"));
}

QTEST_GUILESS_MAIN(TstEventLog)
#include "tst_eventlog.moc"
