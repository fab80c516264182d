#include "events/eventlog.h"
#include "historianfixture.h"
#include "history/historian.h"
#include "history/historyreader.h"
#include "historytesting.h"
#include "metatypes.h"
#include "util/manualclock.h"

#include <QSqlQuery>
#include <QtTest>

using namespace vigil;
using vigil::testing::change;
using vigil::testing::makeTags;

// The panel clock against the history: late samples are refused and counted, never re-stamped;
// a clock that was ahead (at boot or while running) and is set back does not push new samples
// to the old future time: the future-dated history is moved aside, new samples are stored at
// their true time and a system event names the jump.
class TstHistorianClock : public QObject, private vigil::testing::HistorianFixture
{
    Q_OBJECT
private slots:
    void initTestCase() { registerCoreMetaTypes(); }
    void init() { QVERIFY(initDir()); }
    void lateSamplesAreRefusedAndCounted();
    void lateTextIsRefusedAndCounted();
    void clockAheadInThePreviousRunDoesNotPoisonThisOne();
    void clockSetBackWhileRunning();

private:
    static constexpr qint64 kYear = 365LL * 24 * 3'600'000;
    HistorySamples raw(const QString &tag, qint64 from, qint64 to);
    QStringList tagNamesLike(const QString &pattern);
    static SystemEvent eventOfKind(const EventLog &events, const QString &kind);
};

HistorySamples TstHistorianClock::raw(const QString &tag, qint64 from, qint64 to)
{
    auto conn = readerConnection();
    HistoryReader reader(conn->database());
    HistorySamples got;
    if (!reader.raw(tag, from, to, got))
        qWarning() << "history read failed:" << reader.lastError();
    return got;
}

QStringList TstHistorianClock::tagNamesLike(const QString &pattern)
{
    auto conn = readerConnection();
    QSqlQuery q(conn->database());
    q.prepare(QStringLiteral("SELECT name FROM tag WHERE name LIKE ? ORDER BY name"));
    q.bindValue(0, pattern);
    QStringList names;
    if (q.exec()) {
        while (q.next())
            names.append(q.value(0).toString());
    }
    return names;
}

SystemEvent TstHistorianClock::eventOfKind(const EventLog &events, const QString &kind)
{
    for (const SystemEvent &e : events.recent()) {
        if (e.kind == kind)
            return e;
    }
    return {};
}

void TstHistorianClock::lateSamplesAreRefusedAndCounted()
{
    ManualClock clock(kT0 + 10'000);
    Historian h(options(), makeTags({QStringLiteral("A")}), clock);
    startAndWait(h);
    h.record({change(0, kT0 + 5000, 1), change(0, kT0 + 1000, 2), change(0, kT0 + 6000, 3)});
    QVERIFY(h.flush());
    QCOMPARE(h.stats().late, 1u);
    QCOMPARE(h.stats().stored, 2u);
    QCOMPARE(raw(QStringLiteral("A"), kT0, kT0 + 10'000),
             HistorySamples({{kT0 + 5000, 1, Quality::Good}, {kT0 + 6000, 3, Quality::Good}}));
}

void TstHistorianClock::lateTextIsRefusedAndCounted()
{
    ManualClock clock(kT0 + 10'000);
    Historian h(options(), makeTags({QStringLiteral("T")}, DataType::String), clock);
    startAndWait(h);
    TagChange first = change(0, kT0 + 5000, 0), late = change(0, kT0 + 1000, 0);
    first.text = QStringLiteral("first");
    late.text = QStringLiteral("late");
    h.record({first, late});
    QVERIFY(h.flush());
    QCOMPARE(h.stats().late, 1u);
    auto conn = readerConnection();
    QSqlQuery q(conn->database());
    QVERIFY(q.exec(QStringLiteral("SELECT time, text FROM text_sample ORDER BY time")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toLongLong(), kT0 + 5000);
    QCOMPARE(q.value(1).toString(), QStringLiteral("first"));
    QVERIFY(!q.next());
}

// Run 1 has a correct clock, run 2 a clock a year ahead, run 3 the correct clock again: run 3's
// samples are stored at their true time and read back for the current range, run 2's are kept
// under a tag of their own, and an event says which jump was seen.
void TstHistorianClock::clockAheadInThePreviousRunDoesNotPoisonThisOne()
{
    const auto tags = makeTags({QStringLiteral("A"), QStringLiteral("B")});
    ManualClock clock(kT0 - 60'000);
    {
        Historian h(options(), tags, clock);
        startAndWait(h);
        h.record({change(0, kT0 - 60'000, 1), change(1, kT0 - 60'000, 1)});
        h.stop();
    }
    clock.setNowMs(kT0 + kYear);
    {
        Historian h(options(), tags, clock);
        startAndWait(h);
        h.record({change(0, kT0 + kYear, 2), change(0, kT0 + kYear + 1000, 3)});
        h.stop();
    }
    clock.setNowMs(kT0);
    EventLog events(clock);
    Historian h(options(), tags, clock, &events);
    startAndWait(h);
    QCOMPARE(h.state(), HistorianState::Recording);
    h.record({change(0, kT0 + 500, 4), change(1, kT0 + 500, 5)});
    QVERIFY(h.flush());
    QCOMPARE(h.stats().late, 0u);
    QCOMPARE(h.stats().stored, 2u);

    QCOMPARE(raw(QStringLiteral("A"), kT0 - 120'000, kT0 + 1000),
             HistorySamples({{kT0 - 60'000, 1, Quality::Good}, {kT0 + 500, 4, Quality::Good}}));
    QCOMPARE(raw(QStringLiteral("B"), kT0 - 120'000, kT0 + 1000),
             HistorySamples({{kT0 - 60'000, 1, Quality::Good}, {kT0 + 500, 5, Quality::Good}}));
    // Nothing of the future run is left under A, it is kept under a tag of its own.
    QVERIFY(raw(QStringLiteral("A"), kT0 + 1000, kT0 + 2 * kYear).isEmpty());
    const QStringList aside = tagNamesLike(QStringLiteral("A@%"));
    QCOMPARE(aside.size(), 1);
    QCOMPARE(
        raw(aside.first(), kT0, kT0 + 2 * kYear),
        HistorySamples({{kT0 + kYear, 2, Quality::Good}, {kT0 + kYear + 1000, 3, Quality::Good}}));
    QVERIFY(tagNamesLike(QStringLiteral("B@%")).isEmpty());

    const SystemEvent jump = eventOfKind(events, QStringLiteral("historian.clockjump"));
    QVERIFY2(jump.message.contains(u"2024-11-13T22:00:01"), qPrintable(jump.message));
    QVERIFY2(jump.message.contains(u"2023-11-14T22:00:00"), qPrintable(jump.message));
    QVERIFY2(jump.message.contains(aside.first()), qPrintable(jump.message));

    // The next start finds nothing ahead of the clock any more.
    h.stop();
    EventLog later(clock);
    Historian again(options(), tags, clock, &later);
    startAndWait(again);
    QCOMPARE(eventOfKind(later, QStringLiteral("historian.clockjump")).kind, QString());
}

// NTP corrects a clock that was a year ahead while the panel runs: the samples stamped after the
// correction are stored at their true time, not at the year-ahead time of the ones before.
void TstHistorianClock::clockSetBackWhileRunning()
{
    ManualClock clock(kT0 + kYear);
    EventLog events(clock);
    Historian h(options(), makeTags({QStringLiteral("A")}), clock, &events);
    startAndWait(h);
    h.record({change(0, kT0 + kYear, 1)});
    QVERIFY(h.flush());
    clock.setNowMs(kT0);
    h.record({change(0, kT0 + 100, 2), change(0, kT0 + 200, 3)});
    QVERIFY(h.flush());
    QCOMPARE(h.stats().late, 0u);
    QCOMPARE(raw(QStringLiteral("A"), kT0, kT0 + 1000),
             HistorySamples({{kT0 + 100, 2, Quality::Good}, {kT0 + 200, 3, Quality::Good}}));
    const SystemEvent jump = eventOfKind(events, QStringLiteral("historian.clockjump"));
    QVERIFY2(jump.message.contains(u"2024-11-13T22:00:00"), qPrintable(jump.message));
    const QStringList aside = tagNamesLike(QStringLiteral("A@%"));
    QCOMPARE(aside.size(), 1);
    QCOMPARE(raw(aside.first(), kT0, kT0 + 2 * kYear),
             HistorySamples({{kT0 + kYear, 1, Quality::Good}}));
}

QTEST_GUILESS_MAIN(TstHistorianClock)
#include "tst_historianclock.moc"
