// Alarm history queries on real SQLite journal.db files (JournalSchema, rows with known figures)
// through the JournalQueryService and its query thread: filters, keyset paging (no duplicates, no
// gaps, stable while rows are added), bad filters refused with a message that names the problem,
// and a missing journal reported, never created.

#include "journalfixture.h"
#include "journalquerytesting.h"

#include <QFile>
#include <QtTest>

#include <algorithm>
#include <numeric>
#include <random>

using namespace vigil;
using vigil::testing::await;
using vigil::testing::failure;
using vigil::testing::JournalAlarmRow;
using vigil::testing::JournalFixture;

namespace
{

constexpr qint64 kT = 1'700'000'000'000;

QList<qint64> ids(const AlarmHistoryPage &page)
{
    QList<qint64> out;
    for (const AlarmHistoryRow &r : page.rows)
        out.append(r.id);
    return out;
}

} // namespace

class TstJournalQuery : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void alarmHistoryFilters_data();
    void alarmHistoryFilters();
    void alarmHistoryRowsCarryEverything();
    void alarmHistoryPagesWithoutGapsOrDuplicates();
    void pagingIsStableWhileRowsAreAdded();
    void badFiltersAreRefused();
    void missingJournalIsReportedNotCreated();

private:
    void fillFilterRows();
    AlarmHistoryFilter allAlarms() const;
    EventFilter allEvents() const;

    std::unique_ptr<JournalFixture> m_db;
    std::unique_ptr<JournalQueryService> m_service;
};

void TstJournalQuery::init()
{
    m_service.reset();
    m_db = std::make_unique<JournalFixture>();
    QVERIFY(m_db->ok());
    m_service = std::make_unique<JournalQueryService>(m_db->url());
}

AlarmHistoryFilter TstJournalQuery::allAlarms() const
{
    AlarmHistoryFilter f;
    f.fromMs = kT - 3'600'000;
    f.toMs = kT + 3'600'000;
    return f;
}

EventFilter TstJournalQuery::allEvents() const
{
    EventFilter f;
    f.fromMs = kT - 3'600'000;
    f.toMs = kT + 3'600'000;
    return f;
}

void TstJournalQuery::fillFilterRows()
{
    auto add = [&](qint64 dt, const QString &key, const QString &tag, int priority,
                   const QString &kind, const QString &message, const QString &comment = {}) {
        JournalAlarmRow r;
        r.timeMs = kT + dt;
        r.key = key;
        r.tag = tag;
        r.priority = priority;
        r.kind = kind;
        r.message = message;
        r.comment = comment;
        QCOMPARE(m_db->addAlarm(r) > 0, true);
    };
    add(1000, "LEVEL/hi", "LEVEL", 3, "raised", "Tank level high");                       // 1
    add(2000, "LEVEL/hi", "LEVEL", 3, "acknowledged", "Tank level high", "checked pump"); // 2
    add(3000, "PRESS/lo", "PRESS", 1, "raised", "Air pressure low");                      // 3
    add(4000, "TEMP_50%/hihi", "TEMP_50%", 4, "raised", "Reactor temperature critical");  // 4
    add(5000, "TEMPX50/hi", "TEMPX50", 2, "raised", "Temperature high");                  // 5
    add(6000, "LEVEL/hi", "LEVEL", 3, "cleared", "Tank level high");                      // 6
    add(7000, "dev:plc1/commloss", "", 4, "raised", "Communication lost");                // 7
}

void TstJournalQuery::alarmHistoryFilters_data()
{
    QTest::addColumn<qint64>("from"); // ms after kT
    QTest::addColumn<qint64>("to");
    QTest::addColumn<QList<int>>("priorities");
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<qint64>>("expected"); // ids, newest first
    const QList<int> all;
    QTest::newRow("everything") << qint64(0) << qint64(10'000) << all << ""
                                << "" << QList<qint64>{7, 6, 5, 4, 3, 2, 1};
    QTest::newRow("time range, inclusive") << qint64(2000) << qint64(5000) << all << ""
                                           << "" << QList<qint64>{5, 4, 3, 2};
    QTest::newRow("high and critical") << qint64(0) << qint64(10'000) << QList<int>{3, 4} << ""
                                       << "" << QList<qint64>{7, 6, 4, 2, 1};
    QTest::newRow("tag, any case") << qint64(0) << qint64(10'000) << all << "level"
                                   << "" << QList<qint64>{6, 2, 1};
    QTest::newRow("tag with wildcards taken literally")
        << qint64(0) << qint64(10'000) << all << "TEMP_50"
        << "" << QList<qint64>{4};
    QTest::newRow("percent sign taken literally") << qint64(0) << qint64(10'000) << all << "50%"
                                                  << "" << QList<qint64>{4};
    QTest::newRow("text in the comment") << qint64(0) << qint64(10'000) << all << ""
                                         << "PUMP" << QList<qint64>{2};
    QTest::newRow("text in the message") << qint64(0) << qint64(10'000) << all << ""
                                         << "temperature" << QList<qint64>{5, 4};
    QTest::newRow("all filters together") << qint64(0) << qint64(6500) << QList<int>{3} << "LEV"
                                          << "high" << QList<qint64>{6, 2, 1};
    QTest::newRow("nothing matches") << qint64(0) << qint64(10'000) << QList<int>{1} << "LEVEL"
                                     << "" << QList<qint64>{};
}

void TstJournalQuery::alarmHistoryFilters()
{
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(QList<int>, priorities);
    QFETCH(QString, tag);
    QFETCH(QString, text);
    QFETCH(QList<qint64>, expected);
    fillFilterRows();
    AlarmHistoryFilter f;
    f.fromMs = kT + from;
    f.toMs = kT + to;
    f.priorities = priorities;
    f.tag = tag;
    f.text = text;
    const AlarmHistoryPage page = await(m_service->alarmHistory(f));
    QCOMPARE(ids(page), expected);
    QVERIFY(!page.next);
}

void TstJournalQuery::alarmHistoryRowsCarryEverything()
{
    JournalAlarmRow r;
    r.timeMs = kT;
    r.kind = QStringLiteral("acknowledged");
    r.priority = 4;
    r.active = true;
    r.acknowledged = true;
    r.user = QStringLiteral("alice");
    r.comment = QStringLiteral("valve opened by hand");
    r.value = 93.25;
    r.limit.reset();
    QVERIFY(m_db->addAlarm(r) > 0);
    const AlarmHistoryPage page = await(m_service->alarmHistory(allAlarms()));
    QCOMPARE(page.rows.size(), 1);
    const AlarmHistoryRow &row = page.rows[0];
    QCOMPARE(row.timeMs, kT);
    QCOMPARE(row.alarmKey, QStringLiteral("LEVEL/hi"));
    QCOMPARE(row.tag, QStringLiteral("LEVEL"));
    QCOMPARE(row.device, QStringLiteral("plc1"));
    QCOMPARE(row.source, QStringLiteral("rule"));
    QCOMPARE(row.type, QStringLiteral("hi"));
    QCOMPARE(row.priority, 4);
    QCOMPARE(row.kind, QStringLiteral("acknowledged"));
    QVERIFY(row.flags.active && row.flags.acknowledged && !row.flags.shelved);
    QCOMPARE(row.value, std::optional<double>(93.25));
    QVERIFY(!row.limit);
    QCOMPARE(row.user, QStringLiteral("alice"));
    QCOMPARE(row.comment, QStringLiteral("valve opened by hand"));
    QCOMPARE(row.message, QStringLiteral("Level high"));
}

void TstJournalQuery::alarmHistoryPagesWithoutGapsOrDuplicates()
{
    // 250 rows, three at each millisecond (ties broken by id), written in shuffled time order.
    std::vector<int> order(250);
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), std::mt19937(7));
    struct Written {
        qint64 time;
        qint64 id;
        int priority;
    };
    QList<Written> written;
    QVERIFY(m_db->begin());
    for (int i : order) {
        JournalAlarmRow r;
        r.timeMs = kT + (i / 3);
        r.priority = 1 + i % 4;
        const qint64 id = m_db->addAlarm(r);
        QVERIFY(id > 0);
        written.append({r.timeMs, id, r.priority});
    }
    QVERIFY(m_db->commit());
    std::sort(written.begin(), written.end(), [](const Written &a, const Written &b) {
        return a.time != b.time ? a.time > b.time : a.id > b.id;
    });

    for (const QList<int> &priorities : {QList<int>{}, QList<int>{2, 4}}) {
        QList<qint64> expected;
        for (const Written &w : written) {
            if (priorities.isEmpty() || priorities.contains(w.priority))
                expected.append(w.id);
        }
        AlarmHistoryFilter f = allAlarms();
        f.priorities = priorities;
        f.pageSize = 7;
        QList<qint64> seen;
        int pages = 0;
        for (;;) {
            const AlarmHistoryPage page = await(m_service->alarmHistory(f));
            QVERIFY(page.rows.size() <= 7);
            seen += ids(page);
            ++pages;
            if (!page.next)
                break;
            QCOMPARE(page.rows.size(), 7);
            f.after = page.next;
        }
        QCOMPARE(seen, expected); // in order: nothing twice, nothing skipped
        QCOMPARE(pages, int(expected.size() + 6) / 7);
    }
}

void TstJournalQuery::pagingIsStableWhileRowsAreAdded()
{
    QList<qint64> expected;
    for (int i = 0; i < 30; ++i) {
        JournalAlarmRow r;
        r.timeMs = kT + i * 1000;
        expected.prepend(m_db->addAlarm(r));
    }
    AlarmHistoryFilter f = allAlarms();
    f.pageSize = 10;
    AlarmHistoryPage page = await(m_service->alarmHistory(f));
    QList<qint64> seen = ids(page);
    // New alarms arrive while the operator reads the first page, some at the very time of its
    // last row: the next pages continue where the first stopped.
    for (int i = 0; i < 15; ++i) {
        JournalAlarmRow r;
        r.timeMs = i < 5 ? page.rows.last().timeMs : kT + 100'000 + i;
        QVERIFY(m_db->addAlarm(r) > 0);
    }
    while (page.next) {
        f.after = page.next;
        page = await(m_service->alarmHistory(f));
        seen += ids(page);
    }
    QCOMPARE(seen, expected);
}

void TstJournalQuery::badFiltersAreRefused()
{
    AlarmHistoryFilter f = allAlarms();
    f.fromMs = kT + 1;
    f.toMs = kT;
    QCOMPARE(failure(m_service->alarmHistory(f)),
             QStringLiteral("alarm history filter: the time range ends before it starts: from "
                            "2023-11-14T22:13:20.001Z is after to 2023-11-14T22:13:20.000Z"));
    f = allAlarms();
    f.pageSize = 501;
    QCOMPARE(failure(m_service->alarmHistory(f)),
             QStringLiteral("alarm history filter: page size 501 is outside 1..500"));
    f.pageSize = 0;
    QVERIFY(failure(m_service->alarmHistory(f)).contains(u"page size 0"));
    f = allAlarms();
    f.priorities = {2, 5};
    QCOMPARE(
        failure(m_service->alarmHistory(f)),
        QStringLiteral("alarm history filter: priority 5 is not one of 1 (low) .. 4 (critical)"));
    f = allAlarms();
    f.tag = QString(300, u'x');
    QCOMPARE(failure(m_service->alarmHistory(f)),
             QStringLiteral("alarm history filter: the tag filter has 300 characters, at most 256 "
                            "are allowed"));
    EventFilter e = allEvents();
    e.pageSize = 1000;
    QCOMPARE(failure(m_service->events(e)),
             QStringLiteral("event filter: page size 1000 is outside 1..500"));
    e = allEvents();
    e.toMs = e.fromMs - 1;
    QVERIFY(failure(m_service->events(e)).contains(u"ends before it starts"));
    QVERIFY(failure(m_service->alarmKpis(kT, kT - 1)).contains(u"ends before it starts"));
    // A good filter still works afterwards.
    QCOMPARE(failure(m_service->alarmHistory(allAlarms())), QString());
}

void TstJournalQuery::missingJournalIsReportedNotCreated()
{
    const QString path = m_db->path() + QStringLiteral(".missing");
    JournalQueryService service(QStringLiteral("sqlite:") + path);
    QCOMPARE(failure(service.alarmHistory(allAlarms())),
             QStringLiteral("no journal database yet at ") + path);
    QVERIFY(!QFile::exists(path));
    JournalQueryService malformed(QStringLiteral("mysql://db/journal"));
    QVERIFY(failure(malformed.events(allEvents())).startsWith(u"database_url: "));
}

QTEST_GUILESS_MAIN(TstJournalQuery)
#include "tst_journalquery.moc"
