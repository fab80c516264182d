// Alarm evaluation: every rule type, deadband, delays, rate of change, Bad quality, the engine's
// own conditions (bad quality, communication loss, command failure), and the change-set index.

#include "alarmtesting.h"
#include "util/manualclock.h"

#include <QSignalSpy>
#include <QtTest>

using namespace vigil;
using namespace vigil::testing;

Q_DECLARE_METATYPE(vigil::AlarmType)

class TstAlarmEngine : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void limitsWithDeadband_data();
    void limitsWithDeadband();
    void chatteringWithinDeadbandRaisesOnce();
    void delays_data();
    void delays();
    void deviationFollowsTheSetpoint();
    void rateOfChange();
    void rateOfChangeClearsWhenTheValueStandsStill();
    void badQualityNeverClears();
    void badQualityNeverRaises();
    void badQualityHoldsAPendingOnDelay();
    void badQualityConditionAfterItsDelay();
    void communicationLoss();
    void commandFailure();
    void suppressionByAnotherTag();
    void onlyTheChangedTagsRulesAreEvaluated();
    void oneBatchPerChangeSet();
};

void TstAlarmEngine::initTestCase()
{
    qRegisterMetaType<AlarmTransitionBatch>();
}

void TstAlarmEngine::limitsWithDeadband_data()
{
    QTest::addColumn<AlarmType>("type");
    QTest::addColumn<double>("limit");
    QTest::addColumn<double>("deadband");
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<QString>("active"); // after each value: 1 active, 0 not
    // Raised beyond the limit, cleared at or inside limit -/+ deadband.

    QTest::newRow("hi") << AlarmType::Hi << 80.0 << 5.0 << QList<double>{70, 80, 81, 76, 75, 74}
                        << "001100";
    QTest::newRow("hihi") << AlarmType::HiHi << 95.0 << 0.0 << QList<double>{94, 96, 95, 96}
                          << "0101";
    QTest::newRow("lo") << AlarmType::Lo << 20.0 << 2.0 << QList<double>{30, 20, 19, 21, 22, 23}
                        << "001100";
    QTest::newRow("lolo") << AlarmType::LoLo << 5.0 << 1.0 << QList<double>{6, 4, 5.5, 6.5}
                          << "0110";
    QTest::newRow("negative limits")
        << AlarmType::Lo << -10.0 << 1.0 << QList<double>{0, -11, -9.5, -8.9} << "0110";
}

void TstAlarmEngine::limitsWithDeadband()
{
    QFETCH(AlarmType, type);
    QFETCH(double, limit);
    QFETCH(double, deadband);
    QFETCH(QList<double>, values);
    QFETCH(QString, active);
    ManualClock clock;
    AlarmEngine engine(plant({tag(QStringLiteral("T"), {rule(type, limit, deadband)})}), clock);
    QString seen;
    for (double v : values) {
        send(engine, 0, v);
        seen += engine.flags(0).active ? QLatin1Char('1') : QLatin1Char('0');
    }
    QCOMPARE(seen, active);
}

void TstAlarmEngine::chatteringWithinDeadbandRaisesOnce()
{
    ManualClock clock;
    AlarmEngine engine(plant({tag(QStringLiteral("T"), {rule(AlarmType::Hi, 80.0, 2.0)})}), clock);
    QSignalSpy spy(&engine, &AlarmEngine::transitionsOccurred);
    for (int i = 0; i < 100; ++i)
        send(engine, 0, i % 2 ? 80.9 : 78.6);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(kinds(spy.at(0).at(0).value<AlarmTransitionBatch>()), QStringList{"raised"});
    send(engine, 0, 77.9);
    QCOMPARE(spy.count(), 2);
    QVERIFY(!engine.flags(0).active);
}

void TstAlarmEngine::delays_data()
{
    QTest::addColumn<qint64>("onDelayMs");
    QTest::addColumn<qint64>("offDelayMs");
    QTest::addColumn<QString>("script"); // value,seconds to wait;... then the expected flag
    QTest::addColumn<QString>("active"); // after each step

    // Each step: "h" (high), "n" (normal), "+N" (N ms pass, tick), "j" (the wall clock jumps back
    // a day, no time passes, tick).
    QTest::newRow("on-delay holds") << qint64(5'000) << qint64(0) << "h,+4999,+1"
                                    << "001";
    QTest::newRow("on-delay cancelled by return") << qint64(5'000) << qint64(0) << "h,+3000,n,+5000"
                                                  << "0000";
    QTest::newRow("on-delay restarts") << qint64(5'000) << qint64(0) << "h,+3000,n,h,+3000,+2000"
                                       << "000001";
    QTest::newRow("off-delay holds") << qint64(0) << qint64(2'000) << "h,n,+1999,+1"
                                     << "1110";
    QTest::newRow("off-delay cancelled") << qint64(0) << qint64(2'000) << "h,n,+1000,h,+5000"
                                         << "11111";
    QTest::newRow("on-delay ignores a wall-clock jump")
        << qint64(5'000) << qint64(0) << "h,j,+4999,+1"
        << "0001";
    QTest::newRow("off-delay ignores a wall-clock jump")
        << qint64(0) << qint64(5'000) << "h,n,j,+4999,+1"
        << "11110";
    QTest::newRow("both") << qint64(1'000) << qint64(1'000) << "h,+1000,n,+999,+1"
                          << "01110";
}

void TstAlarmEngine::delays()
{
    QFETCH(qint64, onDelayMs);
    QFETCH(qint64, offDelayMs);
    QFETCH(QString, script);
    QFETCH(QString, active);
    AlarmRule hi = rule(AlarmType::Hi, 80.0);
    hi.onDelayMs = onDelayMs;
    hi.offDelayMs = offDelayMs;
    ManualClock clock;
    AlarmEngine engine(plant({tag(QStringLiteral("T"), {hi})}), clock);
    QString seen;
    for (const QString &step : script.split(QLatin1Char(','))) {
        if (step == QLatin1String("h"))
            send(engine, 0, 90.0);
        else if (step == QLatin1String("n"))
            send(engine, 0, 50.0);
        else if (step == QLatin1String("j")) {
            clock.setNowMs(clock.nowMs() - 86'400'000);
            engine.tick();
        } else {
            clock.advance(step.mid(1).toLongLong());
            engine.tick();
        }
        seen += engine.flags(0).active ? QLatin1Char('1') : QLatin1Char('0');
    }
    QCOMPARE(seen, active);
}

void TstAlarmEngine::deviationFollowsTheSetpoint()
{
    AlarmRule dev = rule(AlarmType::Deviation, 5.0, 1.0);
    dev.setpointTag = QStringLiteral("SP");
    ManualClock clock;
    AlarmEngine engine(plant({tag(QStringLiteral("PV"), {dev}), tag(QStringLiteral("SP"))}), clock);
    engine.processChanges({change(0, 50.0), change(1, 50.0)});
    QVERIFY(!engine.flags(0).active);
    send(engine, 1, 60.0); // only the setpoint moves
    QVERIFY(engine.flags(0).active);
    send(engine, 0, 55.5); // |55.5 - 60| = 4.5: inside the deadband, still active
    QVERIFY(engine.flags(0).active);
    send(engine, 0, 56.5); // 3.5 < 5 - 1
    QVERIFY(!engine.flags(0).active);
    send(engine, 1, 40.0); // below the pv by more than the limit
    QVERIFY(engine.flags(0).active);
}

void TstAlarmEngine::rateOfChange()
{
    // 2 units per second allowed; samples 1 s apart by source time.
    ManualClock clock;
    AlarmEngine engine(plant({tag(QStringLiteral("T"), {rule(AlarmType::RateOfChange, 2.0, 0.5)})}),
                       clock);
    const qint64 t0 = 1'700'000'000'000;
    send(engine, 0, 10.0, t0);
    QVERIFY(!engine.flags(0).active); // one sample has no rate
    send(engine, 0, 11.5, t0 + 1000);
    QVERIFY(!engine.flags(0).active);
    send(engine, 0, 14.0, t0 + 2000); // 2.5 /s
    QVERIFY(engine.flags(0).active);
    send(engine, 0, 15.8, t0 + 3000); // 1.8 /s: inside the deadband
    QVERIFY(engine.flags(0).active);
    send(engine, 0, 17.0, t0 + 4000); // 1.2 /s
    QVERIFY(!engine.flags(0).active);
    send(engine, 0, 11.0, t0 + 5000); // falling fast counts too
    QVERIFY(engine.flags(0).active);
    send(engine, 0, 12.0, t0 + 5000); // no time passed: no verdict
    QVERIFY(engine.flags(0).active);
    send(engine, 0, 9.5, t0 + 7000); // from 12.0 over 2 s: 1.25 /s
    QVERIFY(!engine.flags(0).active);
}

void TstAlarmEngine::rateOfChangeClearsWhenTheValueStandsStill()
{
    ManualClock clock;
    AlarmEngineOptions options;
    options.rateQuietMs = 2'000;
    AlarmEngine engine(plant({tag(QStringLiteral("T"), {rule(AlarmType::RateOfChange, 2.0)})}),
                       clock, options);
    const qint64 t0 = 1'700'000'000'000;
    send(engine, 0, 10.0, t0);
    send(engine, 0, 20.0, t0 + 1000);
    QVERIFY(engine.flags(0).active);
    clock.advance(1'999);
    engine.tick();
    QVERIFY(engine.flags(0).active);
    clock.advance(1);
    engine.tick();
    QVERIFY(!engine.flags(0).active);
}

void TstAlarmEngine::badQualityNeverClears()
{
    ManualClock clock;
    AlarmEngine engine(plant({tag(QStringLiteral("T"), {rule(AlarmType::Hi, 80.0)})}), clock);
    send(engine, 0, 90.0);
    QVERIFY(engine.flags(0).active);
    QSignalSpy spy(&engine, &AlarmEngine::transitionsOccurred);
    send(engine, 0, 0.0, 0, Quality::CommError);
    send(engine, 0, 0.0, 0, Quality::Bad);
    QVERIFY(engine.flags(0).active);
    QCOMPARE(spy.count(), 0);
    send(engine, 0, 50.0); // good again, and normal: now it clears
    QVERIFY(!engine.flags(0).active);
}

void TstAlarmEngine::badQualityNeverRaises()
{
    AlarmRule dev = rule(AlarmType::Deviation, 5.0);
    dev.setpointTag = QStringLiteral("SP");
    ManualClock clock;
    AlarmEngine engine(plant({tag(QStringLiteral("T"), {rule(AlarmType::Hi, 80.0), dev}),
                              tag(QStringLiteral("SP"))}),
                       clock);
    engine.processChanges({change(0, 50.0), change(1, 50.0)});
    send(engine, 0, 99.0, 0, Quality::Bad);
    QVERIFY(!engine.flags(0).active);
    QVERIFY(!engine.flags(1).active);
    send(engine, 1, 0.0, 0, Quality::NotConnected); // a Bad setpoint gives no deviation either
    send(engine, 0, 60.0);
    QVERIFY(!engine.flags(1).active);
    send(engine, 0, 60.0, 0, Quality::Uncertain); // uncertain is a usable last value
    send(engine, 1, 50.0);
    QVERIFY(engine.flags(1).active);
}

void TstAlarmEngine::badQualityHoldsAPendingOnDelay()
{
    AlarmRule hi = rule(AlarmType::Hi, 80.0);
    hi.onDelayMs = 5'000;
    ManualClock clock;
    AlarmEngine engine(plant({tag(QStringLiteral("T"), {hi})}), clock);
    send(engine, 0, 90.0);
    send(engine, 0, 0.0, 0, Quality::CommError);
    clock.advance(10'000);
    engine.tick();
    QVERIFY(!engine.flags(0).active);
    send(engine, 0, 90.0); // good and still high, the delay long over
    engine.tick();
    QVERIFY(engine.flags(0).active);
}

void TstAlarmEngine::badQualityConditionAfterItsDelay()
{
    ManualClock clock;
    AlarmEngineOptions options;
    options.badQualityDelayMs = 10'000;
    options.badQualityPriority = AlarmPriority::Low;
    AlarmEngine engine(plant({tag(QStringLiteral("T"), {rule(AlarmType::Hi, 80.0)}),
                              tag(QStringLiteral("NOALARMS"))}),
                       clock, options);
    const quint32 bad = *engine.idOf(QStringLiteral("T/badquality"));
    QVERIFY(!engine.idOf(QStringLiteral("NOALARMS/badquality")));
    send(engine, 0, 50.0);
    send(engine, 0, 0.0, 0, Quality::CommError);
    clock.advance(9'999);
    engine.tick();
    QVERIFY(!engine.flags(bad).active);
    clock.advance(1);
    engine.tick();
    QVERIFY(engine.flags(bad).active);
    QCOMPARE(engine.snapshot(bad).priority, AlarmPriority::Low);
    QCOMPARE(engine.snapshot(bad).source, AlarmSource::BadQuality);
    send(engine, 0, 50.0);
    QVERIFY(!engine.flags(bad).active);
    QVERIFY(engine.flags(bad).listed()); // until acknowledged
}

void TstAlarmEngine::communicationLoss()
{
    ManualClock clock;
    AlarmEngine engine(plant({tag(QStringLiteral("T"), {}, QStringLiteral("plc1"))}), clock);
    const quint32 id = *engine.idOf(QStringLiteral("dev:plc1/commloss"));
    QSignalSpy spy(&engine, &AlarmEngine::transitionsOccurred);
    engine.setDeviceConnected(QStringLiteral("plc1"), false, QStringLiteral("timeout"));
    QVERIFY(engine.flags(id).active);
    const AlarmTransition raised = spy.last().at(0).value<AlarmTransitionBatch>().constFirst();
    QCOMPARE(raised.source, AlarmSource::CommLoss);
    QCOMPARE(raised.priority, AlarmPriority::High);
    QCOMPARE(raised.comment, QStringLiteral("timeout"));
    QCOMPARE(engine.snapshot(id).detail, QStringLiteral("timeout"));
    engine.setDeviceConnected(QStringLiteral("plc1"), true);
    QVERIFY(!engine.flags(id).active);
    // A device no tag names still gets its alarm.
    engine.setDeviceConnected(QStringLiteral("gateway"), false, QStringLiteral("refused"));
    QVERIFY(engine.flags(*engine.idOf(QStringLiteral("dev:gateway/commloss"))).active);
}

void TstAlarmEngine::commandFailure()
{
    ManualClock clock;
    AlarmEngine engine(plant({tag(QStringLiteral("VALVE"))}), clock);
    QSignalSpy spy(&engine, &AlarmEngine::transitionsOccurred);
    engine.raiseCommandFailure(0, QStringLiteral("no confirmation within 5 s"), QString());
    const quint32 id = *engine.idOf(QStringLiteral("VALVE/commandfailure"));
    QCOMPARE(flagCode(engine.flags(id)), QStringLiteral("A-----"));
    const AlarmTransition raised = spy.last().at(0).value<AlarmTransitionBatch>().constFirst();
    QCOMPARE(raised.user, QStringLiteral("operator"));
    QCOMPARE(raised.comment, QStringLiteral("no confirmation within 5 s"));
    QCOMPARE(engine.listed().size(), qsizetype(1));
    engine.acknowledge({id}, QStringLiteral("ann"));
    QCOMPARE(kinds(spy.last().at(0).value<AlarmTransitionBatch>()),
             (QStringList{"acknowledged", "cleared"}));
    QCOMPARE(engine.listed().size(), qsizetype(0));
    engine.raiseCommandFailure(7, QStringLiteral("x"), QString()); // unknown tag: ignored
    QCOMPARE(engine.alarmCount(), id + 1);
}

void TstAlarmEngine::suppressionByAnotherTag()
{
    AlarmRule lo = rule(AlarmType::Lo, 10.0);
    lo.suppressionTag = QStringLiteral("RUNNING");
    lo.suppressWhen = false; // low flow is expected while the pump is stopped
    ManualClock clock;
    AlarmEngine engine(plant({tag(QStringLiteral("FLOW"), {lo}), tag(QStringLiteral("RUNNING"))}),
                       clock);
    send(engine, 1, 0.0);
    send(engine, 0, 2.0);
    QCOMPARE(flagCode(engine.flags(0)), QStringLiteral("A--P--"));
    QCOMPARE(engine.unacknowledgedCounts().total(), 0);
    send(engine, 1, 1.0);
    QCOMPARE(flagCode(engine.flags(0)), QStringLiteral("A-----"));
    QCOMPARE(engine.unacknowledgedCounts().total(), 1);
    send(engine, 1, 0.0, 0, Quality::CommError); // unknown: shown rather than hidden
    QVERIFY(!engine.flags(0).suppressed);
}

void TstAlarmEngine::onlyTheChangedTagsRulesAreEvaluated()
{
    AlarmRule dev = rule(AlarmType::Deviation, 5.0);
    dev.setpointTag = QStringLiteral("SP");
    ManualClock clock;
    AlarmEngine engine(
        plant({tag(QStringLiteral("A"), {rule(AlarmType::Hi, 80.0), rule(AlarmType::Lo, 10.0)}),
               tag(QStringLiteral("B"), {rule(AlarmType::Hi, 80.0), dev}),
               tag(QStringLiteral("SP")), tag(QStringLiteral("C"), {rule(AlarmType::Hi, 1.0)})}),
        clock);
    QCOMPARE(engine.rulesEvaluated(), quint64(0));
    send(engine, 0, 50.0);
    QCOMPARE(engine.rulesEvaluated(), quint64(2));
    send(engine, 2, 50.0); // the setpoint: only the deviation rule reads it
    QCOMPARE(engine.rulesEvaluated(), quint64(3));
    engine.processChanges({change(1, 50.0), change(3, 0.0)});
    QCOMPARE(engine.rulesEvaluated(), quint64(6));
    engine.processChanges({});
    engine.tick();
    QCOMPARE(engine.rulesEvaluated(), quint64(6));
}

void TstAlarmEngine::oneBatchPerChangeSet()
{
    std::vector<TagDefinition> tags;
    ChangeSet changes;
    for (quint32 i = 0; i < 5; ++i) {
        tags.push_back(tag(QStringLiteral("T%1").arg(i), {rule(AlarmType::Hi, 80.0)}));
        changes.append(change(i, 90.0));
    }
    ManualClock clock;
    AlarmEngine engine(plant(std::move(tags)), clock);
    QSignalSpy spy(&engine, &AlarmEngine::transitionsOccurred);
    engine.processChanges(changes);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<AlarmTransitionBatch>().size(), qsizetype(5));
    engine.processChanges(changes); // nothing new: no signal
    QCOMPARE(spy.count(), 1);
}

QTEST_GUILESS_MAIN(TstAlarmEngine)
#include "tst_alarmengine.moc"
