// The historian on a real PostgreSQL server started by the test (initdb and pg_ctl in a temporary
// directory, a free port, a unix socket): the same API and results as on SQLite, two panels
// writing one server, another panel reading what a writer has not sealed yet.

#include "events/eventlog.h"
#include "history/historian.h"
#include "history/historyconnection.h"
#include "history/historyreader.h"
#include "history/historyschema.h"
#include "historytesting.h"
#include "metatypes.h"
#include "postgresserver.h"
#include "util/manualclock.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

#include <cmath>

using namespace vigil;
using vigil::testing::change;
using vigil::testing::makeTags;

class TstHistorianPostgres : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase() { m_server.stop(); }
    void schemaIsVersioned();
    void recordsAndQueries();
    void bucketsUseRollups();
    void anotherPanelSeesUnsealedSamples();
    void twoWritersShareTheServer();
    void restartContinuesAndRetentionPurges();
    void refusedRowsAreDroppedAndCounted();

private:
    HistorianOptions options() const
    {
        HistorianOptions o;
        o.url = m_server.url();
        o.flushIntervalMs = 50;
        o.config.heartbeatMs = 0;
        return o;
    }
    std::unique_ptr<HistoryConnection> reader() const
    {
        auto c = std::make_unique<HistoryConnection>(*HistoryUrl::parse(m_server.url()),
                                                     HistoryConnection::Role::Reader);
        QString error;
        if (!c->open(&error))
            qFatal("reader: %s", qPrintable(error));
        return c;
    }

    vigil::testing::PostgresServer m_server;
    static constexpr qint64 kT0 = 1'699'999'200'000; // an hour boundary
};

void TstHistorianPostgres::initTestCase()
{
    registerCoreMetaTypes();
    const QString problem = m_server.start();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void TstHistorianPostgres::schemaIsVersioned()
{
    ManualClock clock(kT0);
    {
        Historian h(options(), makeTags({QStringLiteral("S")}), clock);
        h.start();
        QTRY_COMPARE_WITH_TIMEOUT(h.state(), HistorianState::Recording, 10000);
    }
    auto c = reader();
    QSqlDatabase db = c->database();
    QCOMPARE(HistorySchema::version(db, false), HistorySchema::latestVersion());
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("UPDATE history_meta SET value = '99' WHERE key = "
                                  "'schema_version'")));
    {
        Historian h(options(), makeTags({QStringLiteral("S")}), clock);
        h.start();
        QTRY_COMPARE_WITH_TIMEOUT(h.state(), HistorianState::Degraded, 10000);
        QVERIFY(h.stateReason().contains(u"newer"));
    }
    QVERIFY(q.exec(QStringLiteral("UPDATE history_meta SET value = '1' WHERE key = "
                                  "'schema_version'")));
}

void TstHistorianPostgres::recordsAndQueries()
{
    std::vector<TagDefinition> defs(3);
    defs[0].id = QStringLiteral("PV");
    defs[1].id = QStringLiteral("COUNT");
    defs[1].type = DataType::Int32;
    defs[2].id = QStringLiteral("STATE");
    defs[2].type = DataType::String;
    ManualClock clock(kT0);
    Historian h(options(), makeTags(defs), clock);
    h.start();
    QTRY_COMPARE_WITH_TIMEOUT(h.state(), HistorianState::Recording, 10000);
    HistorySamples expected;
    ChangeSet set;
    for (int i = 0; i < 3000; ++i) {
        const qint64 t = kT0 + i * 500;
        const double v = std::sin(i / 50.0) * 40 + 50;
        const Quality q = i % 400 < 10 ? Quality::CommError : Quality::Good;
        set.append(change(0, t, v, q));
        set.append(change(1, t, i / 7));
        expected.append({t, v, q});
        if (i % 1000 == 0) {
            TagChange text = change(2, t, 0);
            text.text = QStringLiteral("=step %1").arg(i);
            set.append(text);
        }
    }
    h.record(set);
    QVERIFY(h.flush());
    h.stop(); // seals: everything in stored chunks now
    auto c = reader();
    HistoryReader r(c->database());
    HistorySamples got;
    QVERIFY2(r.raw(QStringLiteral("PV"), kT0, kT0 + 3000 * 500, got), qPrintable(r.lastError()));
    QCOMPARE(got, expected);
    QVERIFY(r.raw(QStringLiteral("COUNT"), kT0, kT0 + 3000 * 500, got));
    QCOMPARE(got.size(), 3000);
    QCOMPARE(got.last().value, 2999.0 / 7 - std::fmod(2999.0 / 7, 1.0));
    std::optional<HistorySample> at;
    QVERIFY(r.valueAt(QStringLiteral("PV"), kT0 + 1234, at));
    QCOMPARE(at->time, kT0 + 1000);
    QList<HistoryReader::TextSample> texts;
    QVERIFY(r.textPage(*r.tagKey(QStringLiteral("STATE")), kT0, kT0 + 3'600'000, 0, 10, texts));
    QCOMPARE(texts.size(), 3);
    QCOMPARE(texts[2].text, QStringLiteral("=step 2000"));
}

void TstHistorianPostgres::bucketsUseRollups()
{
    ManualClock clock(kT0);
    Historian h(options(), makeTags({QStringLiteral("LONG")}), clock);
    h.start();
    QTRY_COMPARE_WITH_TIMEOUT(h.state(), HistorianState::Recording, 10000);
    RollupBucket all;
    for (qint64 s = 0; s < 30 * 3600; s += 3600) {
        ChangeSet set;
        for (qint64 k = s; k < s + 3600; k += 5) {
            const double v = double(k % 7919);
            set.append(change(0, kT0 + k * 1000, v));
            all.add(v, Quality::Good);
        }
        h.record(set);
    }
    QVERIFY(h.flush());
    auto c = reader();
    HistoryReader r(c->database(), &h);
    BucketSeries b;
    QVERIFY2(r.buckets(QStringLiteral("LONG"), kT0, kT0 + 30 * 3'600'000LL, 10, b),
             qPrintable(r.lastError()));
    QCOMPARE(b.source, BucketSeries::Source::HourRollups);
    RollupBucket total;
    for (const RollupBucket &x : b.buckets)
        total.merge(x);
    QCOMPARE(total.count, all.count);
    QCOMPARE(total.min, all.min);
    QCOMPARE(total.max, all.max);
    QCOMPARE(total.sum, all.sum);
}

void TstHistorianPostgres::anotherPanelSeesUnsealedSamples()
{
    ManualClock clock(kT0);
    HistorianOptions o = options();
    o.writerId = QStringLiteral("panel-a");
    Historian h(o, makeTags({QStringLiteral("OPEN")}), clock);
    h.start();
    QTRY_COMPARE_WITH_TIMEOUT(h.state(), HistorianState::Recording, 10000);
    ChangeSet set;
    for (int i = 0; i < 50; ++i)
        set.append(change(0, kT0 + i * 1000, i));
    h.record(set);
    QVERIFY(h.flush());
    // A reader without the writer's memory (another panel): the samples are in the journal.
    auto c = reader();
    HistoryReader r(c->database());
    HistorySamples got;
    QVERIFY2(r.raw(QStringLiteral("OPEN"), kT0, kT0 + 60'000, got), qPrintable(r.lastError()));
    QCOMPARE(got.size(), 50);
    BucketSeries b;
    QVERIFY(r.buckets(QStringLiteral("OPEN"), kT0, kT0 + 50'000, 5, b));
    QCOMPARE(b.buckets[4].last, 49.0);
}

void TstHistorianPostgres::twoWritersShareTheServer()
{
    ManualClock clock(kT0);
    HistorianOptions a = options(), b = options();
    a.writerId = QStringLiteral("panel-1");
    b.writerId = QStringLiteral("panel-2");
    a.limits.chunkBytes = b.limits.chunkBytes = 200; // many chunks: many ids from both
    Historian ha(a, makeTags({QStringLiteral("A1"), QStringLiteral("SHARED")}), clock);
    Historian hb(b, makeTags({QStringLiteral("B1")}), clock);
    ha.start();
    hb.start();
    QTRY_COMPARE_WITH_TIMEOUT(ha.state(), HistorianState::Recording, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(hb.state(), HistorianState::Recording, 10000);
    for (int round = 0; round < 20; ++round) {
        ChangeSet sa, sb;
        for (int i = 0; i < 100; ++i) {
            const qint64 t = kT0 + (round * 100 + i) * 1000LL;
            sa.append(change(0, t, std::sin(t)));
            sb.append(change(0, t, std::cos(t)));
        }
        ha.record(sa);
        hb.record(sb);
    }
    QVERIFY(ha.flush());
    QVERIFY(hb.flush());
    ha.stop();
    hb.stop();
    QCOMPARE(ha.stats().dropped + hb.stats().dropped, 0u);
    auto c = reader();
    HistoryReader r(c->database());
    HistorySamples got;
    QVERIFY(r.raw(QStringLiteral("A1"), kT0, kT0 + 3'000'000, got));
    QCOMPARE(got.size(), 2000);
    QVERIFY(r.raw(QStringLiteral("B1"), kT0, kT0 + 3'000'000, got));
    QCOMPARE(got.size(), 2000);
    QCOMPARE(got[1234].value, std::cos(double(kT0 + 1234 * 1000LL)));
}

void TstHistorianPostgres::restartContinuesAndRetentionPurges()
{
    const qint64 now = kT0 + 50 * 3'600'000LL;
    ManualClock clock(now);
    HistorianOptions o = options();
    o.purgeIntervalMs = 100;
    o.limits.chunkBytes = 300; // retention drops whole chunks: make several
    auto tags = makeTags({QStringLiteral("AGED")});
    {
        Historian h(o, tags, clock);
        h.start();
        QTRY_COMPARE_WITH_TIMEOUT(h.state(), HistorianState::Recording, 10000);
        ChangeSet set;
        for (qint64 s = 0; s < 5 * 3600; s += 10)
            set.append(change(0, now - 5 * 3'600'000 + s * 1000, double(s)));
        h.record(set);
        QVERIFY(h.flush());
    }
    o.config.retentionMs = 2 * 3'600'000;
    Historian h(o, tags, clock);
    h.start();
    QTRY_COMPARE_WITH_TIMEOUT(h.state(), HistorianState::Recording, 10000);
    auto c = reader();
    HistoryReader r(c->database());
    HistorySamples got;
    QTRY_VERIFY_WITH_TIMEOUT(r.raw(QStringLiteral("AGED"), now - 6 * 3'600'000, now, got) &&
                                 !got.isEmpty() &&
                                 got.first().time >= now - 2 * 3'600'000 - 3'600'000,
                             15000);
    QCOMPARE(got.last().time, now - 10'000);
}

void TstHistorianPostgres::refusedRowsAreDroppedAndCounted()
{
    // A row error aborts a PostgreSQL transaction: only savepoints let the other rows commit.
    ManualClock clock(kT0);
    EventLog log(clock);
    HistorianOptions o = options();
    o.limits.chunkBytes = 200;
    Historian h(o, makeTags({QStringLiteral("PG_OK"), QStringLiteral("PG_BAD")}), clock, &log);
    h.start();
    QTRY_COMPARE_WITH_TIMEOUT(h.state(), HistorianState::Recording, 10000);
    auto c = reader();
    QSqlQuery q(c->database());
    QVERIFY2(q.exec(QStringLiteral(
                 "CREATE FUNCTION refuse_chunk() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF "
                 "NEW.tag = (SELECT id FROM tag WHERE name = 'PG_BAD') THEN RAISE EXCEPTION "
                 "'rejected for test' USING ERRCODE = '23514'; END IF; RETURN NEW; END $$")),
             qPrintable(q.lastError().text()));
    QVERIFY2(q.exec(QStringLiteral("CREATE TRIGGER refuse_chunk BEFORE INSERT ON chunk FOR EACH "
                                   "ROW EXECUTE FUNCTION refuse_chunk()")),
             qPrintable(q.lastError().text()));
    HistorySamples expected;
    for (int k = 0; k < 600; ++k) {
        const qint64 t = kT0 + k * 1000;
        h.record({change(0, t, std::sin(k * 0.37)), change(1, t, std::sin(k * 0.37))});
        expected.append({t, std::sin(k * 0.37), Quality::Good});
    }
    QVERIFY(h.flush());
    QCOMPARE(h.state(), HistorianState::Recording);
    h.stop();
    QVERIFY(q.exec(QStringLiteral("DROP TRIGGER refuse_chunk ON chunk")));
    QCOMPARE(h.stats().rejectedSamples, 600u);
    QVERIFY(h.stats().rejectedRows > 1);
    bool reported = false;
    for (const SystemEvent &e : log.recent()) {
        QVERIFY2(e.kind != u"historian.degraded", qPrintable(e.message));
        reported = reported ||
                   (e.kind == u"historian.rejected" && e.message.contains(u"rejected for test"));
    }
    QVERIFY(reported);
    HistoryReader r(c->database());
    HistorySamples got;
    QVERIFY2(r.raw(QStringLiteral("PG_OK"), kT0, kT0 + 600'000, got), qPrintable(r.lastError()));
    QCOMPARE(got, expected);
    QVERIFY(r.raw(QStringLiteral("PG_BAD"), kT0, kT0 + 600'000, got));
    QCOMPARE(got.size(), 0);
}

QTEST_GUILESS_MAIN(TstHistorianPostgres)
#include "tst_historianpostgres.moc"
