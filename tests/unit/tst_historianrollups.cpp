// Decimated queries (raw, minute and hour levels) against the raw data, and rollups that
// continue across restarts, on SQLite.

#include "history/historian.h"
#include "history/historyconnection.h"
#include "history/historyreader.h"
#include "historytesting.h"
#include "metatypes.h"
#include "util/manualclock.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <random>

using namespace vigil;
using vigil::testing::change;
using vigil::testing::makeTags;

class TstHistorianRollups : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { registerCoreMetaTypes(); }
    void init();
    void bucketsMatchTheRawData_data();
    void bucketsMatchTheRawData();
    void restartContinuesRollups();

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

void TstHistorianRollups::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TstHistorianRollups::bucketsMatchTheRawData_data()
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

void TstHistorianRollups::bucketsMatchTheRawData()
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

void TstHistorianRollups::restartContinuesRollups()
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

QTEST_GUILESS_MAIN(TstHistorianRollups)
#include "tst_historianrollups.moc"
