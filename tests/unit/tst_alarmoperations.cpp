// The logged-in user's alarm operations against a real AlarmEngine and a real SecurityService:
// each is posted to the engine's thread (never called across threads), recorded for the user of
// the session, audited, and its result comes back as statusText; without the permission it is
// refused with the reason (and the refusal audited); shelving offers durations up to the
// engine's maximum and needs a reason.

#include "alarmoperations.h"
#include "alarms/annunciator.h"
#include "alarmscreenplant.h"
#include "alarmsound.h"
#include "metatypes.h"
#include "security/session.h"
#include "securitytesting.h"
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
    void acknowledgeIsAudited();
    void refusedWithoutThePermission_data();
    void refusedWithoutThePermission();
    void outOfServiceNeedsAnEngineer();
    void refusalsFollowTheSession();
    void silenceNeedsThePermissionAndIsAudited();
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
    std::unique_ptr<SecurityFixture> m_security;
    std::unique_ptr<Session> m_session;
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
    m_security = std::make_unique<SecurityFixture>();
    QString error;
    QVERIFY2(m_security->start(SecurityOptions(), &error), qPrintable(error));
    m_session = std::make_unique<Session>(SecurityOptions(), m_clock.get());
    m_session->logIn(QStringLiteral("olga"), Role::Engineer);
    m_engine = std::make_unique<AlarmEngine>(alarmScreenPlant(), *m_clock);
    m_ops = std::make_unique<AlarmOperations>(m_engine.get(), AlarmEngineOptions().maxShelveMs,
                                              m_session.get(), m_security->service.get());
    send(*m_engine, kLevel, 97);
    send(*m_engine, kTemp, 5);
}

void TstAlarmOperations::cleanup()
{
    m_ops.reset();
    m_engine.reset();
    m_session.reset();
    m_security.reset();
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
    AlarmOperations ops(m_engine.get(), maxMs, m_session.get(), m_security->service.get());
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
    QCOMPARE(m_ops->userName(), QStringLiteral("olga"));
    m_ops->acknowledge({int(id("LT101/hi")), int(id("LT101/hihi"))}, QStringLiteral("  seen  "));
    // Posted, not run yet: the engine is only ever called on its own thread's event loop.
    QVERIFY(!m_engine->flags(id("LT101/hi")).acknowledged);
    QCOMPARE(result(done), QStringLiteral("2 alarm(s) acknowledged"));
    QCOMPARE(m_ops->statusText(), QStringLiteral("2 alarm(s) acknowledged"));
    const AlarmSnapshot hi = m_engine->snapshot(id("LT101/hi"));
    QVERIFY(hi.flags.acknowledged);
    QCOMPARE(hi.ackUser, QStringLiteral("olga"));
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

void TstAlarmOperations::acknowledgeIsAudited()
{
    QSignalSpy done(m_ops.get(), &AlarmOperations::completed);
    m_ops->acknowledge({int(id("LT101/hi")), int(id("LT101/hihi"))}, QStringLiteral("seen"));
    QCOMPARE(result(done), QStringLiteral("2 alarm(s) acknowledged"));
    AuditRecord row;
    QTRY_VERIFY((row = m_security->lastAudit(QStringLiteral("alarm.acknowledge"))).seq > 0);
    QCOMPARE(row.user, QStringLiteral("olga"));
    QCOMPARE(row.target, QStringLiteral("LT101/hi, LT101/hihi"));
    QCOMPARE(row.detail, QStringLiteral("seen"));
    QCOMPARE(row.result, QStringLiteral("ok"));

    m_ops->shelve(int(id("TT201/lo")), QStringLiteral("known fault"), 600'000);
    QCOMPARE(result(done), QStringLiteral("Alarm shelved"));
    QTRY_VERIFY((row = m_security->lastAudit(QStringLiteral("alarm.shelve"))).seq > 0);
    QCOMPARE(row.target, QStringLiteral("TT201/lo"));
    QVERIFY2(row.detail.startsWith(QStringLiteral("known fault")), qPrintable(row.detail));
}

void TstAlarmOperations::refusedWithoutThePermission_data()
{
    QTest::addColumn<int>("role"); // 0: nobody logged in
    QTest::newRow("nobody") << 0;
    QTest::newRow("viewer") << int(Role::Viewer);
}

void TstAlarmOperations::refusedWithoutThePermission()
{
    QFETCH(int, role);
    m_session->logOut(QStringLiteral("user"));
    if (role != 0)
        m_session->logIn(QStringLiteral("vera"), Role(role));
    QSignalSpy done(m_ops.get(), &AlarmOperations::completed);
    m_ops->acknowledge({int(id("TT201/lo"))}, QStringLiteral("try"));
    QCOMPARE(done.count(), 1);
    QCOMPARE(m_ops->statusText(), QStringLiteral("Log in as an operator to acknowledge"));
    QVERIFY(!m_ops->shelve(int(id("TT201/lo")), QStringLiteral("why"), 0));
    QCOMPARE(m_ops->statusText(), QStringLiteral("Log in as an operator to shelve"));
    m_ops->reset(int(id("TT201/lo")));
    QCOMPARE(m_ops->statusText(), QStringLiteral("Log in as an operator to acknowledge"));
    QCoreApplication::processEvents();
    QVERIFY(!m_engine->flags(id("TT201/lo")).acknowledged);
    QVERIFY(!m_engine->flags(id("TT201/lo")).shelved);
    AuditRecord row;
    QTRY_VERIFY((row = m_security->lastAudit(QStringLiteral("alarm.acknowledge"))).seq > 0);
    QCOMPARE(row.result, QStringLiteral("refused"));
    QCOMPARE(row.user, role != 0 ? QStringLiteral("vera") : QString());
}

void TstAlarmOperations::outOfServiceNeedsAnEngineer()
{
    m_session->logIn(QStringLiteral("otto"), Role::Operator);
    QSignalSpy done(m_ops.get(), &AlarmOperations::completed);
    m_ops->setOutOfService(int(id("P101/digital")), true, QStringLiteral("pump removed"));
    QCOMPARE(m_ops->statusText(),
             QStringLiteral("Log in as an engineer to take alarms out of service"));
    QCoreApplication::processEvents();
    QVERIFY(!m_engine->flags(id("P101/digital")).outOfService);
    // An operator shelves, though.
    QVERIFY(m_ops->shelve(int(id("TT201/lo")), QStringLiteral("why"), 0));
    QCOMPARE(result(done), QStringLiteral("Log in as an engineer to take alarms out of service"));
    QCOMPARE(result(done), QStringLiteral("Alarm shelved"));
    QCOMPARE(m_engine->snapshot(id("TT201/lo")).shelveUser, QStringLiteral("otto"));
}

void TstAlarmOperations::refusalsFollowTheSession()
{
    QSignalSpy changed(m_ops.get(), &AlarmOperations::permissionsChanged);
    QCOMPARE(m_ops->acknowledgeRefusal(), QString());
    QCOMPARE(m_ops->outOfServiceRefusal(), QString());
    m_session->logIn(QStringLiteral("otto"), Role::Operator);
    QVERIFY(!changed.isEmpty());
    QCOMPARE(m_ops->acknowledgeRefusal(), QString());
    QCOMPARE(m_ops->outOfServiceRefusal(),
             QStringLiteral("Log in as an engineer to take alarms out of service"));
    m_session->logOut(QStringLiteral("user"));
    QCOMPARE(m_ops->acknowledgeRefusal(), QStringLiteral("Log in as an operator to acknowledge"));
    QCOMPARE(m_ops->silenceRefusal(), QStringLiteral("Log in as an operator to silence"));
    QCOMPARE(m_ops->userName(), QString());
}

void TstAlarmOperations::silenceNeedsThePermissionAndIsAudited()
{
    Annunciator annunciator(*m_clock);
    AlarmSound sound(annunciator);
    m_session->logOut(QStringLiteral("user"));
    m_ops->silence(&sound);
    QCOMPARE(m_ops->statusText(), QStringLiteral("Log in as an operator to silence"));
    m_session->logIn(QStringLiteral("otto"), Role::Operator);
    m_ops->silence(&sound);
    QCOMPARE(m_ops->statusText(), QStringLiteral("Nothing to silence"));
    AuditRecord row;
    QTRY_VERIFY((row = m_security->lastAudit(QStringLiteral("alarm.silence"))).seq > 0);
    QCOMPARE(row.user, QStringLiteral("otto"));
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
    QCOMPARE(s.shelveUser, QStringLiteral("olga"));
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
    QCOMPARE(m_engine->snapshot(id("P101/digital")).outOfServiceUser, QStringLiteral("olga"));
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
