// The alarm state model, table-driven: a script of process moves and operator operations on one
// Hi alarm, and the flags and transitions after the last step.

#include "alarmtesting.h"
#include "util/manualclock.h"

#include <QSignalSpy>
#include <QtTest>

using namespace vigil;
using namespace vigil::testing;

class TstAlarmStates : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void transitions_data();
    void transitions();
    void listedAndActionable_data();
    void listedAndActionable();
    void operationsRecordUserCommentAndTime();
    void timedShelveIsCutToTheMaximum();
    void timedShelveExpiryIgnoresWallClockJumps_data();
    void timedShelveExpiryIgnoresWallClockJumps();
    void acknowledgeAllTakesOnlyActionableAlarms();
    void countsByPriority();
};

void TstAlarmStates::initTestCase()
{
    qRegisterMetaType<AlarmTransitionBatch>();
}

void TstAlarmStates::transitions_data()
{
    QTest::addColumn<bool>("latch");
    QTest::addColumn<qint64>("realarmMs");
    QTest::addColumn<QString>("script");
    QTest::addColumn<QString>("flags");
    QTest::addColumn<QString>("lastKinds");

    // hi/lo: the value above/below the limit; waitN: N seconds pass and tick() runs;
    // shelve: one-shot; shelveN: timed for N seconds.
    const qint64 none = 0;
    QTest::newRow("raise") << false << none << "hi"
                           << "A-----"
                           << "raised";
    QTest::newRow("acknowledge active") << false << none << "hi,ack"
                                        << "AK----"
                                        << "acknowledged";
    QTest::newRow("return unacknowledged stays listed") << false << none << "hi,lo"
                                                        << "------"
                                                        << "cleared";
    QTest::newRow("acknowledge after return") << false << none << "hi,lo,ack"
                                              << "-K----"
                                              << "acknowledged";
    QTest::newRow("return after acknowledge") << false << none << "hi,ack,lo"
                                              << "-K----"
                                              << "cleared";
    QTest::newRow("acknowledge normal does nothing") << false << none << "ack"
                                                     << "-K----"
                                                     << "";
    QTest::newRow("acknowledge twice does nothing") << false << none << "hi,ack,ack"
                                                    << "AK----"
                                                    << "";
    QTest::newRow("raise again unacknowledged") << false << none << "hi,lo,hi"
                                                << "A-----"
                                                << "raised";
    QTest::newRow("raise again after acknowledge") << false << none << "hi,ack,lo,hi"
                                                   << "A-----"
                                                   << "raised";
    QTest::newRow("latch holds after return") << true << none << "hi,lo"
                                              << "A----L"
                                              << "latched";
    QTest::newRow("latch reset") << true << none << "hi,lo,reset"
                                 << "------"
                                 << "reset,cleared";
    QTest::newRow("latch reset refused while abnormal") << true << none << "hi,reset"
                                                        << "A-----"
                                                        << "";
    QTest::newRow("latch acknowledged then reset") << true << none << "hi,ack,lo,reset"
                                                   << "-K----"
                                                   << "reset,cleared";
    QTest::newRow("latch condition back") << true << none << "hi,lo,hi"
                                          << "A-----"
                                          << "";
    QTest::newRow("reset without latch does nothing") << false << none << "hi,lo,reset"
                                                      << "------"
                                                      << "";
    QTest::newRow("realarm") << false << qint64(30'000) << "hi,ack,wait60"
                             << "A-----"
                             << "realarmed";
    QTest::newRow("realarm not before its time") << false << qint64(90'000) << "hi,ack,wait60"
                                                 << "AK----"
                                                 << "";
    QTest::newRow("no realarm after return") << false << qint64(30'000) << "hi,ack,lo,wait60"
                                             << "-K----"
                                             << "";
    QTest::newRow("no realarm unacknowledged") << false << qint64(30'000) << "hi,wait60"
                                               << "A-----"
                                               << "";
    QTest::newRow("shelve one-shot") << false << none << "hi,shelve"
                                     << "A-S---"
                                     << "shelved";
    QTest::newRow("one-shot ends with the return") << false << none << "hi,shelve,lo"
                                                   << "------"
                                                   << "cleared,shelveended";
    QTest::newRow("timed shelve expires") << false << none << "hi,shelve30,wait60"
                                          << "A-----"
                                          << "shelveended";
    QTest::newRow("timed shelve outlives the return") << false << none << "hi,shelve120,lo"
                                                      << "--S---"
                                                      << "cleared";
    QTest::newRow("shelved alarm still raises") << false << none << "shelve120,hi"
                                                << "A-S---"
                                                << "raised";
    QTest::newRow("unshelve") << false << none << "hi,shelve,unshelve"
                              << "A-----"
                              << "unshelved";
    QTest::newRow("unshelve unshelved does nothing") << false << none << "hi,unshelve"
                                                     << "A-----"
                                                     << "";
    QTest::newRow("acknowledge shelved") << false << none << "hi,shelve,ack"
                                         << "AKS---"
                                         << "acknowledged";
    QTest::newRow("suppress") << false << none << "hi,suppress"
                              << "A--P--"
                              << "suppressed";
    QTest::newRow("unsuppress") << false << none << "hi,suppress,unsuppress"
                                << "A-----"
                                << "unsuppressed";
    QTest::newRow("suppressed alarm still raises") << false << none << "suppress,hi"
                                                   << "A--P--"
                                                   << "raised";
    QTest::newRow("out of service") << false << none << "hi,oos"
                                    << "A---O-"
                                    << "outofservice";
    QTest::newRow("out of service still tracks") << false << none << "oos,hi"
                                                 << "A---O-"
                                                 << "raised";
    QTest::newRow("back in service") << false << none << "hi,oos,ins"
                                     << "A-----"
                                     << "inservice";
    QTest::newRow("out of service twice does nothing") << false << none << "oos,oos"
                                                       << "-K--O-"
                                                       << "";
}

void TstAlarmStates::transitions()
{
    QFETCH(bool, latch);
    QFETCH(qint64, realarmMs);
    QFETCH(QString, script);
    QFETCH(QString, flags);
    QFETCH(QString, lastKinds);

    AlarmRule hi = rule(AlarmType::Hi, 80.0);
    hi.latch = latch;
    hi.realarmMs = realarmMs;
    ManualClock clock;
    AlarmEngine engine(plant({tag(QStringLiteral("T"), {hi})}), clock);
    const quint32 id = *engine.idOf(QStringLiteral("T/hi"));
    QSignalSpy spy(&engine, &AlarmEngine::transitionsOccurred);

    for (const QString &op : script.split(QLatin1Char(','))) {
        spy.clear();
        if (op == QLatin1String("hi"))
            send(engine, 0, 90.0);
        else if (op == QLatin1String("lo"))
            send(engine, 0, 10.0);
        else if (op == QLatin1String("ack"))
            engine.acknowledge({id}, QStringLiteral("ann"));
        else if (op == QLatin1String("reset"))
            engine.reset(id, QStringLiteral("ann"));
        else if (op == QLatin1String("shelve"))
            engine.shelve(id, QStringLiteral("ann"), QStringLiteral("chattering"), 0);
        else if (op.startsWith(QLatin1String("shelve")))
            engine.shelve(id, QStringLiteral("ann"), QStringLiteral("maintenance"),
                          op.mid(6).toLongLong() * 1000);
        else if (op == QLatin1String("unshelve"))
            engine.unshelve(id, QStringLiteral("ann"));
        else if (op == QLatin1String("suppress"))
            engine.setSuppressed(id, true);
        else if (op == QLatin1String("unsuppress"))
            engine.setSuppressed(id, false);
        else if (op == QLatin1String("oos"))
            engine.setOutOfService(id, true, QStringLiteral("ann"));
        else if (op == QLatin1String("ins"))
            engine.setOutOfService(id, false, QStringLiteral("ann"));
        else if (op.startsWith(QLatin1String("wait"))) {
            clock.advance(op.mid(4).toLongLong() * 1000);
            engine.tick();
        } else
            QFAIL(qPrintable(QStringLiteral("unknown step ") + op));
    }

    QCOMPARE(flagCode(engine.flags(id)), flags);
    QStringList seen;
    for (const QList<QVariant> &args : spy)
        seen += kinds(args.at(0).value<AlarmTransitionBatch>());
    QCOMPARE(seen.join(QLatin1Char(',')), lastKinds);
    QVERIFY(spy.count() <= 1); // one batch per operation
}

void TstAlarmStates::listedAndActionable_data()
{
    QTest::addColumn<QString>("flags");
    QTest::addColumn<bool>("listed");
    QTest::addColumn<bool>("actionable");
    QTest::newRow("normal") << "-K----" << false << false;
    QTest::newRow("active unacknowledged") << "A-----" << true << true;
    QTest::newRow("active acknowledged") << "AK----" << true << true;
    QTest::newRow("returned unacknowledged") << "------" << true << true;
    QTest::newRow("shelved") << "A-S---" << true << false;
    QTest::newRow("suppressed") << "A--P--" << true << false;
    QTest::newRow("out of service") << "A---O-" << true << false;
    QTest::newRow("latched") << "AK---L" << true << true;
}

void TstAlarmStates::listedAndActionable()
{
    QFETCH(QString, flags);
    QFETCH(bool, listed);
    QFETCH(bool, actionable);
    AlarmFlags f;
    f.active = flags[0] == QLatin1Char('A');
    f.acknowledged = flags[1] == QLatin1Char('K');
    f.shelved = flags[2] == QLatin1Char('S');
    f.suppressed = flags[3] == QLatin1Char('P');
    f.outOfService = flags[4] == QLatin1Char('O');
    f.latched = flags[5] == QLatin1Char('L');
    QCOMPARE(f.listed(), listed);
    QCOMPARE(f.actionable(), actionable);
}

void TstAlarmStates::operationsRecordUserCommentAndTime()
{
    ManualClock clock(1'700'000'000'000);
    AlarmEngine engine(plant({tag(QStringLiteral("T"), {rule(AlarmType::Hi, 80.0)})}), clock);
    const quint32 id = *engine.idOf(QStringLiteral("T/hi"));
    QSignalSpy spy(&engine, &AlarmEngine::transitionsOccurred);
    send(engine, 0, 95.0);
    clock.advance(5'000);
    QCOMPARE(engine.acknowledge({id}, QString(), QStringLiteral("checking the valve")), 1);

    const AlarmTransition ack = spy.last().at(0).value<AlarmTransitionBatch>().constFirst();
    QCOMPARE(ack.kind, AlarmTransitionKind::Acknowledged);
    QCOMPARE(ack.user, QStringLiteral("operator"));
    QCOMPARE(ack.comment, QStringLiteral("checking the valve"));
    QCOMPARE(ack.wallTimeMs, qint64(1'700'000'005'000));
    QCOMPARE(ack.value, 95.0);
    QCOMPARE(ack.limit, 80.0);
    QCOMPARE(ack.tagId, QStringLiteral("T"));
    QCOMPARE(ack.priority, AlarmPriority::High);
    QCOMPARE(ack.message, QStringLiteral("hi alarm"));

    const AlarmSnapshot s = engine.snapshot(id);
    QCOMPARE(s.activeTimeMs, qint64(1'700'000'000'000));
    QCOMPARE(s.ackTimeMs, qint64(1'700'000'005'000));
    QCOMPARE(s.ackUser, QStringLiteral("operator"));
    QCOMPARE(s.ackComment, QStringLiteral("checking the valve"));

    engine.shelve(id, QStringLiteral("bob"), QStringLiteral("sensor fouled"), 60'000);
    const AlarmTransition shelve = spy.last().at(0).value<AlarmTransitionBatch>().constFirst();
    QCOMPARE(shelve.user, QStringLiteral("bob"));
    QCOMPARE(shelve.comment, QStringLiteral("sensor fouled"));
    QCOMPARE(shelve.durationMs, qint64(60'000));
    QCOMPARE(engine.snapshot(id).shelveReason, QStringLiteral("sensor fouled"));
    QCOMPARE(engine.snapshot(id).shelveExpiryMs, qint64(1'700'000'065'000));
}

void TstAlarmStates::timedShelveIsCutToTheMaximum()
{
    ManualClock clock;
    AlarmEngineOptions options;
    options.maxShelveMs = 3'600'000;
    AlarmEngine engine(plant({tag(QStringLiteral("T"), {rule(AlarmType::Hi, 80.0)})}), clock,
                       options);
    const quint32 id = *engine.idOf(QStringLiteral("T/hi"));
    send(engine, 0, 95.0);
    QSignalSpy spy(&engine, &AlarmEngine::transitionsOccurred);
    engine.shelve(id, QStringLiteral("bob"), QStringLiteral("all week"), 7 * 24 * 3'600'000LL);
    QCOMPARE(spy.last().at(0).value<AlarmTransitionBatch>().constFirst().durationMs,
             qint64(3'600'000));
    clock.advance(3'600'000);
    engine.tick();
    QVERIFY(!engine.flags(id).shelved);
}

void TstAlarmStates::timedShelveExpiryIgnoresWallClockJumps_data()
{
    QTest::addColumn<qint64>("jumpMs");
    QTest::newRow("back a day") << qint64(-86'400'000);
    QTest::newRow("forward a day") << qint64(86'400'000);
    QTest::newRow("none") << qint64(0);
}

void TstAlarmStates::timedShelveExpiryIgnoresWallClockJumps()
{
    QFETCH(qint64, jumpMs);
    ManualClock clock;
    AlarmEngine engine(plant({tag(QStringLiteral("T"), {rule(AlarmType::Hi, 80.0)})}), clock);
    const quint32 id = *engine.idOf(QStringLiteral("T/hi"));
    send(engine, 0, 95.0);
    engine.shelve(id, QStringLiteral("bob"), QStringLiteral("maintenance"), 600'000);

    clock.advance(100'000);
    clock.setNowMs(clock.nowMs() + jumpMs);
    engine.tick();
    QVERIFY(engine.flags(id).shelved);
    // The shown end moves with the wall clock; the remaining time does not.
    QCOMPARE(engine.snapshot(id).shelveExpiryMs, clock.nowMs() + 500'000);

    clock.advance(499'999);
    engine.tick();
    QVERIFY(engine.flags(id).shelved);
    clock.advance(1);
    engine.tick();
    QVERIFY(!engine.flags(id).shelved);
}

void TstAlarmStates::acknowledgeAllTakesOnlyActionableAlarms()
{
    ManualClock clock;
    AlarmEngine engine(plant({tag(QStringLiteral("A"), {rule(AlarmType::Hi, 80.0)}),
                              tag(QStringLiteral("B"), {rule(AlarmType::Hi, 80.0)}),
                              tag(QStringLiteral("C"), {rule(AlarmType::Hi, 80.0)})}),
                       clock);
    engine.processChanges({change(0, 90.0), change(1, 90.0), change(2, 90.0)});
    const quint32 b = *engine.idOf(QStringLiteral("B/hi"));
    engine.shelve(b, QString(), QStringLiteral("known"), 0);
    QSignalSpy spy(&engine, &AlarmEngine::transitionsOccurred);
    QCOMPARE(engine.acknowledgeAllActionable(QStringLiteral("ann")), 2);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<AlarmTransitionBatch>().size(), qsizetype(2));
    QVERIFY(!engine.flags(b).acknowledged);
}

void TstAlarmStates::countsByPriority()
{
    AlarmRule low = rule(AlarmType::Hi, 80.0);
    low.priority = AlarmPriority::Low;
    AlarmRule critical = rule(AlarmType::HiHi, 90.0);
    critical.priority = AlarmPriority::Critical;
    ManualClock clock;
    AlarmEngine engine(plant({tag(QStringLiteral("T"), {low, critical})}), clock);
    send(engine, 0, 95.0);
    AlarmCounts counts = engine.unacknowledgedCounts();
    QCOMPARE(counts.low, 1);
    QCOMPARE(counts.critical, 1);
    QCOMPARE(counts.total(), 2);
    QCOMPARE(engine.listed().size(), qsizetype(2));
    engine.acknowledge({*engine.idOf(QStringLiteral("T/hihi"))}, QString());
    counts = engine.unacknowledgedCounts();
    QCOMPARE(counts.critical, 0);
    QCOMPARE(counts.total(), 1);
    engine.setOutOfService(*engine.idOf(QStringLiteral("T/hi")), true, QString());
    QCOMPARE(engine.unacknowledgedCounts().total(), 0);
    QCOMPARE(engine.shelvedOrOutOfService().size(), qsizetype(1));
}

QTEST_GUILESS_MAIN(TstAlarmStates)
#include "tst_alarmstates.moc"
