// The journal writer on a real SQLite file: every kind of alarm transition an engine makes lands
// as one row with its tag, device, value, limit, user and comment; system events land; a
// database that fails is reported once, counted, and catches up when it works again.

#include "alarmtesting.h"
#include "events/eventlog.h"
#include "journal/journal.h"
#include "journaltesting.h"
#include "metatypes.h"
#include "util/manualclock.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;
using namespace vigil::testing;

class TstJournalWriter : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { registerCoreMetaTypes(); }
    void init();
    void everyTransitionKindLandsAsARow();
    void alarmStateFollowsTheTransitions();
    void eventsLand();
    void pendingEventsAreWrittenAtStop();
    void failingDatabaseIsReportedOnceAndCatchesUp();
    void unopenableDatabaseIsReportedNotFatal();

private:
    QString path() const { return m_dir->filePath(QStringLiteral("journal.db")); }
    static int countEvents(const EventLog &log, const QString &kind);
    void runEveryKind(AlarmEngine &engine, ManualClock &clock);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TstJournalWriter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

int TstJournalWriter::countEvents(const EventLog &log, const QString &kind)
{
    const QList<SystemEvent> events = log.recent();
    return int(std::count_if(events.begin(), events.end(),
                             [&](const SystemEvent &e) { return e.kind == kind; }));
}

// Drives one Hi alarm (latching, re-alarm after 60 s) through every transition kind, then loses
// the device.
void TstJournalWriter::runEveryKind(AlarmEngine &engine, ManualClock &clock)
{
    const quint32 hi = *engine.idOf(QStringLiteral("LEVEL/hi"));
    send(engine, 0, 90.0);                                                     // raised
    engine.acknowledge({hi}, QStringLiteral("alice"), QStringLiteral("seen")); // acknowledged
    clock.advance(60'000);
    engine.tick();                                                                // realarmed
    send(engine, 0, 50.0);                                                        // latched
    engine.reset(hi, QStringLiteral("bob"));                                      // reset, cleared
    engine.shelve(hi, QStringLiteral("carol"), QStringLiteral("maintenance"), 0); // shelved
    send(engine, 0, 91.0);                                                        // raised
    send(engine, 0, 49.0);                                                        // latched
    engine.reset(hi, QStringLiteral("bob")); // reset, cleared, shelve ended (one-shot)
    engine.shelve(hi, QStringLiteral("carol"), QStringLiteral("calibration"), 600'000);
    clock.advance(600'000);
    engine.tick(); // shelve ended (timed)
    engine.shelve(hi, QStringLiteral("carol"), QStringLiteral("again"), 0);
    engine.unshelve(hi, QStringLiteral("dave"));
    engine.setSuppressed(hi, true);
    engine.setSuppressed(hi, false);
    engine.setOutOfService(hi, true, QStringLiteral("erin"), QStringLiteral("sensor swap"));
    engine.setOutOfService(hi, false, QStringLiteral("erin"));
    engine.setDeviceConnected(QStringLiteral("plc1"), false, QStringLiteral("timeout"));
}

void TstJournalWriter::everyTransitionKindLandsAsARow()
{
    AlarmRule r = rule(AlarmType::Hi, 80.0);
    r.latch = true;
    r.realarmMs = 60'000;
    r.message = QStringLiteral("Level high");
    ManualClock clock;
    AlarmEngine engine(plant({tag(QStringLiteral("LEVEL"), {r}, QStringLiteral("plc1"))}), clock);
    Journal journal(journalUrl(path()));
    QVERIFY(journal.start().isEmpty());
    connect(&engine, &AlarmEngine::transitionsOccurred, journal.writer(),
            &JournalWriter::recordTransitions, Qt::QueuedConnection);
    QSignalSpy spy(&engine, &AlarmEngine::transitionsOccurred);
    runEveryKind(engine, clock);
    QVERIFY(journal.flush());

    AlarmTransitionBatch all;
    for (const QList<QVariant> &args : spy)
        all.append(args.at(0).value<AlarmTransitionBatch>());
    QStringList kinds;
    for (const AlarmTransition &t : all) {
        if (!kinds.contains(alarmTransitionKindName(t.kind)))
            kinds.append(alarmTransitionKindName(t.kind));
    }
    QCOMPARE(kinds.size(), 13); // every AlarmTransitionKind

    JournalProbe probe(path());
    const QList<QVariantMap> rows =
        probe.rows(QStringLiteral("SELECT * FROM alarm_journal ORDER BY id"));
    QCOMPARE(rows.size(), all.size());
    for (int i = 0; i < rows.size(); ++i) {
        const AlarmTransition &t = all.at(i);
        const QVariantMap &row = rows.at(i);
        const QString where =
            QStringLiteral("row %1 (%2)").arg(i).arg(alarmTransitionKindName(t.kind));
        auto is = [&](const char *column, const QVariant &expected) {
            const QVariant got = row.value(QLatin1String(column));
            if (got == expected || (got.isNull() && expected.isNull()))
                return true;
            qWarning().noquote() << where << column << "is" << got << "expected" << expected;
            return false;
        };
        const bool commLoss = t.source == AlarmSource::CommLoss;
        QVERIFY(is("time_ms", t.wallTimeMs));
        QVERIFY(is("alarm_key", t.key));
        QVERIFY(is("tag", commLoss ? QString() : QStringLiteral("LEVEL")));
        QVERIFY(is("device", QStringLiteral("plc1")));
        QVERIFY(is("source", alarmSourceName(t.source)));
        QVERIFY(is("type", commLoss ? QString() : QStringLiteral("hi")));
        QVERIFY(is("priority", int(t.priority)));
        QVERIFY(is("kind", alarmTransitionKindName(t.kind)));
        QVERIFY(is("active", int(t.flags.active)));
        QVERIFY(is("acknowledged", int(t.flags.acknowledged)));
        QVERIFY(is("shelved", int(t.flags.shelved)));
        QVERIFY(is("suppressed", int(t.flags.suppressed)));
        QVERIFY(is("out_of_service", int(t.flags.outOfService)));
        QVERIFY(is("latched", int(t.flags.latched)));
        QVERIFY(is("value", commLoss ? QVariant() : QVariant(t.value)));
        QVERIFY(is("limit_value", commLoss ? QVariant() : QVariant(80.0)));
        QVERIFY(is("user_name", t.user.isNull() ? QString(QLatin1String("")) : t.user));
        QVERIFY(is("comment", t.comment.isNull() ? QString(QLatin1String("")) : t.comment));
        QVERIFY(is("duration_ms", t.durationMs));
        QVERIFY(is("message", t.message));
    }

    // Spot checks against the script, so the comparison above cannot agree with itself only.
    const auto first = [&](const QString &kind) {
        for (const QVariantMap &row : rows) {
            if (row.value(QStringLiteral("kind")).toString() == kind)
                return row;
        }
        return QVariantMap();
    };
    QCOMPARE(first(QStringLiteral("raised")).value(QStringLiteral("value")).toDouble(), 90.0);
    QCOMPARE(first(QStringLiteral("acknowledged")).value(QStringLiteral("user_name")).toString(),
             QStringLiteral("alice"));
    QCOMPARE(first(QStringLiteral("acknowledged")).value(QStringLiteral("comment")).toString(),
             QStringLiteral("seen"));
    QCOMPARE(first(QStringLiteral("shelved")).value(QStringLiteral("comment")).toString(),
             QStringLiteral("maintenance"));
    QCOMPARE(first(QStringLiteral("outofservice")).value(QStringLiteral("comment")).toString(),
             QStringLiteral("sensor swap"));
    const QVariantMap lost = rows.last();
    QCOMPARE(lost.value(QStringLiteral("alarm_key")).toString(),
             QStringLiteral("dev:plc1/commloss"));
    QCOMPARE(lost.value(QStringLiteral("comment")).toString(), QStringLiteral("timeout"));
    QCOMPARE(journal.stats().transitionsWritten, quint64(all.size()));
}

void TstJournalWriter::alarmStateFollowsTheTransitions()
{
    AlarmRule r = rule(AlarmType::Hi, 80.0);
    ManualClock clock;
    AlarmEngine engine(plant({tag(QStringLiteral("LEVEL"), {r}, QStringLiteral("plc1"))}), clock);
    JournalWriter::Options options;
    options.eventDelayMs = 3'600'000;
    options.retryMs = 3'600'000;
    Journal journal(journalUrl(path()), nullptr, options);
    journal.start();
    connect(&engine, &AlarmEngine::transitionsOccurred, journal.writer(),
            &JournalWriter::recordTransitions, Qt::QueuedConnection);
    const quint32 hi = *engine.idOf(QStringLiteral("LEVEL/hi"));
    send(engine, 0, 90.0);
    clock.advance(1000);
    engine.acknowledge({hi}, QStringLiteral("alice"), QStringLiteral("on it"));
    clock.advance(1000);
    engine.shelve(hi, QStringLiteral("bob"), QStringLiteral("noisy"), 300'000);
    engine.setDeviceConnected(QStringLiteral("plc1"), false, QStringLiteral("refused"));
    // Committed batch by batch, not when somebody flushes or a timer runs out.
    QTRY_COMPARE_WITH_TIMEOUT(journal.stats().transitionsWritten, quint64(4), 5000);

    JournalProbe probe(path());
    const QList<QVariantMap> rows =
        probe.rows(QStringLiteral("SELECT * FROM alarm_state ORDER BY alarm_key"));
    QCOMPARE(rows.size(), 2);
    const QVariantMap &hiRow = rows.at(0);
    const AlarmSnapshot s = engine.snapshot(hi);
    QCOMPARE(hiRow.value(QStringLiteral("alarm_key")).toString(), QStringLiteral("LEVEL/hi"));
    QCOMPARE(hiRow.value(QStringLiteral("active")).toInt(), 1);
    QCOMPARE(hiRow.value(QStringLiteral("acknowledged")).toInt(), 1);
    QCOMPARE(hiRow.value(QStringLiteral("shelved")).toInt(), 1);
    QCOMPARE(hiRow.value(QStringLiteral("one_shot_shelve")).toInt(), 0);
    QCOMPARE(hiRow.value(QStringLiteral("active_ms")).toLongLong(), s.activeTimeMs);
    QCOMPARE(hiRow.value(QStringLiteral("ack_ms")).toLongLong(), s.ackTimeMs);
    QCOMPARE(hiRow.value(QStringLiteral("ack_user")).toString(), QStringLiteral("alice"));
    QCOMPARE(hiRow.value(QStringLiteral("ack_comment")).toString(), QStringLiteral("on it"));
    QCOMPARE(hiRow.value(QStringLiteral("shelve_user")).toString(), QStringLiteral("bob"));
    QCOMPARE(hiRow.value(QStringLiteral("shelve_reason")).toString(), QStringLiteral("noisy"));
    QCOMPARE(hiRow.value(QStringLiteral("shelve_until_ms")).toLongLong(), s.shelveExpiryMs);
    QCOMPARE(hiRow.value(QStringLiteral("value")).toDouble(), 90.0);
    const QVariantMap &lossRow = rows.at(1);
    QCOMPARE(lossRow.value(QStringLiteral("alarm_key")).toString(),
             QStringLiteral("dev:plc1/commloss"));
    QCOMPARE(lossRow.value(QStringLiteral("detail")).toString(), QStringLiteral("refused"));
}

void TstJournalWriter::eventsLand()
{
    ManualClock clock;
    EventLog log(clock);
    Journal journal(journalUrl(path()), &log);
    journal.start();
    log.report(SystemEvent::Severity::Info, QStringLiteral("app"), QStringLiteral("plant.loaded"),
               QStringLiteral("plant 'demo' loaded"));
    clock.advance(5);
    log.report(SystemEvent::Severity::Error, QStringLiteral("device:plc1"),
               QStringLiteral("device.disconnected"), QStringLiteral("connection refused"));
    log.report(SystemEvent::Severity::Warning, QStringLiteral("historian"),
               QStringLiteral("historian.degraded"), QString());
    QTRY_COMPARE_WITH_TIMEOUT(journal.stats().eventsWritten, quint64(3), 5000);

    JournalProbe probe(path());
    const QList<QVariantMap> rows = probe.rows(QStringLiteral("SELECT * FROM event ORDER BY id"));
    QCOMPARE(rows.size(), 3);
    QCOMPARE(rows[0].value(QStringLiteral("time_ms")).toLongLong(), clock.nowMs() - 5);
    QCOMPARE(rows[0].value(QStringLiteral("severity")).toInt(), 0);
    QCOMPARE(rows[0].value(QStringLiteral("source")).toString(), QStringLiteral("app"));
    QCOMPARE(rows[0].value(QStringLiteral("kind")).toString(), QStringLiteral("plant.loaded"));
    QCOMPARE(rows[0].value(QStringLiteral("message")).toString(),
             QStringLiteral("plant 'demo' loaded"));
    QCOMPARE(rows[1].value(QStringLiteral("time_ms")).toLongLong(), clock.nowMs());
    QCOMPARE(rows[1].value(QStringLiteral("severity")).toInt(), 2);
    QCOMPARE(rows[1].value(QStringLiteral("source")).toString(), QStringLiteral("device:plc1"));
    QCOMPARE(rows[2].value(QStringLiteral("severity")).toInt(), 1);
    QCOMPARE(rows[2].value(QStringLiteral("message")).toString(), QString());
}

void TstJournalWriter::pendingEventsAreWrittenAtStop()
{
    ManualClock clock;
    EventLog log(clock);
    JournalWriter::Options options;
    options.eventDelayMs = 3'600'000; // only the stop can write them
    {
        Journal journal(journalUrl(path()), &log, options);
        journal.start();
        log.report(SystemEvent::Severity::Info, QStringLiteral("app"), QStringLiteral("app.stop"),
                   QStringLiteral("closing"));
        QCOMPARE(journal.stats().eventsWritten, quint64(0));
        journal.stop();
    }
    JournalProbe probe(path());
    QCOMPARE(probe.count(QStringLiteral("event")), 1);
}

void TstJournalWriter::failingDatabaseIsReportedOnceAndCatchesUp()
{
    ManualClock clock;
    EventLog log(clock);
    JournalWriter::Options options;
    options.retryMs = 3'600'000; // retries only when the test flushes
    Journal journal(journalUrl(path()), &log, options);
    journal.start();
    AlarmEngine engine(plant({tag(QStringLiteral("LEVEL"), {rule(AlarmType::Hi, 80.0)})}), clock);
    connect(&engine, &AlarmEngine::transitionsOccurred, journal.writer(),
            &JournalWriter::recordTransitions, Qt::QueuedConnection);
    JournalProbe probe(path());
    QVERIFY(probe.exec(QStringLiteral("ALTER TABLE alarm_journal RENAME TO alarm_journal_away")));

    send(engine, 0, 90.0);
    QVERIFY(!journal.flush());
    engine.acknowledge({0}, QStringLiteral("alice"), QStringLiteral("still stored later"));
    QVERIFY(!journal.flush());
    log.report(SystemEvent::Severity::Info, QStringLiteral("app"), QStringLiteral("app.note"),
               QStringLiteral("while failing"));
    QVERIFY(!journal.flush());

    QTRY_COMPARE_WITH_TIMEOUT(countEvents(log, QStringLiteral("journal.failed")), 1, 5000);
    const JournalStats failing = journal.stats();
    QVERIFY(!failing.open);
    QVERIFY2(failing.failure.contains(QStringLiteral("alarm_journal")),
             qPrintable(failing.failure));
    QVERIFY(failing.failedWrites >= 3);
    QCOMPARE(failing.transitionsWritten, quint64(0));
    const QList<SystemEvent> recent = log.recent();
    const auto report = std::find_if(recent.begin(), recent.end(), [](const SystemEvent &e) {
        return e.kind == QStringLiteral("journal.failed");
    });
    QCOMPARE(report->severity, SystemEvent::Severity::Error);
    QVERIFY2(report->message.contains(QStringLiteral("alarm_journal")),
             qPrintable(report->message));

    QVERIFY(probe.exec(QStringLiteral("ALTER TABLE alarm_journal_away RENAME TO alarm_journal")));
    QVERIFY(journal.flush());
    QCOMPARE(countEvents(log, QStringLiteral("journal.failed")), 1);
    QCOMPARE(countEvents(log, QStringLiteral("journal.recovered")), 1);
    QCOMPARE(probe.count(QStringLiteral("alarm_journal")), 2);
    const QList<QVariantMap> state = probe.rows(QStringLiteral("SELECT * FROM alarm_state"));
    QCOMPARE(state.size(), 1);
    QCOMPARE(state[0].value(QStringLiteral("ack_comment")).toString(),
             QStringLiteral("still stored later"));
    // The failure report, the note and the recovery, in the order they happened.
    QTRY_COMPARE_WITH_TIMEOUT(probe.count(QStringLiteral("event")), 3, 5000);
    const QList<QVariantMap> events =
        probe.rows(QStringLiteral("SELECT kind FROM event ORDER BY id"));
    QCOMPARE(events[0].value(QStringLiteral("kind")).toString(), QStringLiteral("journal.failed"));
    QCOMPARE(events[1].value(QStringLiteral("kind")).toString(), QStringLiteral("app.note"));
    QCOMPARE(events[2].value(QStringLiteral("kind")).toString(),
             QStringLiteral("journal.recovered"));
}

void TstJournalWriter::unopenableDatabaseIsReportedNotFatal()
{
    // The database's directory is a regular file: it can never be created.
    QFile blocker(m_dir->filePath(QStringLiteral("blocker")));
    QVERIFY(blocker.open(QIODevice::WriteOnly));
    blocker.close();
    ManualClock clock;
    EventLog log(clock);
    Journal journal(journalUrl(blocker.fileName() + QStringLiteral("/journal.db")), &log);
    QVERIFY(journal.start().isEmpty());
    QVERIFY(journal.isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(countEvents(log, QStringLiteral("journal.failed")), 1, 5000);
    const JournalStats stats = journal.stats();
    QVERIFY(!stats.open);
    QVERIFY2(stats.failure.contains(QStringLiteral("blocker")), qPrintable(stats.failure));
    QVERIFY(!journal.flush());
    QCOMPARE(countEvents(log, QStringLiteral("journal.failed")), 1);
    journal.stop();
}

QTEST_GUILESS_MAIN(TstJournalWriter)
#include "tst_journalwriter.moc"
