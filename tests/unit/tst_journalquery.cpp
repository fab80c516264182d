// Journal queries on real SQLite journal.db files (JournalSchema, rows with known figures) through
// the JournalQueryService and its query thread: the alarm history and events filters, keyset
// paging (no duplicates, no gaps, stable while rows are added), the alarm KPIs read from the
// journal, and bad filters refused with a message that names the problem.

#include "journal/journalqueryservice.h"
#include "journalfixture.h"

#include <QFile>
#include <QtTest>

#include <algorithm>
#include <random>

using namespace vigil;
using vigil::testing::JournalAlarmRow;
using vigil::testing::JournalFixture;

namespace
{

constexpr qint64 kT = 1'700'000'000'000;

template<typename T>
T await(QFuture<T> future)
{
    future.waitForFinished();
    return future.result();
}

// The message of the JournalQueryError a future failed with, or "" if it did not fail.
template<typename T>
QString failure(QFuture<T> future)
{
    try {
        future.waitForFinished();
        future.result();
    } catch (const JournalQueryError &e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

QList<qint64> ids(const AlarmHistoryPage &page)
{
    QList<qint64> out;
    for (const AlarmHistoryRow &r : page.rows)
        out.append(r.id);
    return out;
}

// "a3" for alarm transition 3, "e5" for event 5.
QStringList entries(const QList<EventRow> &rows)
{
    QStringList out;
    for (const EventRow &r : rows)
        out.append((r.isAlarm() ? u'a' : u'e') + QString::number(r.id));
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
    void eventsFilters_data();
    void eventsFilters();
    void eventsPageAcrossBothTables();
    void badFiltersAreRefused();
    void missingJournalIsReportedNotCreated();
    void alarmKpisFromTheJournal();

private:
    void fillFilterRows();
    void fillTimeline();
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

void TstJournalQuery::fillTimeline()
{
    // Events e1..e5 and alarm transitions a1..a3; e3, e5 and a1 share one millisecond.
    QCOMPARE(m_db->addEvent(kT + 1000, 0, "device:plc1", "device.connected",
                            "connected to 10.0.0.5:502"),
             1);
    QCOMPARE(m_db->addEvent(kT + 2000, 1, "historian", "historian.degraded", "disk full"), 2);
    QCOMPARE(
        m_db->addEvent(kT + 3000, 2, "device:plc2", "device.disconnected", "connection refused"),
        3);
    QCOMPARE(m_db->addEvent(kT + 4000, 0, "app", "plant.loaded", "plant 'demo'"), 4);
    QCOMPARE(m_db->addEvent(kT + 3000, 1, "device:plc1", "device.degraded", "2 blocks failing"), 5);
    JournalAlarmRow a;
    a.timeMs = kT + 3000;
    a.message = QStringLiteral("Tank level high");
    QCOMPARE(m_db->addAlarm(a), 1);
    a.timeMs = kT + 5000;
    a.kind = QStringLiteral("acknowledged");
    a.comment = QStringLiteral("checked");
    a.user = QStringLiteral("alice");
    QCOMPARE(m_db->addAlarm(a), 2);
    JournalAlarmRow c;
    c.timeMs = kT + 6000;
    c.key = QStringLiteral("dev:plc2/commloss");
    c.tag.clear();
    c.device = QStringLiteral("plc2");
    c.priority = 4;
    c.message = QStringLiteral("Communication lost");
    QCOMPARE(m_db->addAlarm(c), 3);
}

void TstJournalQuery::eventsFilters_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("device");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("alarms");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("everything, newest first, alarms first at equal times")
        << ""
        << ""
        << "" << true << QStringList{"a3", "a2", "e4", "a1", "e5", "e3", "e2", "e1"};
    QTest::newRow("system events only") << ""
                                        << ""
                                        << "" << false << QStringList{"e4", "e5", "e3", "e2", "e1"};
    QTest::newRow("device kinds") << "device."
                                  << ""
                                  << "" << true << QStringList{"e5", "e3", "e1"};
    QTest::newRow("alarm kinds") << "alarm."
                                 << ""
                                 << "" << true << QStringList{"a3", "a2", "a1"};
    QTest::newRow("one alarm transition") << "alarm.ack"
                                          << ""
                                          << "" << true << QStringList{"a2"};
    QTest::newRow("one device") << ""
                                << "plc1"
                                << "" << true << QStringList{"a2", "a1", "e5", "e1"};
    QTest::newRow("device and kind") << "device."
                                     << "plc2"
                                     << "" << true << QStringList{"e3"};
    QTest::newRow("text") << ""
                          << ""
                          << "REFUSED" << true << QStringList{"e3"};
    QTest::newRow("text in alarm comments") << ""
                                            << ""
                                            << "checked" << true << QStringList{"a2"};
    QTest::newRow("unknown kind") << "nothing."
                                  << ""
                                  << "" << true << QStringList{};
}

void TstJournalQuery::eventsFilters()
{
    QFETCH(QString, kind);
    QFETCH(QString, device);
    QFETCH(QString, text);
    QFETCH(bool, alarms);
    QFETCH(QStringList, expected);
    fillTimeline();
    EventFilter f = allEvents();
    f.kindPrefix = kind;
    f.device = device;
    f.text = text;
    f.includeAlarms = alarms;
    const EventPage page = await(m_service->events(f));
    QCOMPARE(entries(page.rows), expected);
    QVERIFY(!page.next);
}

void TstJournalQuery::eventsPageAcrossBothTables()
{
    fillTimeline();
    const QStringList all{"a3", "a2", "e4", "a1", "e5", "e3", "e2", "e1"};
    for (int size = 1; size <= 4; ++size) {
        EventFilter f = allEvents();
        f.pageSize = size;
        QList<EventRow> seen;
        for (;;) {
            const EventPage page = await(m_service->events(f));
            seen += page.rows;
            if (!page.next)
                break;
            f.after = page.next;
        }
        QCOMPARE(entries(seen), all);
    }
    const EventPage page = await(m_service->events(allEvents()));
    const EventRow &alarm = page.rows[1];
    QCOMPARE(alarm.kind, QStringLiteral("alarm.acknowledged"));
    QCOMPARE(alarm.priority, 2);
    QCOMPARE(alarm.device, QStringLiteral("plc1"));
    QCOMPARE(alarm.tag, QStringLiteral("LEVEL"));
    QCOMPARE(alarm.user, QStringLiteral("alice"));
    QCOMPARE(alarm.comment, QStringLiteral("checked"));
    const EventRow &event = page.rows[5];
    QCOMPARE(event.kind, QStringLiteral("device.disconnected"));
    QCOMPARE(event.severity, 2);
    QCOMPARE(event.source, QStringLiteral("device:plc2"));
    QCOMPARE(event.device, QStringLiteral("plc2"));
    QCOMPARE(event.message, QStringLiteral("connection refused"));
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

void TstJournalQuery::alarmKpisFromTheJournal()
{
    constexpr qint64 t0 = 1'700'000'400'000;
    constexpr qint64 kMin = 60'000;
    constexpr qint64 kHour = 3'600'000;
    const qint64 to = t0 + kHour;
    auto add = [&](const QString &key, qint64 t, const QString &kind, bool active,
                   bool shelved = false) {
        JournalAlarmRow r;
        r.key = key;
        r.tag = key.section(u'/', 0, 0);
        r.message = QStringLiteral("message of ") + key;
        r.timeMs = t;
        r.kind = kind;
        r.active = active;
        r.shelved = shelved;
        QVERIFY(m_db->addAlarm(r) > 0);
    };
    QVERIFY(m_db->begin());
    for (int k = 0; k < 12; ++k) { // 12 raises in window 1, 40 s apart, each gone in 0.5 s
        add("A/hi", t0 + 10 * kMin + k * 40'000, "raised", true);
        add("A/hi", t0 + 10 * kMin + k * 40'000 + 500, "cleared", false);
    }
    for (int k = 0; k < 3; ++k) { // 3 raises within 20 s: chattering
        add("B/hi", t0 + 30 * kMin + k * 10'000, "raised", true);
        add("B/hi", t0 + 30 * kMin + k * 10'000 + 5'000, "cleared", false);
    }
    add("C/lo", t0 - 30 * kHour, "raised", true); // stale, acknowledged since
    add("C/lo", t0 - 29 * kHour, "acknowledged", true);
    add("D/hi", t0 - 30 * kHour, "raised", true); // cleared before the end: not stale
    add("D/hi", t0 - kHour, "cleared", false);
    add("E/hi", t0 - 2 * kHour, "raised", true); // active for 3 h only
    add("F/hi", to - 500, "raised", true);       // fleeting, cleared after the period
    add("F/hi", to + 400, "cleared", false);
    add("G/hi", t0 + 40 * kMin, "raised", true, /*shelved=*/true); // reached nobody
    add("H/hi", t0 - 30 * kHour, "raised", true);                  // stale but shelved
    add("H/hi", t0 - 20 * kHour, "shelved", true, true);
    add("I/hi", t0 - 30 * kHour, "raised", true); // active at the period's end, cleared later
    add("I/hi", to + 2 * kHour, "cleared", false);
    add("J/hi", to + kMin, "raised", true); // after the period
    QVERIFY(m_db->commit());

    const AlarmKpiReport r = await(m_service->alarmKpis(t0, to));
    QCOMPARE(r.alarms, 16); // A 12, B 3, F 1
    QCOMPARE(r.peakPerWindow, 12);
    QCOMPARE(r.peakAtMs, t0 + 17 * kMin + 20'000); // A's 12th raise
    QCOMPARE(r.floods.size(), 1);                  // from A's 10th raise until its 3rd leaves
    QCOMPARE(r.floods[0].startMs, t0 + 16 * kMin);
    QCOMPARE(r.floods[0].endMs, t0 + 21 * kMin + 20'000);
    QCOMPARE(r.recentAlarms, 1);
    QVERIFY(!r.floodNow);
    QCOMPARE(r.badActors.size(), 3);
    QCOMPARE(r.badActors[0].key, QStringLiteral("A/hi"));
    QCOMPARE(r.badActors[0].count, 12);
    QCOMPARE(r.badActors[0].tag, QStringLiteral("A"));
    QCOMPARE(r.badActors[0].message, QStringLiteral("message of A/hi"));
    QCOMPARE(r.badActors[1].key, QStringLiteral("B/hi"));
    QCOMPARE(r.badActors[2].key, QStringLiteral("F/hi"));
    QCOMPARE(r.chattering.size(), 1);
    QCOMPARE(r.chattering[0].key, QStringLiteral("B/hi"));
    QCOMPARE(r.fleeting.size(), 2);
    QCOMPARE(r.fleeting[0].key, QStringLiteral("A/hi"));
    QCOMPARE(r.fleeting[0].count, 12);
    QCOMPARE(r.fleeting[1].key, QStringLiteral("F/hi"));
    QCOMPARE(r.stale.size(), 2);
    QCOMPARE(r.stale[0].key, QStringLiteral("C/lo"));
    QCOMPARE(r.stale[0].timeMs, t0 - 30 * kHour);
    QCOMPARE(r.stale[1].key, QStringLiteral("I/hi"));
}

QTEST_GUILESS_MAIN(TstJournalQuery)
#include "tst_journalquery.moc"
