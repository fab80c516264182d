// The annunciator's logic, table-driven and without any sound: a script of alarm transitions,
// silences and time passing, and the tone, the silence and every play it asked for.

#include "alarms/annunciator.h"
#include "alarmtesting.h"
#include "annunciatorscript.h"
#include "util/manualclock.h"

#include <QSignalSpy>
#include <QtTest>

using namespace vigil;
using namespace vigil::testing;

namespace
{

QString plays(const QSignalSpy &spy)
{
    QStringList out;
    for (const QList<QVariant> &args : spy)
        out.append(alarmToneName(args.at(0).value<AlarmTone>()));
    return out.join(QLatin1Char(' '));
}

AlarmSnapshot snapshot(quint32 id, AlarmPriority priority, const QString &flags)
{
    AlarmSnapshot s;
    s.id = id;
    s.priority = priority;
    s.flags.active = flags[0] == QLatin1Char('A');
    s.flags.acknowledged = flags[1] == QLatin1Char('K');
    s.flags.shelved = flags[2] == QLatin1Char('S');
    s.flags.suppressed = flags[3] == QLatin1Char('P');
    s.flags.outOfService = flags[4] == QLatin1Char('O');
    return s;
}

} // namespace

class TstAnnunciator : public QObject
{
    Q_OBJECT
private slots:
    void script_data();
    void script();
    void repeatsAtItsPriorityInterval_data();
    void repeatsAtItsPriorityInterval();
    void moreUrgentRepeatsFaster();
    void silenceIsNotAcknowledge();
    void signalsOnlyOnChange();
    void seedSoundsRestoredUnacknowledgedAlarms();
    void seedWithNothingUnacknowledgedStaysQuiet();
    void followsTheRealEngine();
};

void TstAnnunciator::script_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<QString>("tone");
    QTest::addColumn<bool>("silenced");
    QTest::addColumn<QString>("plays");

    // Raising sounds the alarm's own priority, at once.
    QTest::newRow("nothing") << ""
                             << "none" << false << "";
    QTest::newRow("raise low") << "raise:1:L"
                               << "low" << false << "low";
    QTest::newRow("raise medium") << "raise:1:M"
                                  << "medium" << false << "medium";
    QTest::newRow("raise high") << "raise:1:H"
                                << "high" << false << "high";
    QTest::newRow("raise critical") << "raise:1:C"
                                    << "critical" << false << "critical";
    // The highest priority present sounds; every new alarm is heard when it comes.
    QTest::newRow("higher takes over") << "raise:1:L raise:2:C"
                                       << "critical" << false << "low critical";
    QTest::newRow("lower does not take over") << "raise:1:C raise:2:L"
                                              << "critical" << false << "critical critical";
    QTest::newRow("one batch plays once") << "raise:1:L+raise:2:H+raise:3:M"
                                          << "high" << false << "high";
    // Silence stops the sound until news; it acknowledges nothing.
    QTest::newRow("silence") << "raise:1:H silence"
                             << "none" << true << "high";
    QTest::newRow("silence with nothing sounding") << "silence"
                                                   << "none" << false << "";
    QTest::newRow("silenced does not repeat") << "raise:1:C silence wait:60000"
                                              << "none" << true << "critical";
    QTest::newRow("new raise after silence") << "raise:1:H silence raise:2:L"
                                             << "high" << false << "high high";
    QTest::newRow("raise again after silence") << "raise:1:H clear:1 silence raise:1:H"
                                               << "high" << false << "high high";
    QTest::newRow("realarm after silence") << "raise:1:H ack:1 raise:2:M silence realarm:1"
                                           << "high" << false << "high medium high";
    QTest::newRow("clear after silence stays silent") << "raise:1:H silence clear:1"
                                                      << "none" << true << "high";
    // Acknowledging removes alarms; when none remain the sound stops and the silence ends.
    QTest::newRow("acknowledge") << "raise:1:H ack:1"
                                 << "none" << false << "high";
    QTest::newRow("acknowledge all") << "raise:1:H raise:2:C ack:1+ack:2"
                                     << "none" << false << "high critical";
    QTest::newRow("acknowledge the highest") << "raise:1:H raise:2:C ack:2"
                                             << "high" << false << "high critical high";
    QTest::newRow("acknowledge a lower one") << "raise:1:H raise:2:C ack:1"
                                             << "critical" << false << "high critical";
    QTest::newRow("acknowledge after silence") << "raise:1:H silence ack:1"
                                               << "none" << false << "high";
    QTest::newRow("acknowledge unknown") << "ack:7"
                                         << "none" << false << "";
    QTest::newRow("returned unacknowledged sounds") << "raise:1:H clear:1"
                                                    << "high" << false << "high";
    QTest::newRow("returned then acknowledged") << "raise:1:H clear:1 ack:1"
                                                << "none" << false << "high";
    QTest::newRow("acknowledged then returned") << "raise:1:H ack:1 clear:1"
                                                << "none" << false << "high";
    // Shelved, suppressed and out-of-service alarms never sound.
    QTest::newRow("shelved raise") << "shelve:1 raise:1:C"
                                   << "none" << false << "";
    QTest::newRow("suppressed raise") << "suppress:1 raise:1:C"
                                      << "none" << false << "";
    QTest::newRow("out of service raise") << "oos:1 raise:1:C"
                                          << "none" << false << "";
    QTest::newRow("shelved realarm") << "raise:1:C ack:1 shelve:1 realarm:1"
                                     << "none" << false << "critical";
    QTest::newRow("shelving stops it") << "raise:1:H shelve:1"
                                       << "none" << false << "high";
    QTest::newRow("suppressing stops it") << "raise:1:H suppress:1"
                                          << "none" << false << "high";
    QTest::newRow("out of service stops it") << "raise:1:H oos:1"
                                             << "none" << false << "high";
    // An active unacknowledged alarm coming back is news; a returned one sounds, silence holds.
    QTest::newRow("shelve ends while active") << "raise:1:H shelve:1 raise:2:L silence shelveend:1"
                                              << "high" << false << "high low high";
    QTest::newRow("unsuppressed while active")
        << "suppress:1 raise:1:C raise:2:L silence unsuppress:1"
        << "critical" << false << "low critical";
    QTest::newRow("back in service while active") << "oos:1 raise:1:M ins:1"
                                                  << "medium" << false << "medium";
    QTest::newRow("unshelved after return, silenced")
        << "raise:1:H shelve:1 clear:1 raise:2:L silence unshelve:1"
        << "none" << true << "high low";
    QTest::newRow("unshelved after return") << "raise:1:H shelve:1 clear:1 unshelve:1"
                                            << "high" << false << "high high";
    QTest::newRow("unshelved acknowledged") << "raise:1:H ack:1 shelve:1 unshelve:1"
                                            << "none" << false << "high";
    // Repeats, on the monotonic clock.
    QTest::newRow("repeat critical") << "raise:1:C wait:1999 wait:1 wait:2000"
                                     << "critical" << false << "critical critical critical";
    QTest::newRow("repeat stops on acknowledge") << "raise:1:C ack:1 wait:10000"
                                                 << "none" << false << "critical";
    QTest::newRow("a stall plays once") << "raise:1:L wait:60000"
                                        << "low" << false << "low low";
    QTest::newRow("new tone restarts the interval") << "raise:1:L wait:14000 raise:2:H wait:1000"
                                                    << "high" << false << "low high";
}

void TstAnnunciator::script()
{
    QFETCH(QString, script);
    QFETCH(QString, tone);
    QFETCH(bool, silenced);
    QFETCH(QString, plays);

    ManualClock clock;
    Annunciator annunciator(clock);
    QSignalSpy played(&annunciator, &Annunciator::playRequested);
    AlarmScript alarms(annunciator, clock);
    const QString error = alarms.run(script);
    QVERIFY2(error.isEmpty(), qPrintable(error));

    QCOMPARE(alarmToneName(annunciator.tone()), tone);
    QCOMPARE(annunciator.sounding(), tone != QLatin1String("none"));
    QCOMPARE(annunciator.silenced(), silenced);
    QCOMPARE(::plays(played), plays);
}

void TstAnnunciator::repeatsAtItsPriorityInterval_data()
{
    QTest::addColumn<QString>("priority");
    QTest::addColumn<qint64>("intervalMs");
    QTest::newRow("low") << "L" << qint64(15'000);
    QTest::newRow("medium") << "M" << qint64(8'000);
    QTest::newRow("high") << "H" << qint64(4'000);
    QTest::newRow("critical") << "C" << qint64(2'000);
}

void TstAnnunciator::repeatsAtItsPriorityInterval()
{
    QFETCH(QString, priority);
    QFETCH(qint64, intervalMs);

    ManualClock clock;
    Annunciator annunciator(clock);
    QSignalSpy played(&annunciator, &Annunciator::playRequested);
    AlarmScript alarms(annunciator, clock);
    QCOMPARE(alarms.run(QStringLiteral("raise:1:") + priority), QString());
    QCOMPARE(Annunciator::repeatIntervalMs(annunciator.tone()), intervalMs);
    QCOMPARE(played.count(), 1);

    for (int repeat = 2; repeat <= 4; ++repeat) {
        clock.advance(intervalMs - 1);
        annunciator.tick();
        QCOMPARE(played.count(), repeat - 1);
        clock.advance(1);
        annunciator.tick();
        QCOMPARE(played.count(), repeat);
    }
    // A wall-clock correction is not time passing.
    clock.setNowMs(clock.nowMs() + 3'600'000);
    annunciator.tick();
    QCOMPARE(played.count(), 4);
}

void TstAnnunciator::moreUrgentRepeatsFaster()
{
    QCOMPARE(Annunciator::repeatIntervalMs(AlarmTone::None), qint64(0));
    QVERIFY(Annunciator::repeatIntervalMs(AlarmTone::Critical) <
            Annunciator::repeatIntervalMs(AlarmTone::High));
    QVERIFY(Annunciator::repeatIntervalMs(AlarmTone::High) <
            Annunciator::repeatIntervalMs(AlarmTone::Medium));
    QVERIFY(Annunciator::repeatIntervalMs(AlarmTone::Medium) <
            Annunciator::repeatIntervalMs(AlarmTone::Low));
}

void TstAnnunciator::silenceIsNotAcknowledge()
{
    ManualClock clock;
    Annunciator annunciator(clock);
    AlarmScript alarms(annunciator, clock);
    QCOMPARE(alarms.run(QStringLiteral("raise:1:C raise:2:L raise:3:L")), QString());
    QVERIFY(annunciator.silence());
    QVERIFY(!annunciator.silence()); // nothing sounds any more
    QCOMPARE(annunciator.count(AlarmPriority::Critical), 1);
    QCOMPARE(annunciator.count(AlarmPriority::Low), 2);
    QCOMPARE(annunciator.count(AlarmPriority::High), 0);
    QCOMPARE(annunciator.total(), 3);
    QCOMPARE(alarms.run(QStringLiteral("ack:1")), QString());
    QCOMPARE(annunciator.total(), 2);
    QVERIFY(annunciator.silenced());
}

void TstAnnunciator::signalsOnlyOnChange()
{
    ManualClock clock;
    Annunciator annunciator(clock);
    QSignalSpy tones(&annunciator, &Annunciator::toneChanged);
    QSignalSpy silences(&annunciator, &Annunciator::silencedChanged);
    AlarmScript alarms(annunciator, clock);

    QCOMPARE(alarms.run(QStringLiteral("raise:1:H raise:2:H raise:3:L")), QString());
    QCOMPARE(tones.count(), 1);
    QCOMPARE(tones.last().at(0).value<AlarmTone>(), AlarmTone::High);
    QCOMPARE(silences.count(), 0);

    QVERIFY(annunciator.silence());
    QCOMPARE(tones.count(), 2);
    QCOMPARE(tones.last().at(0).value<AlarmTone>(), AlarmTone::None);
    QCOMPARE(silences.count(), 1);
    QCOMPARE(silences.last().at(0).toBool(), true);

    QCOMPARE(alarms.run(QStringLiteral("ack:1 ack:2")), QString());
    QCOMPARE(tones.count(), 2);
    QCOMPARE(alarms.run(QStringLiteral("ack:3")), QString());
    QCOMPARE(silences.count(), 2);
    QCOMPARE(silences.last().at(0).toBool(), false);
    QCOMPARE(tones.count(), 2);
}

void TstAnnunciator::seedSoundsRestoredUnacknowledgedAlarms()
{
    ManualClock clock;
    Annunciator annunciator(clock);
    QSignalSpy played(&annunciator, &Annunciator::playRequested);
    annunciator.seed({
        snapshot(1, AlarmPriority::Critical, QStringLiteral("AK---")), // acknowledged
        snapshot(2, AlarmPriority::Critical, QStringLiteral("A-S--")), // shelved
        snapshot(3, AlarmPriority::Critical, QStringLiteral("A--P-")), // suppressed
        snapshot(4, AlarmPriority::Critical, QStringLiteral("A---O")), // out of service
        snapshot(5, AlarmPriority::Medium, QStringLiteral("-----")),   // returned, unacknowledged
        snapshot(6, AlarmPriority::High, QStringLiteral("A----")),
    });
    QCOMPARE(annunciator.tone(), AlarmTone::High);
    QCOMPARE(annunciator.total(), 2);
    QCOMPARE(annunciator.count(AlarmPriority::Medium), 1);
    QCOMPARE(::plays(played), QStringLiteral("high"));

    // The seeded alarms are the ones later transitions act on.
    AlarmScript alarms(annunciator, clock);
    QCOMPARE(alarms.run(QStringLiteral("ack:6")), QString());
    QCOMPARE(annunciator.tone(), AlarmTone::Medium);
    AlarmTransition ack;
    ack.alarmId = 5;
    ack.kind = AlarmTransitionKind::Acknowledged;
    ack.priority = AlarmPriority::Medium;
    annunciator.apply({ack});
    QCOMPARE(annunciator.tone(), AlarmTone::None);
    QCOMPARE(annunciator.total(), 0);
}

void TstAnnunciator::seedWithNothingUnacknowledgedStaysQuiet()
{
    ManualClock clock;
    Annunciator annunciator(clock);
    QSignalSpy played(&annunciator, &Annunciator::playRequested);
    annunciator.seed({snapshot(1, AlarmPriority::Critical, QStringLiteral("AK---"))});
    annunciator.seed({});
    QCOMPARE(annunciator.tone(), AlarmTone::None);
    QCOMPARE(played.count(), 0);
}

// The engine's own transitions: the flags it reports are what the annunciator goes by.
void TstAnnunciator::followsTheRealEngine()
{
    AlarmRule low = rule(AlarmType::Hi, 80.0);
    low.priority = AlarmPriority::Low;
    AlarmRule critical = rule(AlarmType::HiHi, 90.0);
    critical.priority = AlarmPriority::Critical;
    ManualClock clock;
    AlarmEngine engine(plant({tag(QStringLiteral("T"), {low, critical})}), clock);
    Annunciator annunciator(clock);
    QObject::connect(&engine, &AlarmEngine::transitionsOccurred, &annunciator, &Annunciator::apply);
    QSignalSpy played(&annunciator, &Annunciator::playRequested);
    const quint32 hi = *engine.idOf(QStringLiteral("T/hi"));
    const quint32 hihi = *engine.idOf(QStringLiteral("T/hihi"));

    send(engine, 0, 85.0);
    QCOMPARE(annunciator.tone(), AlarmTone::Low);
    send(engine, 0, 95.0);
    QCOMPARE(annunciator.tone(), AlarmTone::Critical);
    QVERIFY(annunciator.silence());
    engine.shelve(hihi, QString(), QStringLiteral("instrument fault"), 60'000);
    QCOMPARE(annunciator.tone(), AlarmTone::None);
    QVERIFY(annunciator.silenced());
    QCOMPARE(annunciator.total(), 1);

    // The timed shelve expires with the value still above HiHi: heard again.
    clock.advance(60'000);
    engine.tick();
    QCOMPARE(annunciator.tone(), AlarmTone::Critical);
    QVERIFY(!annunciator.silenced());
    QCOMPARE(engine.acknowledgeAllActionable(QString()), 2);
    QCOMPARE(annunciator.tone(), AlarmTone::None);
    QCOMPARE(::plays(played), QStringLiteral("low critical critical"));
    QVERIFY(!engine.flags(hi).shelved);
}

QTEST_GUILESS_MAIN(TstAnnunciator)
#include "tst_annunciator.moc"
