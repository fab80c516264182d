#include "events/eventlog.h"
#include "historianfixture.h"
#include "history/historian.h"
#include "history/historyconnection.h"
#include "history/historyqueryerror.h"
#include "history/historyqueryservice.h"
#include "history/historyreader.h"
#include "history/historyschema.h"
#include "historytesting.h"
#include "metatypes.h"
#include "util/manualclock.h"

#include <QDir>
#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <random>

using namespace vigil;
using vigil::testing::change;
using vigil::testing::makeTags;

class TstHistorian : public QObject, private vigil::testing::HistorianFixture
{
    Q_OBJECT
private slots:
    void initTestCase() { registerCoreMetaTypes(); }
    void init();
    void recordsAndQueriesRaw();
    void uncommittedSamplesAreVisibleThroughTheTail();
    void heartbeatRepeatsFlatSignals();
    void corruptDatabaseIsMovedAside();
    void newerSchemaIsRefused();
    void queriesWaitForTheMigration();
    void valuesThatDoNotFitTheTypeAreKeptExactly();
    void queueDropsTheOldestWhenFull();
    void textTagWithoutTextIsStored();
};

void TstHistorian::init()
{
    QVERIFY(initDir());
}

void TstHistorian::recordsAndQueriesRaw()
{
    std::vector<TagDefinition> defs(4);
    defs[0].id = QStringLiteral("F64");
    defs[1].id = QStringLiteral("F32");
    defs[1].type = DataType::Float32;
    defs[2].id = QStringLiteral("RUN");
    defs[2].type = DataType::Bool;
    defs[3].id = QStringLiteral("MODE");
    defs[3].type = DataType::String;
    ManualClock clock(kT0);
    EventLog events(clock);
    Historian h(options(), makeTags(defs), clock, &events);
    startAndWait(h);
    QCOMPARE(h.state(), HistorianState::Recording);

    std::mt19937_64 rng(3);
    std::normal_distribution<double> noise;
    HistorySamples expected[3];
    for (int i = 0; i < 5000; ++i) {
        ChangeSet set;
        const qint64 t = kT0 + i * 250;
        const double v = 50 + noise(rng);
        const Quality q = i % 700 < 20 ? Quality::CommError : Quality::Good;
        set.append(change(0, t, v, q));
        set.append(change(1, t, double(float(v)), q));
        if (i % 50 == 0)
            set.append(change(2, t, (i / 50) % 2, q));
        if (i % 1000 == 0) {
            TagChange text = change(3, t, 0);
            text.text = QStringLiteral("step=%1, \"quoted\"").arg(i);
            set.append(text);
        }
        for (const TagChange &c : set) {
            if (c.tag < 3)
                expected[c.tag].append({c.sourceTime, c.value, c.quality});
        }
        h.record(set);
    }
    QVERIFY(h.flush());
    QCOMPARE(h.stats().received, quint64(5000 * 2 + 100 + 5));
    QCOMPARE(h.stats().dropped, 0u);

    auto conn = readerConnection();
    HistoryReader reader(conn->database());
    const QString names[] = {QStringLiteral("F64"), QStringLiteral("F32"), QStringLiteral("RUN")};
    for (int tag = 0; tag < 3; ++tag) {
        HistorySamples got;
        QVERIFY2(reader.raw(names[tag], kT0, kT0 + 5000 * 250, got),
                 qPrintable(reader.lastError()));
        QCOMPARE(got.size(), expected[tag].size());
        QCOMPARE(got, expected[tag]);
    }
    HistorySamples middle;
    QVERIFY(reader.raw(QStringLiteral("F64"), kT0 + 1000, kT0 + 2000, middle));
    QCOMPARE(middle.size(), 5);
    QCOMPARE(middle.first().time, kT0 + 1000);
    QCOMPARE(middle.last().time, kT0 + 2000);

    std::optional<HistorySample> at;
    QVERIFY(reader.valueAt(QStringLiteral("RUN"), kT0 + 50 * 250 + 3, at));
    QVERIFY(at);
    QCOMPARE(at->time, kT0 + 50 * 250);
    QCOMPARE(at->value, 1.0);
    QVERIFY(reader.valueAt(QStringLiteral("RUN"), kT0 - 1, at));
    QVERIFY(!at);
    QVERIFY(reader.valueAt(QStringLiteral("NOPE"), kT0, at));
    QVERIFY(!at);

    QList<HistoryReader::TextSample> texts;
    QVERIFY(reader.textPage(*reader.tagKey(QStringLiteral("MODE")), kT0, kT0 + 3'600'000, 0, 100,
                            texts));
    QCOMPARE(texts.size(), 5);
    QCOMPARE(texts[1].text, QStringLiteral("step=1000, \"quoted\""));
}

void TstHistorian::uncommittedSamplesAreVisibleThroughTheTail()
{
    ManualClock clock(kT0);
    Historian h(options(600'000), makeTags({QStringLiteral("A")}), clock);
    startAndWait(h);
    ChangeSet set;
    for (int i = 0; i < 100; ++i)
        set.append(change(0, kT0 + i * 1000, i));
    h.record(set);
    QTRY_COMPARE(h.stats().stored, 100u);

    auto conn = readerConnection();
    HistoryReader withoutTail(conn->database());
    HistorySamples got;
    QVERIFY(withoutTail.raw(QStringLiteral("A"), kT0, kT0 + 100'000, got));
    QCOMPARE(got.size(), 0); // nothing committed yet (the flush interval is long)
    HistoryReader withTail(conn->database(), &h);
    QVERIFY(withTail.raw(QStringLiteral("A"), kT0, kT0 + 100'000, got));
    QCOMPARE(got.size(), 100);
    BucketSeries buckets;
    QVERIFY(withTail.buckets(QStringLiteral("A"), kT0, kT0 + 100'000, 10, buckets));
    QCOMPARE(buckets.buckets[9].max, 99.0);

    QVERIFY(h.flush()); // committed now, and still seen exactly once
    QVERIFY(withTail.raw(QStringLiteral("A"), kT0, kT0 + 100'000, got));
    QCOMPARE(got.size(), 100);
    QVERIFY(withoutTail.raw(QStringLiteral("A"), kT0, kT0 + 100'000, got));
    QCOMPARE(got.size(), 100);
}

void TstHistorian::heartbeatRepeatsFlatSignals()
{
    ManualClock clock(kT0);
    HistorianOptions o = options();
    o.config.heartbeatMs = 10'000;
    HistoryConfig::Group fast;
    fast.name = QStringLiteral("fast");
    fast.patterns = {QStringLiteral("F*")};
    fast.heartbeatMs = 2'000;
    o.config.groups.append(fast);
    Historian h(o, makeTags({QStringLiteral("SLOW"), QStringLiteral("FAST")}), clock);
    startAndWait(h);
    h.record({change(0, kT0, 7.5, Quality::Stale), change(1, kT0, 1.0)});
    QTRY_COMPARE(h.stats().stored, 2u);
    // A heartbeat point is due once the interval has passed, on the grid of the last point.
    clock.advance(25'000);
    QTRY_COMPARE(h.stats().stored, 4u);
    clock.advance(10'000);
    QTRY_COMPARE(h.stats().stored, 6u);
    h.record({change(1, kT0 + 35'500, 2.0)}); // a real change restarts the grid
    clock.advance(3'000);
    QTRY_COMPARE(h.stats().stored, 8u);
    QVERIFY(h.flush());
    auto conn = readerConnection();
    HistoryReader reader(conn->database());
    HistorySamples got;
    QVERIFY(reader.raw(QStringLiteral("SLOW"), kT0, kT0 + 60'000, got));
    QCOMPARE(got, HistorySamples({{kT0, 7.5, Quality::Stale},
                                  {kT0 + 20'000, 7.5, Quality::Stale},
                                  {kT0 + 30'000, 7.5, Quality::Stale}}));
    QVERIFY(reader.raw(QStringLiteral("FAST"), kT0, kT0 + 60'000, got));
    QCOMPARE(got, HistorySamples({{kT0, 1.0, Quality::Good},
                                  {kT0 + 24'000, 1.0, Quality::Good},
                                  {kT0 + 34'000, 1.0, Quality::Good},
                                  {kT0 + 35'500, 2.0, Quality::Good},
                                  {kT0 + 37'500, 2.0, Quality::Good}}));
}

void TstHistorian::corruptDatabaseIsMovedAside()
{
    const QString path = m_dir->filePath(QStringLiteral("history.db"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QByteArray garbage(64 * 1024, 'x');
        garbage.replace(0, 16, QByteArray("SQLite format 3\0", 16)); // looks like SQLite, is not
        f.write(garbage);
    }
    ManualClock clock(kT0);
    EventLog events(clock);
    Historian h(options(), makeTags({QStringLiteral("A")}), clock, &events);
    startAndWait(h);
    QCOMPARE(h.state(), HistorianState::Recording);
    const QStringList aside =
        QDir(m_dir->path()).entryList({QStringLiteral("history.db.corrupt-*")}, QDir::Files);
    QCOMPARE(aside.size(), 1);
    QCOMPARE(QFileInfo(m_dir->filePath(aside.first())).size(), 64 * 1024);
    bool reported = false;
    for (const SystemEvent &e : events.recent())
        reported = reported ||
                   (e.kind == u"historian.corrupt" && e.severity == SystemEvent::Severity::Error &&
                    e.message.contains(aside.first()));
    QVERIFY(reported);
    h.record({change(0, kT0, 1)});
    QVERIFY(h.flush());
}

void TstHistorian::newerSchemaIsRefused()
{
    {
        auto conn = std::make_unique<HistoryConnection>(*HistoryUrl::parse(options().url),
                                                        HistoryConnection::Role::Writer);
        QString error;
        QVERIFY(conn->open(&error));
        QSqlQuery q(conn->database());
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=99")));
    }
    ManualClock clock(kT0);
    Historian h(options(), makeTags({QStringLiteral("A")}), clock);
    startAndWait(h);
    QCOMPARE(h.state(), HistorianState::Degraded);
    QVERIFY2(h.stateReason().contains(u"newer"), qPrintable(h.stateReason()));
    QVERIFY(!h.flush());
}

// A query made before the historian migrated an older database fails with the reason (it
// would misread the old rollups); once migrated, the same service answers.
void TstHistorian::queriesWaitForTheMigration()
{
    {
        HistoryConnection conn(*HistoryUrl::parse(options().url), HistoryConnection::Role::Writer);
        QString error;
        QVERIFY2(conn.open(&error), qPrintable(error));
        QSqlDatabase db = conn.database();
        QVERIFY2(HistorySchema::migrate(db, true, &error, 1), qPrintable(error));
    }
    HistoryQueryService service(options().url, nullptr);
    QFuture<HistorySamples> early = service.raw(QStringLiteral("A"), kT0, kT0 + 1000);
    QString reason;
    try {
        early.waitForFinished(); // rethrows the query's error
    } catch (const HistoryQueryError &e) {
        reason = QString::fromUtf8(e.what());
    }
    QVERIFY2(reason.contains(u"schema version 1"), qPrintable(reason));

    ManualClock clock(kT0);
    {
        Historian h(options(), makeTags({QStringLiteral("A")}), clock);
        startAndWait(h);
        h.record({change(0, kT0, 7)});
        QVERIFY(h.flush());
        h.stop();
    }
    QFuture<HistorySamples> later = service.raw(QStringLiteral("A"), kT0, kT0 + 1000);
    try {
        later.waitForFinished();
    } catch (const HistoryQueryError &e) {
        QFAIL(e.what());
    }
    QCOMPARE(later.result().size(), 1);
    QCOMPARE(later.result().first().value, 7.0);
}

void TstHistorian::valuesThatDoNotFitTheTypeAreKeptExactly()
{
    std::vector<TagDefinition> defs(2);
    defs[0].id = QStringLiteral("F32");
    defs[0].type = DataType::Float32;
    defs[1].id = QStringLiteral("COUNTS");
    defs[1].type = DataType::Int16;
    defs[1].scaling = Scaling::fromSpan(0, 27648, 0, 100);
    ManualClock clock(kT0);
    Historian h(options(), makeTags(defs), clock);
    startAndWait(h);
    ChangeSet set;
    const double values[] = {1.5, 0.1, 2.25, 1e-300};
    for (int i = 0; i < 4; ++i) {
        set.append(change(0, kT0 + i, values[i]));
        set.append(change(1, kT0 + i, defs[1].scaling.toEngineering(1000 + i * 7)));
    }
    set.append(change(1, kT0 + 9, 33.3333)); // not a raw count
    h.record(set);
    QVERIFY(h.flush());
    auto conn = readerConnection();
    HistoryReader reader(conn->database());
    HistorySamples got;
    QVERIFY(reader.raw(QStringLiteral("F32"), kT0, kT0 + 10, got));
    QCOMPARE(got.size(), 4);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(got[i].value, values[i]);
    QVERIFY(reader.raw(QStringLiteral("COUNTS"), kT0, kT0 + 10, got));
    QCOMPARE(got.size(), 5);
    QCOMPARE(got[3].value, defs[1].scaling.toEngineering(1021));
    QCOMPARE(got[4].value, 33.3333);
}

void TstHistorian::queueDropsTheOldestWhenFull()
{
    IngestQueue q(10);
    QVERIFY(q.push({change(0, 1, 1), change(0, 2, 2), change(0, 3, 3)}));
    QVERIFY(!q.push({change(0, 4, 4), change(0, 5, 5), change(0, 6, 6), change(0, 7, 7)}));
    QVERIFY(!q.push({change(0, 8, 8), change(0, 9, 9), change(0, 10, 10), change(0, 11, 11),
                     change(0, 12, 12)}));
    QCOMPARE(q.queuedSamples(), 10);
    QCOMPARE(q.droppedSamples(), 2u);
    QCOMPARE(q.receivedSamples(), 12u);
    std::deque<ChangeSet> all = q.takeAll();
    QCOMPARE(all.front().first().sourceTime, 3); // 1 and 2 went first
    QCOMPARE(all.back().last().sourceTime, 12);
    ChangeSet big;
    for (int i = 0; i < 25; ++i)
        big.append(change(0, 100 + i, i));
    QVERIFY(q.push(big));
    QCOMPARE(q.queuedSamples(), 10);
    QCOMPARE(q.takeAll().front().first().sourceTime, 115);
}

void TstHistorian::textTagWithoutTextIsStored()
{
    // A string tag that turns bad before its first value carries a null text; it must be stored
    // (as empty text) without putting the historian into a degraded state.
    std::vector<TagDefinition> defs(1);
    defs[0].id = QStringLiteral("MODE");
    defs[0].type = DataType::String;
    ManualClock clock(kT0);
    Historian h(options(), makeTags(defs), clock);
    startAndWait(h);
    TagChange bad = change(0, kT0, 0, Quality::NotConnected);
    bad.text = QString();
    TagChange good = change(0, kT0 + 1000, 0);
    good.text = QStringLiteral("AUTO");
    h.record({bad, good});
    QVERIFY(h.flush());
    QCOMPARE(h.state(), HistorianState::Recording);
    auto conn = readerConnection();
    HistoryReader reader(conn->database());
    QList<HistoryReader::TextSample> texts;
    QVERIFY(
        reader.textPage(*reader.tagKey(QStringLiteral("MODE")), kT0, kT0 + 10'000, 0, 100, texts));
    QCOMPARE(texts.size(), 2);
    QCOMPARE(texts[0].text, QString(""));
    QCOMPARE(texts[0].quality, Quality::NotConnected);
    QCOMPARE(texts[1].text, QStringLiteral("AUTO"));
}

QTEST_GUILESS_MAIN(TstHistorian)
#include "tst_historian.moc"
