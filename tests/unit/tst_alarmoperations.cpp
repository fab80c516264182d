// The operator's alarm operations against a real AlarmEngine: each is posted to the engine's
// thread (never called across threads), recorded for "operator", and its result comes back as
// statusText; shelving offers durations up to the engine's maximum and needs a reason.

#include "alarmoperations.h"
#include "alarmscreenplant.h"
#include "metatypes.h"
#include "util/manualclock.h"

#include <QSignalSpy>
#include <QThread>
#include <QtTest>

using namespace vigil;
using namespace vigil::testing;

class TstAlarmOperations : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();

    void shelveChoicesFollowTheEngineMaximum_data();
    void shelveChoicesFollowTheEngineMaximum();
    void acknowledgeRecordsTheUserAndComment();
    void acknowledgeNothing();
    void shelveNeedsAReason();
    void shelveIsCutToTheMaximum();
    void unshelve();
    void outOfServiceAndBack();
    void resetOnlyALatchedAlarm();
    void operationsRunOnTheEngineThread();

private:
    // Waits for the operation's result and returns it.
    QString result(QSignalSpy &spy);
    quint32 id(const char *key) const { return alarmId(*m_engine, QString::fromLatin1(key)); }

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<AlarmEngine> m_engine;
    std::unique_ptr<AlarmOperations> m_ops;
};

void TstAlarmOperations::initTestCase()
{
    registerCoreMetaTypes();
}

void TstAlarmOperations::init()
{
    m_clock = std::make_unique<ManualClock>();
    m_engine = std::make_unique<AlarmEngine>(alarmScreenPlant(), *m_clock);
    m_ops = std::make_unique<AlarmOperations>(m_engine.get(), AlarmEngineOptions().maxShelveMs);
    send(*m_engine, kLevel, 97);
    send(*m_engine, kTemp, 5);
}

void TstAlarmOperations::cleanup()
{
    m_ops.reset();
    m_engine.reset();
}

QString TstAlarmOperations::result(QSignalSpy &spy)
{
    if (spy.isEmpty() && !spy.wait(5000))
        return QStringLiteral("<no result>");
    return spy.takeFirst().at(0).toString();
}

void TstAlarmOperations::shelveChoicesFollowTheEngineMaximum_data()
{
    QTest::addColumn<qint64>("maxMs");
    QTest::addColumn<QStringList>("texts");
    QTest::addColumn<QList<double>>("ms");
    const QString oneShot = QStringLiteral("Until it returns to normal");
    QTest::newRow("8 h") << qint64(8 * 3'600'000) << QStringList{oneShot, "10 min", "1 h", "8 h"}
                         << QList<double>{0, 600'000, 3'600'000, 28'800'000};
    QTest::newRow("2 h") << qint64(2 * 3'600'000)
                         << QStringList{oneShot, "10 min", "1 h", "2 h (longest allowed)"}
                         << QList<double>{0, 600'000, 3'600'000, 7'200'000};
    QTest::newRow("1 h") << qint64(3'600'000) << QStringList{oneShot, "10 min", "1 h"}
                         << QList<double>{0, 600'000, 3'600'000};
    QTest::newRow("5 min") << qint64(300'000) << QStringList{oneShot, "5 min (longest allowed)"}
                           << QList<double>{0, 300'000};
}

void TstAlarmOperations::shelveChoicesFollowTheEngineMaximum()
{
    QFETCH(qint64, maxMs);
    QFETCH(QStringList, texts);
    QFETCH(QList<double>, ms);
    AlarmOperations ops(m_engine.get(), maxMs);
    QStringList gotTexts;
    QList<double> gotMs;
    for (const QVariant &v : ops.shelveChoices()) {
        gotTexts.append(v.toMap().value(QStringLiteral("text")).toString());
        gotMs.append(v.toMap().value(QStringLiteral("ms")).toDouble());
    }
    QCOMPARE(gotTexts, texts);
    QCOMPARE(gotMs, ms);
}

void TstAlarmOperations::acknowledgeRecordsTheUserAndComment()
{
    QSignalSpy done(m_ops.get(), &AlarmOperations::completed);
    QCOMPARE(AlarmOperations::userName(), QStringLiteral("operator"));
    m_ops->acknowledge({int(id("LT101/hi")), int(id("LT101/hihi"))}, QStringLiteral("  seen  "));
    // Posted, not run yet: the engine is only ever called on its own thread's event loop.
    QVERIFY(!m_engine->flags(id("LT101/hi")).acknowledged);
    QCOMPARE(result(done), QStringLiteral("2 alarm(s) acknowledged"));
    QCOMPARE(m_ops->statusText(), QStringLiteral("2 alarm(s) acknowledged"));
    const AlarmSnapshot hi = m_engine->snapshot(id("LT101/hi"));
    QVERIFY(hi.flags.acknowledged);
    QCOMPARE(hi.ackUser, QStringLiteral("operator"));
    QCOMPARE(hi.ackComment, QStringLiteral("seen"));
    QCOMPARE(hi.ackTimeMs, m_clock->nowMs());
    QVERIFY(!m_engine->flags(id("TT201/lo")).acknowledged);
}

void TstAlarmOperations::acknowledgeNothing()
{
    QSignalSpy done(m_ops.get(), &AlarmOperations::completed);
    m_ops->acknowledge({}, QString());
    QCOMPARE(result(done), QStringLiteral("Nothing to acknowledge"));
    m_ops->acknowledge({-4}, QString());
    QCOMPARE(result(done), QStringLiteral("Nothing to acknowledge"));
}

void TstAlarmOperations::shelveNeedsAReason()
{
    QSignalSpy done(m_ops.get(), &AlarmOperations::completed);
    QVERIFY(!m_ops->shelve(int(id("TT201/lo")), QStringLiteral("   "), 600'000));
    QCOMPARE(done.count(), 1);
    QCOMPARE(m_ops->statusText(), QStringLiteral("Not shelved: a reason is required"));
    QCoreApplication::processEvents();
    QVERIFY(!m_engine->flags(id("TT201/lo")).shelved);

    done.clear();
    QVERIFY(m_ops->shelve(int(id("TT201/lo")), QStringLiteral("known fault"), 0));
    QCOMPARE(result(done), QStringLiteral("Alarm shelved"));
    const AlarmSnapshot s = m_engine->snapshot(id("TT201/lo"));
    QVERIFY(s.flags.shelved);
    QVERIFY(s.flags.oneShotShelve);
    QCOMPARE(s.shelveUser, QStringLiteral("operator"));
    QCOMPARE(s.shelveReason, QStringLiteral("known fault"));
}

void TstAlarmOperations::shelveIsCutToTheMaximum()
{
    QSignalSpy done(m_ops.get(), &AlarmOperations::completed);
    QVERIFY(m_ops->shelve(int(id("TT201/lo")), QStringLiteral("night"), 24 * 3'600'000.0));
    QCOMPARE(result(done), QStringLiteral("Alarm shelved"));
    QCOMPARE(m_engine->snapshot(id("TT201/lo")).shelveExpiryMs,
             m_clock->nowMs() + AlarmEngineOptions().maxShelveMs);
}

void TstAlarmOperations::unshelve()
{
    QSignalSpy done(m_ops.get(), &AlarmOperations::completed);
    m_ops->unshelve(int(id("TT201/lo")));
    QCOMPARE(result(done), QStringLiteral("The alarm was not shelved"));
    m_ops->shelve(int(id("TT201/lo")), QStringLiteral("why"), 600'000);
    QCOMPARE(result(done), QStringLiteral("Alarm shelved"));
    m_ops->unshelve(int(id("TT201/lo")));
    QCOMPARE(result(done), QStringLiteral("Alarm unshelved"));
    QVERIFY(!m_engine->flags(id("TT201/lo")).shelved);
}

void TstAlarmOperations::outOfServiceAndBack()
{
    QSignalSpy done(m_ops.get(), &AlarmOperations::completed);
    m_ops->setOutOfService(int(id("P101/digital")), true, QStringLiteral("pump removed"));
    QCOMPARE(result(done), QStringLiteral("Alarm taken out of service"));
    QCOMPARE(m_engine->snapshot(id("P101/digital")).outOfServiceUser, QStringLiteral("operator"));
    m_ops->setOutOfService(int(id("P101/digital")), true, QString());
    QCOMPARE(result(done), QStringLiteral("Already out of service"));
    m_ops->setOutOfService(int(id("P101/digital")), false, QString());
    QCOMPARE(result(done), QStringLiteral("Alarm returned to service"));
    m_ops->setOutOfService(int(id("P101/digital")), false, QString());
    QCOMPARE(result(done), QStringLiteral("Already in service"));
    QVERIFY(!m_engine->flags(id("P101/digital")).outOfService);
}

void TstAlarmOperations::resetOnlyALatchedAlarm()
{
    QSignalSpy done(m_ops.get(), &AlarmOperations::completed);
    m_ops->reset(int(id("ESD1/digital")));
    QCOMPARE(result(done), QStringLiteral("Nothing to reset: the alarm is not latched"));
    send(*m_engine, kEstop, 1);
    send(*m_engine, kEstop, 0);
    QVERIFY(m_engine->flags(id("ESD1/digital")).latched);
    m_ops->reset(int(id("ESD1/digital")));
    QCOMPARE(result(done), QStringLiteral("Alarm reset"));
    QVERIFY(!m_engine->flags(id("ESD1/digital")).active);
}

void TstAlarmOperations::operationsRunOnTheEngineThread()
{
    QThread core;
    core.setObjectName(QStringLiteral("core"));
    m_engine->moveToThread(&core);
    core.start();
    std::atomic<QThread *> ranOn{nullptr};
    connect(
        m_engine.get(), &AlarmEngine::transitionsOccurred, m_engine.get(),
        [&ranOn](const AlarmTransitionBatch &) { ranOn = QThread::currentThread(); },
        Qt::DirectConnection);
    QSignalSpy done(m_ops.get(), &AlarmOperations::completed);
    m_ops->acknowledge({int(id("TT201/lo"))}, QStringLiteral("from the GUI"));
    QCOMPARE(result(done), QStringLiteral("1 alarm(s) acknowledged"));
    QCOMPARE(ranOn.load(), &core);
    core.quit();
    core.wait();
    QVERIFY(m_engine->flags(id("TT201/lo")).acknowledged);
}

QTEST_MAIN(TstAlarmOperations)
#include "tst_alarmoperations.moc"
