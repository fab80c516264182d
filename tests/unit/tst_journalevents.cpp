// The events timeline and the alarm KPIs read from real SQLite journal.db files (JournalSchema,
// rows with known figures) through the JournalQueryService and its query thread: system events
// and alarm transitions on one timeline filtered by kind, device and text, keyset paging across
// both tables, and each KPI figure of a period read from the journal.

#include "journalfixture.h"
#include "journalquerytesting.h"

#include <QtTest>

using namespace vigil;
using vigil::testing::await;
using vigil::testing::JournalAlarmRow;
using vigil::testing::JournalFixture;

namespace
{

constexpr qint64 kT = 1'700'000'000'000;

// "a3" for alarm transition 3, "e5" for event 5.
QStringList entries(const QList<EventRow> &rows)
{
    QStringList out;
    for (const EventRow &r : rows)
        out.append((r.isAlarm() ? u'a' : u'e') + QString::number(r.id));
    return out;
}

} // namespace

class TstJournalEvents : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void eventsFilters_data();
    void eventsFilters();
    void eventsPageAcrossBothTables();
    void alarmKpisFromTheJournal();

private:
    void fillTimeline();
    EventFilter allEvents() const;

    std::unique_ptr<JournalFixture> m_db;
    std::unique_ptr<JournalQueryService> m_service;
};

void TstJournalEvents::init()
{
    m_service.reset();
    m_db = std::make_unique<JournalFixture>();
    QVERIFY(m_db->ok());
    m_service = std::make_unique<JournalQueryService>(m_db->url());
}

EventFilter TstJournalEvents::allEvents() const
{
    EventFilter f;
    f.fromMs = kT - 3'600'000;
    f.toMs = kT + 3'600'000;
    return f;
}

void TstJournalEvents::fillTimeline()
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

void TstJournalEvents::eventsFilters_data()
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

void TstJournalEvents::eventsFilters()
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

void TstJournalEvents::eventsPageAcrossBothTables()
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

void TstJournalEvents::alarmKpisFromTheJournal()
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

QTEST_GUILESS_MAIN(TstJournalEvents)
#include "tst_journalevents.moc"
