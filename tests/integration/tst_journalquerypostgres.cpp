// The journal queries on a real PostgreSQL server (started by the test): the same filters,
// paging and KPI figures as on SQLite, where substring filters need ILIKE to ignore case and
// the escaped wildcards must stay literal.

#include "journalfixture.h"
#include "journalquerytesting.h"
#include "postgresserver.h"

#include <QtTest>

using namespace vigil;
using namespace vigil::testing;

namespace
{

constexpr qint64 kT = 1'700'000'400'000;
constexpr qint64 kMin = 60'000;
constexpr qint64 kHour = 3'600'000;

} // namespace

class TstJournalQueryPostgres : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void alarmHistoryFiltersAndPages();
    void eventsTimeline();
    void alarmKpis();

private:
    AlarmHistoryFilter allAlarms() const;
    QList<qint64> walk(AlarmHistoryFilter f);

    PostgresServer m_server;
    std::unique_ptr<JournalFixture> m_db;
    std::unique_ptr<JournalQueryService> m_service;
};

void TstJournalQueryPostgres::initTestCase()
{
    const QString problem = m_server.start();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_db = std::make_unique<JournalFixture>(m_server.url());
    QVERIFY(m_db->ok());
    QVERIFY(m_db->begin());
    // 30 transitions of LEVEL (priority 1..3), two per millisecond; one TEMP_50% and one
    // TEMPX50 critical raise; 12 raises of B within 2 minutes; C raised 30 h ago, still active.
    for (int i = 0; i < 30; ++i) {
        JournalAlarmRow r;
        r.timeMs = kT + (i / 2);
        r.priority = 1 + i % 3;
        r.comment = i == 7 ? QStringLiteral("Checked The Pump") : QString();
        QVERIFY(m_db->addAlarm(r) > 0);
    }
    for (const QString &tag : {QStringLiteral("TEMP_50%"), QStringLiteral("TEMPX50")}) {
        JournalAlarmRow r;
        r.timeMs = kT + 100;
        r.key = tag + QStringLiteral("/hihi");
        r.tag = tag;
        r.priority = 4;
        QVERIFY(m_db->addAlarm(r) > 0);
    }
    for (int i = 0; i < 12; ++i) {
        JournalAlarmRow r;
        r.timeMs = kT + 10 * kMin + i * 10'000;
        r.key = QStringLiteral("B/hi");
        r.tag = QStringLiteral("B");
        QVERIFY(m_db->addAlarm(r) > 0);
    }
    JournalAlarmRow c;
    c.timeMs = kT - 30 * kHour;
    c.key = QStringLiteral("C/lo");
    c.tag = QStringLiteral("C");
    QVERIFY(m_db->addAlarm(c) > 0);
    QVERIFY(m_db->addEvent(kT + 5, 2, "device:plc1", "device.disconnected", "Timeout") > 0);
    QVERIFY(m_db->addEvent(kT + 6, 0, "historian", "historian.recovered", "ok") > 0);
    QVERIFY(m_db->commit());
    m_service = std::make_unique<JournalQueryService>(m_server.url());
}

void TstJournalQueryPostgres::cleanupTestCase()
{
    m_service.reset();
    m_db.reset();
    m_server.stop();
}

AlarmHistoryFilter TstJournalQueryPostgres::allAlarms() const
{
    AlarmHistoryFilter f;
    f.fromMs = kT;
    f.toMs = kT + kHour;
    return f;
}

// Every id of a listing, page by page.
QList<qint64> TstJournalQueryPostgres::walk(AlarmHistoryFilter f)
{
    QList<qint64> ids;
    for (;;) {
        const AlarmHistoryPage page = await(m_service->alarmHistory(f));
        for (const AlarmHistoryRow &r : page.rows)
            ids.append(r.id);
        if (!page.next)
            return ids;
        f.after = page.next;
    }
}

void TstJournalQueryPostgres::alarmHistoryFiltersAndPages()
{
    AlarmHistoryFilter f = allAlarms();
    f.tag = QStringLiteral("level"); // ILIKE: any case
    QCOMPARE(await(m_service->alarmHistory(f)).rows.size(), 30);
    f.tag = QStringLiteral("TEMP_50");
    const AlarmHistoryPage literal = await(m_service->alarmHistory(f));
    QCOMPARE(literal.rows.size(), 1);
    QCOMPARE(literal.rows[0].tag, QStringLiteral("TEMP_50%"));
    f = allAlarms();
    f.text = QStringLiteral("the pump");
    QCOMPARE(await(m_service->alarmHistory(f)).rows.size(), 1);

    // Pages of 4 give every row once, in order, whatever the filter.
    f = allAlarms();
    f.pageSize = 500;
    const AlarmHistoryPage whole = await(m_service->alarmHistory(f));
    QCOMPARE(whole.rows.size(), 44);
    QVERIFY(!whole.next);
    QList<qint64> all;
    for (const AlarmHistoryRow &r : whole.rows)
        all.append(r.id);
    f.pageSize = 4;
    QCOMPARE(walk(f), all);
    f.priorities = {3};
    const QList<qint64> high = walk(f);
    QCOMPARE(high.size(), 10);
    QVERIFY(std::is_sorted(high.rbegin(), high.rend()));
}

void TstJournalQueryPostgres::eventsTimeline()
{
    EventFilter f;
    f.fromMs = kT;
    f.toMs = kT + 10;
    f.kindPrefix = QStringLiteral("device.");
    EventPage page = await(m_service->events(f));
    QCOMPARE(page.rows.size(), 1);
    QCOMPARE(page.rows[0].device, QStringLiteral("plc1"));
    f.kindPrefix.clear();
    f.text = QStringLiteral("timeout");
    QCOMPARE(await(m_service->events(f)).rows.size(), 1);
    f.text.clear();
    f.pageSize = 3;
    int total = 0;
    for (;;) {
        page = await(m_service->events(f));
        total += int(page.rows.size());
        if (!page.next)
            break;
        f.after = page.next;
    }
    QCOMPARE(total, 2 + 22); // 2 events and the LEVEL rows of kT .. kT + 10 ms (i = 0 .. 21)
}

void TstJournalQueryPostgres::alarmKpis()
{
    const AlarmKpiReport r = await(m_service->alarmKpis(kT, kT + kHour));
    QCOMPARE(r.alarms, 44);        // every row is a raise
    QCOMPARE(r.peakPerWindow, 32); // the 30 LEVEL rows and 2 TEMP rows of the first 100 ms
    QCOMPARE(r.badActors.constFirst().key, QStringLiteral("LEVEL/hi"));
    QCOMPARE(r.badActors.constFirst().count, 30);
    QCOMPARE(r.chattering.size(), 2); // LEVEL and B
    QCOMPARE(r.stale.size(), 1);
    QCOMPARE(r.stale[0].key, QStringLiteral("C/lo"));
    QCOMPARE(r.stale[0].timeMs, kT - 30 * kHour);
}

QTEST_GUILESS_MAIN(TstJournalQueryPostgres)
#include "tst_journalquerypostgres.moc"
