#include "events/eventlog.h"
#include "history/historian.h"
#include "history/historyconnection.h"
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

class TstHistorian : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { registerCoreMetaTypes(); }
    void init();
    void recordsAndQueriesRaw();
    void uncommittedSamplesAreVisibleThroughTheTail();
    void heartbeatRepeatsFlatSignals();
    void bucketsMatchTheRawData_data();
    void bucketsMatchTheRawData();
    void restartContinuesRollups();
    void corruptDatabaseIsMovedAside();
    void newerSchemaIsRefused();
    void retentionByAge();
    void retentionBySize();
    void backwardsTimesAreClamped();
    void valuesThatDoNotFitTheTypeAreKeptExactly();
    void queueDropsTheOldestWhenFull();
    void journalStaysShortWithSnapshots();
    void purgingDoesNotHoldUpWrites();

private:
    HistorianOptions options(qint64 flushMs = 50) const
    {
        HistorianOptions o;
        o.url = QStringLiteral("sqlite:") + m_dir->filePath(QStringLiteral("history.db"));
        o.flushIntervalMs = flushMs;
        o.retryIntervalMs = 100;
        o.config.heartbeatMs = 0;
        return o;
    }
    std::unique_ptr<HistoryConnection> readerConnection() const
    {
        auto c = std::make_unique<HistoryConnection>(*HistoryUrl::parse(options().url),
                                                     HistoryConnection::Role::Reader);
        QString error;
        if (!c->open(&error))
            qFatal("reader: %s", qPrintable(error));
        return c;
    }
    static void startAndWait(Historian &h)
    {
        h.start();
        QTRY_VERIFY_WITH_TIMEOUT(
            h.state() == HistorianState::Recording || h.state() == HistorianState::Degraded, 10000);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    static constexpr qint64 kT0 = 1'700'000'000'000 - 1'700'000'000'000 % 3'600'000; // an hour
};

void TstHistorian::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
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

void TstHistorian::bucketsMatchTheRawData_data()
{
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("source");
    QTest::addColumn<bool>("aligned");
    QTest::newRow("raw") << kT0 + 1234 << kT0 + 1234 + 600'000 << 600 << 0 << true;
    QTest::newRow("minutes") << kT0 << kT0 + 3 * 3'600'000 << 45 << 1 << true;
    QTest::newRow("hours") << kT0 << kT0 + 48 * 3'600'000 << 12 << 2 << true;
    QTest::newRow("hours-unaligned")
        << kT0 + 17'321 << kT0 + 47 * 3'600'000 + 999 << 7 << 2 << false;
    QTest::newRow("minutes-unaligned") << kT0 + 61'001 << kT0 + 7'000'017 << 31 << 1 << false;
    QTest::newRow("past-the-end") << kT0 + 40 * 3'600'000 << kT0 + 60 * 3'600'000 << 10 << 2
                                  << false;
}

void TstHistorian::bucketsMatchTheRawData()
{
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(int, count);
    QFETCH(int, source);
    QFETCH(bool, aligned);
    ManualClock clock(kT0);
    Historian h(options(), makeTags({QStringLiteral("PV")}), clock);
    startAndWait(h);
    std::mt19937_64 rng(11);
    std::normal_distribution<double> noise(0, 0.3);
    HistorySamples all;
    for (qint64 s = 0; s < 48 * 3600; s += 60) {
        ChangeSet set;
        for (qint64 k = s; k < s + 60; ++k) {
            const double v = 50 + 20 * std::sin(k / 3000.0) + noise(rng);
            const Quality q = (k / 600) % 17 == 5 ? Quality::CommError : Quality::Good;
            set.append(change(0, kT0 + k * 1000, v, q));
            all.append({kT0 + k * 1000, v, q});
        }
        h.record(set);
    }
    QVERIFY(h.flush());

    auto conn = readerConnection();
    HistoryReader reader(conn->database(), &h);
    BucketSeries got;
    QVERIFY2(reader.buckets(QStringLiteral("PV"), from, to, count, got),
             qPrintable(reader.lastError()));
    QCOMPARE(int(got.source), source);
    QCOMPARE(got.buckets.size(), count);
    RollupBuckets expected(count);
    RollupBucket total, totalExpected;
    for (const HistorySample &s : all) {
        if (s.time < from || s.time >= to)
            continue;
        expected[(s.time - from) / got.width].add(s.value, s.quality);
        totalExpected.add(s.value, s.quality);
    }
    for (int i = 0; i < count; ++i) {
        total.merge(got.buckets[i]);
        if (!aligned)
            continue;
        QCOMPARE(got.buckets[i].count, expected[i].count);
        QCOMPARE(got.buckets[i].badCount, expected[i].badCount);
        if (expected[i].count > 0) {
            QCOMPARE(got.buckets[i].min, expected[i].min);
            QCOMPARE(got.buckets[i].max, expected[i].max);
            QCOMPARE(got.buckets[i].first, expected[i].first);
            QCOMPARE(got.buckets[i].last, expected[i].last);
            QVERIFY(std::abs(got.buckets[i].average() - expected[i].average()) < 1e-9);
        }
    }
    // Every sample counted once, whatever the alignment.
    QCOMPARE(total.count, totalExpected.count);
    QCOMPARE(total.badCount, totalExpected.badCount);
    if (totalExpected.count > 0) {
        QCOMPARE(total.min, totalExpected.min);
        QCOMPARE(total.max, totalExpected.max);
    }
    QCOMPARE(bool(got.before), from > kT0);
}

void TstHistorian::restartContinuesRollups()
{
    ManualClock clock(kT0);
    auto tags = makeTags({QStringLiteral("PV")});
    HistorySamples all;
    for (int run = 0; run < 2; ++run) {
        Historian h(options(), tags, clock);
        startAndWait(h);
        // Stops in the middle of a minute and of an hour.
        for (qint64 k = run * 5430; k < (run + 1) * 5430; k += 30) {
            ChangeSet set;
            for (qint64 j = k; j < k + 30; ++j) {
                set.append(change(0, kT0 + j * 1000, double(j % 977)));
                all.append({kT0 + j * 1000, double(j % 977), Quality::Good});
            }
            h.record(set);
        }
        QVERIFY(h.flush());
        h.stop(); // a clean stop in the middle of an hour and of a minute
    }
    Historian h(options(), tags, clock);
    startAndWait(h);
    // Completes the last minute of hour 3, then (with the next minute) hour 3 itself.
    h.record({change(0, kT0 + 4 * 3'600'000, 1), change(0, kT0 + 4 * 3'600'000 + 60'000, 1)});
    QVERIFY(h.flush());

    auto conn = readerConnection();
    HistoryReader reader(conn->database());
    const qint32 key = *reader.tagKey(QStringLiteral("PV"));
    for (auto level : {RollupBuilder::Minute, RollupBuilder::Hour}) {
        std::map<qint64, RollupBucket> expected;
        for (const HistorySample &s : all)
            expected[RollupBuilder::floorTo(s.time, RollupBuilder::widthMs(level))].add(s.value,
                                                                                        s.quality);
        int rows = 0;
        QVERIFY(
            reader.visitRollups(key, level, kT0, kT0 + 4 * 3'600'000, [&](const RollupBucket &b) {
                ++rows;
                const RollupBucket &e = expected[b.start];
                QCOMPARE(b.count, e.count);
                QCOMPARE(b.min, e.min);
                QCOMPARE(b.max, e.max);
                QCOMPARE(b.first, e.first);
                QCOMPARE(b.last, e.last);
            }));
        QCOMPARE(rows, int(expected.size()));
    }
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

void TstHistorian::retentionByAge()
{
    const qint64 now = kT0 + 4 * 3'600'000;
    ManualClock clock(now);
    HistorianOptions o = options();
    o.purgeIntervalMs = 100;
    HistoryConfig::Group shortLived;
    shortLived.name = QStringLiteral("short");
    shortLived.patterns = {QStringLiteral("SHORT")};
    shortLived.retentionMs = 3'600'000;
    o.config.groups.append(shortLived);
    auto tags = makeTags({QStringLiteral("SHORT"), QStringLiteral("KEEP")});
    {
        Historian h(o, tags, clock);
        startAndWait(h);
        for (qint64 s = 0; s < 4 * 3600; s += 100) {
            ChangeSet set;
            for (qint64 k = s; k < s + 100; ++k) {
                set.append(change(0, kT0 + k * 1000, double(k)));
                set.append(change(1, kT0 + k * 1000, double(k)));
            }
            h.record(set);
        }
        QVERIFY(h.flush());
        h.stop();
    }
    Historian h(o, tags, clock); // purges at start and then every interval
    startAndWait(h);
    auto conn = readerConnection();
    HistoryReader reader(conn->database());
    HistorySamples got;
    QTRY_VERIFY_WITH_TIMEOUT(reader.raw(QStringLiteral("SHORT"), kT0, now, got) &&
                                 got.first().time >= now - 3'600'000 - 1'200'000,
                             15000);
    QCOMPARE(got.last().time, now - 1000); // the recent hour is all there
    QVERIFY(reader.raw(QStringLiteral("KEEP"), kT0, now, got));
    QCOMPARE(got.size(), 4 * 3600);
    BucketSeries b;
    QVERIFY(reader.buckets(QStringLiteral("SHORT"), kT0, kT0 + 3'600'000, 6, b));
    QCOMPARE(b.buckets[0].count, 0u); // rollups went with the chunks
}

void TstHistorian::retentionBySize()
{
    ManualClock clock(kT0);
    HistorianOptions o = options();
    o.purgeIntervalMs = 100;
    o.config.maxSizeBytes = 1'000'000;
    std::mt19937_64 rng(5);
    std::uniform_real_distribution<double> noise(0, 1);
    qint64 t = kT0;
    {
        Historian h(o, makeTags({QStringLiteral("A"), QStringLiteral("B")}), clock);
        startAndWait(h);
        for (int i = 0; i < 300; ++i) {
            ChangeSet set;
            for (int k = 0; k < 1000; ++k, t += 100) {
                set.append(change(0, t, noise(rng)));
                set.append(change(1, t, noise(rng)));
            }
            h.record(set);
        }
        QVERIFY(h.flush());
        h.stop();
    }
    Historian h(o, makeTags({QStringLiteral("A"), QStringLiteral("B")}), clock);
    startAndWait(h);
    auto conn = readerConnection();
    QSqlQuery q(conn->database());
    QTRY_VERIFY_WITH_TIMEOUT(
        q.exec(
            QStringLiteral("SELECT (page_count - freelist_count) * page_size FROM "
                           "pragma_page_count(), pragma_freelist_count(), pragma_page_size()")) &&
            q.next() && q.value(0).toLongLong() <= 1'000'000,
        20000);
    HistoryReader reader(conn->database());
    HistorySamples got;
    QVERIFY(reader.raw(QStringLiteral("A"), kT0, t, got));
    QVERIFY(got.size() < 300'000);
    QVERIFY(got.size() > 20'000);
    QCOMPARE(got.last().time, t - 100); // the newest data stays
}

void TstHistorian::backwardsTimesAreClamped()
{
    ManualClock clock(kT0);
    Historian h(options(), makeTags({QStringLiteral("A")}), clock);
    startAndWait(h);
    h.record({change(0, kT0 + 5000, 1), change(0, kT0 + 1000, 2), change(0, kT0 + 6000, 3)});
    QVERIFY(h.flush());
    QCOMPARE(h.stats().clamped, 1u);
    auto conn = readerConnection();
    HistoryReader reader(conn->database());
    HistorySamples got;
    QVERIFY(reader.raw(QStringLiteral("A"), kT0, kT0 + 10'000, got));
    QCOMPARE(got, HistorySamples({{kT0 + 5000, 1, Quality::Good},
                                  {kT0 + 5000, 2, Quality::Good},
                                  {kT0 + 6000, 3, Quality::Good}}));
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

void TstHistorian::journalStaysShortWithSnapshots()
{
    // A slow tag keeps its chunk open for a long time; its journal rows are re-written as a
    // snapshot so that old rows can go, and another process still sees every sample.
    ManualClock clock(kT0);
    HistorianOptions o = options(20);
    o.limits.snapshotAfterFlushes = 5;
    Historian h(o, makeTags({QStringLiteral("SLOW"), QStringLiteral("FAST")}), clock);
    startAndWait(h);
    for (int i = 0; i < 40; ++i) {
        ChangeSet set{change(1, kT0 + i * 1000, i)};
        if (i % 10 == 0)
            set.append(change(0, kT0 + i * 1000, i * 10));
        h.record(set);
        QVERIFY(h.flush());
    }
    auto conn = readerConnection();
    QSqlQuery q(conn->database());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*), min(seq), max(seq) FROM journal")));
    QVERIFY(q.next());
    QVERIFY2(q.value(0).toInt() <= 6, qPrintable(q.value(0).toString())); // not 40
    QVERIFY(q.value(2).toInt() - q.value(1).toInt() < 6);
    HistoryReader other(conn->database()); // no tail: the journal only
    HistorySamples got;
    QVERIFY(other.raw(QStringLiteral("SLOW"), kT0, kT0 + 60'000, got));
    QCOMPARE(got.size(), 4);
    QCOMPARE(got.last(), (HistorySample{kT0 + 30'000, 300, Quality::Good}));
    QVERIFY(other.raw(QStringLiteral("FAST"), kT0, kT0 + 60'000, got));
    QCOMPARE(got.size(), 40);
}

void TstHistorian::purgingDoesNotHoldUpWrites()
{
    // Many small old chunks to purge; while retention works through them in steps, every flush
    // still completes quickly and new samples are stored.
    const qint64 now = kT0 + 10 * 86'400'000LL;
    ManualClock clock(now);
    HistorianOptions o = options(20);
    o.limits.chunkBytes = 120;
    auto tags = makeTags({QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")});
    {
        Historian h(o, tags, clock);
        startAndWait(h);
        for (int day = 0; day < 8; ++day) {
            ChangeSet set;
            for (int i = 0; i < 6000; ++i) {
                const qint64 t = kT0 + day * 86'400'000LL + i * 10'000LL;
                for (quint32 tag = 0; tag < 3; ++tag)
                    set.append(change(tag, t, std::sin(i * 0.01 + tag) * 100));
            }
            h.record(set);
        }
        QVERIFY(h.flush());
    }
    auto conn = readerConnection();
    QSqlQuery q(conn->database());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM chunk")) && q.next());
    const int before = q.value(0).toInt();
    QVERIFY2(before > 2000, qPrintable(QString::number(before)));

    o.config.retentionMs = 86'400'000; // everything but the last day goes
    o.purgeIntervalMs = 50;
    o.purgeBatch = 200;
    Historian h(o, tags, clock);
    startAndWait(h);
    QElapsedTimer purge;
    purge.start();
    qint64 worstFlushMs = 0;
    int flushes = 0;
    qint64 t = now;
    while (purge.elapsed() < 20'000) {
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM chunk WHERE end_time < %1")
                           .arg(now - 86'400'000)) &&
                q.next());
        const int left = q.value(0).toInt();
        h.record({change(0, t, 1), change(1, t, 2), change(2, t, 3)});
        t += 100;
        QElapsedTimer f;
        f.start();
        QVERIFY(h.flush());
        worstFlushMs = std::max(worstFlushMs, f.elapsed());
        ++flushes;
        if (left == 0)
            break;
    }
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM chunk WHERE end_time < %1")
                       .arg(now - 86'400'000)) &&
            q.next());
    QCOMPARE(q.value(0).toInt(), 0);
    qInfo("purged %d chunks in %lld ms, %d flushes meanwhile, slowest %lld ms", before,
          purge.elapsed(), flushes, worstFlushMs);
    QVERIFY2(worstFlushMs < 500, qPrintable(QString::number(worstFlushMs)));
    HistoryReader reader(conn->database(), &h);
    HistorySamples got;
    QVERIFY(reader.raw(QStringLiteral("B"), now, t, got));
    QCOMPARE(got.size(), flushes);
}

QTEST_GUILESS_MAIN(TstHistorian)
#include "tst_historian.moc"
