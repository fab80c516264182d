// The alarm KPIs (EEMUA 191) computed from tables of transitions whose figures are worked out
// by hand in the comments: alarm rates in a sliding 10-minute window, floods, chattering,
// fleeting and stale alarms, the bad actors, and the options that name every threshold.

#include "journal/alarmkpicalculator.h"

#include <QtTest>

using namespace vigil;
using Change = AlarmKpiInput::Change;

namespace
{

constexpr qint64 kT0 = 1'700'000'400'000;
constexpr qint64 kMin = 60'000;
constexpr qint64 kHour = 3'600'000;

// Builds an input from short calls: raise("A", t), clear("A", t).
struct Table {
    AlarmKpiInput input;
    int id(const QString &key, int priority = 2)
    {
        return input.alarm(key, key.section(u'/', 0, 0), QStringLiteral("message of ") + key,
                           priority);
    }
    void raise(const QString &key, qint64 t, int priority = 2, bool hidden = false)
    {
        input.addTransition(t, id(key, priority), Change::Raised, hidden);
    }
    void clear(const QString &key, qint64 t) { input.addTransition(t, id(key), Change::Cleared); }
    // `count` raises of `key` spread evenly over [start, start + span).
    void raises(const QString &key, int count, qint64 start, qint64 span)
    {
        for (int i = 0; i < count; ++i)
            raise(key, start + span * i / count);
    }
};

QStringList keys(const QList<AlarmKpiOffender> &list)
{
    QStringList out;
    for (const AlarmKpiOffender &o : list)
        out.append(o.key);
    return out;
}

} // namespace

class TstAlarmKpi : public QObject
{
    Q_OBJECT
private slots:
    void ratesAndFloods();
    void floodThresholdIsInclusive();
    void floodNowLooksAtTheLastTenMinutes();
    void emptyPeriod();
    void chattering_data();
    void chattering();
    void fleeting();
    void stale();
    void badActorsTopTenOrdered();
    void hiddenRaisesAreLeftOut();
    void thresholdsAreOptions();
};

void TstAlarmKpi::ratesAndFloods()
{
    // A: 3 raises at 0, 1 and 2 min; B: 12 raises 30 s apart from 20:00 to 25:30; C: 50:00, 55:00.
    Table t;
    t.raises("A/hi", 3, kT0, 3 * kMin);
    t.raises("B/hi", 12, kT0 + 20 * kMin, 6 * kMin);
    t.raise("C/lo", kT0 + 50 * kMin);
    t.raise("C/lo", kT0 + 55 * kMin);
    const AlarmKpiReport r = AlarmKpiCalculator::compute(t.input, kT0, kT0 + kHour);
    QCOMPARE(r.alarms, 17);
    QCOMPARE(r.averagePerWindow, 17.0 / 6); // 17 alarms over six 10-minute windows
    // B's 10th raise (24:30) starts the flood; its 12th (25:30) is the peak; its first raises
    // leave the window at 30:00 (11), 30:30 (10) and 31:00 (9): the flood ends.
    QCOMPARE(r.peakPerWindow, 12);
    QCOMPARE(r.peakAtMs, kT0 + 25 * kMin + 30'000);
    QCOMPARE(r.floods.size(), 1);
    QCOMPARE(r.floods[0].startMs, kT0 + 24 * kMin + 30'000);
    QCOMPARE(r.floods[0].endMs, kT0 + 31 * kMin);
    QCOMPARE(r.floods[0].peak, 12);
    QCOMPARE(r.floodTimePercent, 100.0 * 390 / 3600); // 6.5 of 60 minutes
    QCOMPARE(r.recentAlarms, 1);                      // (50:00, 60:00] holds only 55:00
    QVERIFY(!r.floodNow);
    QCOMPARE(r.byPriority, (std::array<int, 4>{0, 17, 0, 0}));
}

void TstAlarmKpi::floodThresholdIsInclusive()
{
    // 10 raises one minute apart (20:00 .. 29:00): the 10th reaches the threshold while the
    // first is still in the window, which it leaves at 30:00. Nine would not flood.
    Table t;
    t.raises("A/hi", 10, kT0 + 20 * kMin, 10 * kMin);
    AlarmKpiReport r = AlarmKpiCalculator::compute(t.input, kT0, kT0 + kHour);
    QCOMPARE(r.floods.size(), 1);
    QCOMPARE(r.floods[0].startMs, kT0 + 29 * kMin);
    QCOMPARE(r.floods[0].endMs, kT0 + 30 * kMin);
    QCOMPARE(r.floods[0].peak, 10);
    Table nine;
    nine.raises("A/hi", 9, kT0 + 20 * kMin, 9 * kMin);
    r = AlarmKpiCalculator::compute(nine.input, kT0, kT0 + kHour);
    QVERIFY(r.floods.isEmpty());
    QCOMPARE(r.peakPerWindow, 9);
    QCOMPARE(r.floodTimePercent, 0.0);
}

void TstAlarmKpi::floodNowLooksAtTheLastTenMinutes()
{
    // C at 5:00, A 5 raises from 6:00 (48 s apart), B 5 raises from 10:00; the period ends at
    // 15:00, when C leaves the window: 10 alarms in the last 10 minutes, a flood now, reached
    // by B's 4th raise (12:24) and still going on at the end of the period.
    const qint64 to = kT0 + 15 * kMin;
    Table t;
    t.raise("C/hi", kT0 + 5 * kMin);
    t.raises("A/hi", 5, kT0 + 6 * kMin, 4 * kMin);
    t.raises("B/hi", 5, kT0 + 10 * kMin, 4 * kMin);
    const AlarmKpiReport r = AlarmKpiCalculator::compute(t.input, kT0, to);
    QCOMPARE(r.alarms, 11);
    QCOMPARE(r.recentAlarms, 10);
    QVERIFY(r.floodNow);
    QCOMPARE(r.peakPerWindow, 11);
    QCOMPARE(r.peakAtMs, kT0 + 13 * kMin + 12'000);
    QCOMPARE(r.floods.size(), 1);
    QCOMPARE(r.floods[0].startMs, kT0 + 12 * kMin + 24'000);
    QCOMPARE(r.floods[0].endMs, to);
}

void TstAlarmKpi::emptyPeriod()
{
    const AlarmKpiReport r = AlarmKpiCalculator::compute({}, kT0, kT0 + kHour);
    QCOMPARE(r.alarms, 0);
    QCOMPARE(r.averagePerWindow, 0.0);
    QCOMPARE(r.peakPerWindow, 0);
    QVERIFY(r.floods.isEmpty() && r.badActors.isEmpty() && r.chattering.isEmpty());
    QVERIFY(!r.floodNow);
    QCOMPARE(r.badActorSharePercent, 0.0);
}

void TstAlarmKpi::chattering_data()
{
    QTest::addColumn<QList<qint64>>("offsets"); // raise times, ms after kT0
    QTest::addColumn<int>("worst");             // 0: not chattering
    QTest::addColumn<qint64>("worstStart");
    QTest::newRow("3 within 60 s") << QList<qint64>{0, 20'000, 59'999} << 3 << qint64(0);
    QTest::newRow("3 spanning exactly 60 s") << QList<qint64>{0, 30'000, 60'000} << 0 << qint64(0);
    QTest::newRow("2 only") << QList<qint64>{0, 1'000} << 0 << qint64(0);
    QTest::newRow("4 later in the period")
        << QList<qint64>{0, 100'000, 110'000, 120'000, 130'000} << 4 << qint64(100'000);
    QTest::newRow("3 per minute, spread out")
        << QList<qint64>{0, 70'000, 140'000, 210'000} << 0 << qint64(0);
}

void TstAlarmKpi::chattering()
{
    QFETCH(QList<qint64>, offsets);
    QFETCH(int, worst);
    QFETCH(qint64, worstStart);
    Table t;
    for (qint64 o : offsets) {
        t.raise("A/hi", kT0 + o);
        t.clear("A/hi", kT0 + o + 5'000);
    }
    const AlarmKpiReport r = AlarmKpiCalculator::compute(t.input, kT0, kT0 + kHour);
    if (worst == 0) {
        QVERIFY(r.chattering.isEmpty());
        return;
    }
    QCOMPARE(r.chattering.size(), 1);
    QCOMPARE(r.chattering[0].key, QStringLiteral("A/hi"));
    QCOMPARE(r.chattering[0].tag, QStringLiteral("A"));
    QCOMPARE(r.chattering[0].count, worst);
    QCOMPARE(r.chattering[0].timeMs, kT0 + worstStart);
}

void TstAlarmKpi::fleeting()
{
    const qint64 to = kT0 + kHour;
    Table t;
    t.raise("A/hi", kT0 + kMin); // cleared after exactly 1 s: fleeting
    t.clear("A/hi", kT0 + kMin + 1'000);
    t.raise("A/hi", kT0 + 2 * kMin); // twice
    t.clear("A/hi", kT0 + 2 * kMin + 10);
    t.raise("B/hi", kT0 + kMin); // 1.001 s: not fleeting
    t.clear("B/hi", kT0 + kMin + 1'001);
    t.raise("C/hi", to - 500); // cleared after the period's end, still fleeting
    t.clear("C/hi", to + 300);
    t.raise("D/hi", kT0 - 500); // raised before the period: not counted
    t.clear("D/hi", kT0 + 100);
    t.raise("E/hi", kT0 + kMin); // a second raise before the clear: timed from the second
    t.raise("E/hi", kT0 + kMin + 200);
    t.clear("E/hi", kT0 + kMin + 1'100);
    const AlarmKpiReport r = AlarmKpiCalculator::compute(t.input, kT0, to);
    QCOMPARE(keys(r.fleeting), QStringList({"A/hi", "C/hi", "E/hi"}));
    QCOMPARE(r.fleeting[0].count, 2);
    QCOMPARE(r.fleeting[1].count, 1);
    QCOMPARE(r.fleeting[2].count, 1);
}

void TstAlarmKpi::stale()
{
    const qint64 to = kT0 + 48 * kHour;
    Table t;
    t.input.addActive(t.id("OLD/hi"), to - 24 * kHour - 1);       // active for 24 h + 1 ms
    t.input.addActive(t.id("OLDEST/lo"), to - 40 * kHour);        // 40 h
    t.input.addActive(t.id("DAY/hi"), to - 24 * kHour);           // exactly 24 h: not yet
    t.input.addActive(t.id("NEW/hi"), to - kHour);                // 1 h
    t.input.addActive(t.id("SHELVED/hi"), to - 30 * kHour, true); // hidden from the operator
    const AlarmKpiReport r = AlarmKpiCalculator::compute(t.input, to - kHour, to);
    QCOMPARE(keys(r.stale), QStringList({"OLDEST/lo", "OLD/hi"})); // raised longest ago first
    QCOMPARE(r.stale[0].timeMs, to - 40 * kHour);
    QCOMPARE(r.stale[0].message, QStringLiteral("message of OLDEST/lo"));
}

void TstAlarmKpi::badActorsTopTenOrdered()
{
    // 12 alarms raised 12, 11, ..., 1 times, except K09 and K10: 4 times each.
    Table t;
    int total = 0;
    for (int i = 1; i <= 12; ++i) {
        const int count = (i == 9 || i == 10) ? 4 : 13 - i;
        const QString key = QStringLiteral("K%1/hi").arg(i, 2, 10, QChar(u'0'));
        t.raises(key, count, kT0 + i * kMin, 30'000 * count);
        total += count;
    }
    const AlarmKpiReport r = AlarmKpiCalculator::compute(t.input, kT0, kT0 + 24 * kHour);
    QCOMPARE(r.alarms, total); // 12+11+10+9+8+7+6+5+4+4+2+1 = 79
    QCOMPARE(total, 79);
    // By count, ties by key: K08 (5) then K09, K10 (4 each), then K11 (2) is 11th.
    QCOMPARE(keys(r.badActors), QStringList({"K01/hi", "K02/hi", "K03/hi", "K04/hi", "K05/hi",
                                             "K06/hi", "K07/hi", "K08/hi", "K09/hi", "K10/hi"}));
    QCOMPARE(r.badActors[0].count, 12);
    QCOMPARE(r.badActors[7].count, 5);
    QCOMPARE(r.badActors[9].count, 4);
    QCOMPARE(r.badActors[0].tag, QStringLiteral("K01"));
    QCOMPARE(r.badActorSharePercent, 100.0 * 76 / 79); // all but K11 (2) and K12 (1)
}

void TstAlarmKpi::hiddenRaisesAreLeftOut()
{
    Table t;
    t.raise("A/hi", kT0 + 1'000, 4);
    t.raise("A/hi", kT0 + 2'000, 4, /*hidden=*/true);
    t.raise("A/hi", kT0 + 3'000, 4, true);
    t.raise("B/lo", kT0 + 4'000, 1);
    AlarmKpiReport r = AlarmKpiCalculator::compute(t.input, kT0, kT0 + kHour);
    QCOMPARE(r.alarms, 2);
    QCOMPARE(r.byPriority, (std::array<int, 4>{1, 0, 0, 1}));
    QVERIFY(r.chattering.isEmpty()); // 3 raises within a minute, but two reached nobody
    AlarmKpiOptions all;
    all.countHidden = true;
    r = AlarmKpiCalculator::compute(t.input, kT0, kT0 + kHour, all);
    QCOMPARE(r.alarms, 4);
    QCOMPARE(keys(r.chattering), QStringList({"A/hi"}));
}

void TstAlarmKpi::thresholdsAreOptions()
{
    Table t;
    t.raises("A/hi", 4, kT0, 8'000); // 4 raises 2 s apart, each cleared after 1.5 s
    for (int i = 0; i < 4; ++i)
        t.clear("A/hi", kT0 + i * 2'000 + 1'500);
    t.input.addActive(t.id("B/hi"), kT0 - 2 * kHour);
    AlarmKpiReport r = AlarmKpiCalculator::compute(t.input, kT0, kT0 + kHour);
    QVERIFY(r.floods.isEmpty());
    QVERIFY(r.fleeting.isEmpty());
    QVERIFY(r.stale.isEmpty());
    QCOMPARE(r.chattering.size(), 1);

    AlarmKpiOptions o;
    o.floodAlarmsPerWindow = 4;
    o.fleetingMs = 1'500;
    o.staleMs = 2 * kHour;
    o.chatterActivations = 5;
    o.badActorCount = 0;
    r = AlarmKpiCalculator::compute(t.input, kT0, kT0 + kHour, o);
    QCOMPARE(r.floods.size(), 1);
    QCOMPARE(r.fleeting.size(), 1);
    QCOMPARE(r.fleeting[0].count, 4);
    QCOMPARE(keys(r.stale), QStringList({"B/hi"})); // 3 h > 2 h
    QVERIFY(r.chattering.isEmpty());
    QVERIFY(r.badActors.isEmpty());
    QCOMPARE(AlarmKpiOptions().fleetingMs, AlarmKpiOptions::kFleetingMs);
}

QTEST_GUILESS_MAIN(TstAlarmKpi)
#include "tst_alarmkpi.moc"
