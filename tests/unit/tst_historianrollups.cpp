// Decimated queries (raw, 10-minute and hour levels) against the raw data, rollups that
// continue across restarts, and the migration of 1-minute rollups to 10-minute ones, on SQLite.

#include "historianfixture.h"
#include "history/chunkencoder.h"
#include "history/historian.h"
#include "history/historyconnection.h"
#include "history/historyreader.h"
#include "history/historyschema.h"
#include "historytesting.h"
#include "metatypes.h"
#include "util/manualclock.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <map>
#include <random>

using namespace vigil;
using vigil::testing::change;
using vigil::testing::makeTags;

class TstHistorianRollups : public QObject, private vigil::testing::HistorianFixture
{
    Q_OBJECT
private slots:
    void initTestCase() { registerCoreMetaTypes(); }
    void init();
    void bucketsMatchTheRawData_data();
    void bucketsMatchTheRawData();
    void restartContinuesRollups();
    void migratesMinuteRollupsToTenMinutes();
};

void TstHistorianRollups::init()
{
    QVERIFY(initDir());
}

void TstHistorianRollups::bucketsMatchTheRawData_data()
{
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("source");
    QTest::addColumn<bool>("aligned");
    QTest::newRow("raw") << kT0 + 1234 << kT0 + 1234 + 600'000 << 600 << 0 << true;
    QTest::newRow("raw-below-10-minutes") << kT0 << kT0 + 3 * 3'600'000 << 45 << 0 << true;
    QTest::newRow("fine") << kT0 << kT0 + 24 * 3'600'000 << 48 << 1 << true;
    QTest::newRow("hours") << kT0 << kT0 + 48 * 3'600'000 << 12 << 2 << true;
    QTest::newRow("hours-unaligned")
        << kT0 + 17'321 << kT0 + 47 * 3'600'000 + 999 << 7 << 2 << false;
    QTest::newRow("fine-unaligned")
        << kT0 + 601'001 << kT0 + 30 * 3'600'000 + 17 << 77 << 1 << false;
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
        // The clock keeps up with the data: history ahead of it would be moved aside at start.
        clock.setNowMs(kT0 + run * 5430 * 1000);
        Historian h(options(), tags, clock);
        startAndWait(h);
        // Stops in the middle of a 10-minute bucket and of an hour.
        for (qint64 k = run * 5430; k < (run + 1) * 5430; k += 30) {
            ChangeSet set;
            for (qint64 j = k; j < k + 30; ++j) {
                set.append(change(0, kT0 + j * 1000, double(j % 977)));
                all.append({kT0 + j * 1000, double(j % 977), Quality::Good});
            }
            h.record(set);
        }
        QVERIFY(h.flush());
        h.stop(); // a clean stop in the middle of an hour and of a 10-minute bucket
    }
    clock.setNowMs(kT0 + 4 * 3'600'000);
    Historian h(options(), tags, clock);
    startAndWait(h);
    // Completes the last 10 minutes of hour 3, then (with the next 10 minutes) hour 3 itself.
    h.record({change(0, kT0 + 4 * 3'600'000, 1), change(0, kT0 + 4 * 3'600'000 + 600'000, 1)});
    QVERIFY(h.flush());

    auto conn = readerConnection();
    HistoryReader reader(conn->database());
    const qint32 key = *reader.tagKey(QStringLiteral("PV"));
    for (auto level : {RollupBuilder::Fine, RollupBuilder::Hour}) {
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

// A schema 1 database with 1-minute rollups, as the version 1 writer left it after a stop in the
// middle of a minute: migration 2 merges the minutes into 10-minute buckets and drops a tag's
// last bucket if minutes of it may be missing; the writer rebuilds that one from the samples.
void TstHistorianRollups::migratesMinuteRollupsToTenMinutes()
{
    // PV: samples for 37.5 minutes, minutes 0..36 rolled up (37 was in progress): its last
    // 10 minutes [30, 40) are incomplete. Q: samples and minutes 0..19 only: all complete.
    std::mt19937_64 rng(3);
    std::normal_distribution<double> noise(0, 0.7);
    std::map<QString, HistorySamples> samples;
    for (qint64 k = 0; k < 2250; ++k) {
        const Quality q = k >= 700 && k < 760 ? Quality::CommError : Quality::Good;
        samples[QStringLiteral("PV")].append({kT0 + k * 1000, 40 + noise(rng), q});
        if (k < 1200)
            samples[QStringLiteral("Q")].append({kT0 + k * 1000, double(k % 7), Quality::Good});
    }
    {
        HistoryConnection conn(*HistoryUrl::parse(options().url), HistoryConnection::Role::Writer);
        QString error;
        QVERIFY2(conn.open(&error), qPrintable(error));
        QSqlDatabase db = conn.database();
        QVERIFY2(HistorySchema::migrate(db, true, &error, 1), qPrintable(error));
        QCOMPARE(HistorySchema::version(db, true), 1);
        QSqlQuery q(db);
        qint64 id = 1;
        for (const auto &[name, all] : samples) {
            QVERIFY(q.exec(
                QStringLiteral("INSERT INTO tag (id, name) VALUES (%1, '%2')").arg(id).arg(name)));
            ChunkEncoder chunk(ValueEncoding(ValueEncoding::Mode::Float64));
            std::map<qint64, RollupBucket> minutes;
            for (const HistorySample &s : all) {
                chunk.append(s.time, s.value, s.quality);
                const qint64 minute = RollupBuilder::floorTo(s.time, 60'000);
                minutes[minute].start = minute;
                minutes[minute].add(s.value, s.quality);
            }
            minutes.erase(std::prev(minutes.end())); // in progress at the stop
            q.prepare(QStringLiteral("INSERT INTO chunk (id, tag, start_time, end_time, n, data) "
                                     "VALUES (?, ?, ?, ?, ?, ?)"));
            for (const QVariant &v :
                 {QVariant(id), QVariant(id), QVariant(chunk.firstTime()),
                  QVariant(chunk.lastTime()), QVariant(chunk.count()), QVariant(chunk.serialize())})
                q.addBindValue(v);
            QVERIFY(q.exec());
            q.prepare(
                QStringLiteral("INSERT INTO rollup VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
            for (const auto &[start, b] : minutes) {
                const auto real = [](double v) {
                    return std::isfinite(v) ? QVariant(v) : QVariant(QMetaType(QMetaType::Double));
                };
                for (const QVariant &v :
                     {QVariant(id), QVariant(start), QVariant(b.count), QVariant(b.badCount),
                      real(b.min), real(b.max), real(b.sum), real(b.first), real(b.last),
                      QVariant(int(b.lastQuality))})
                    q.addBindValue(v);
                QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
            }
            ++id;
        }
        QVERIFY(q.exec(QStringLiteral("UPDATE counter SET next = 3")));
    }
    ManualClock clock(kT0 + 3'600'000);
    {
        Historian h(options(), makeTags({QStringLiteral("PV"), QStringLiteral("Q")}), clock);
        startAndWait(h);
        QCOMPARE(h.state(), HistorianState::Recording);
        // Completes PV's 10 minutes [30, 40), rebuilt from its samples.
        h.record({change(0, kT0 + 2'700'000, 1), change(1, kT0 + 2'700'000, 1)});
        QVERIFY(h.flush());
        h.stop();
    }
    auto conn = readerConnection();
    QSqlDatabase db = conn->database();
    QCOMPARE(HistorySchema::version(db, true), HistorySchema::latestVersion());
    HistoryReader reader(db);
    for (const auto &[name, all] : samples) {
        std::map<qint64, RollupBucket> expected;
        for (const HistorySample &s : all) {
            const qint64 start = RollupBuilder::floorTo(s.time, RollupBuilder::kFineMs);
            expected[start].start = start;
            expected[start].add(s.value, s.quality);
        }
        std::map<qint64, RollupBucket> got;
        QVERIFY(reader.visitRollups(*reader.tagKey(name), RollupBuilder::Fine, kT0, kT0 + 2'400'000,
                                    [&](const RollupBucket &b) { got[b.start] = b; }));
        QCOMPARE(got.size(), expected.size());
        for (const auto &[start, e] : expected) {
            const RollupBucket &b = got[start];
            QCOMPARE(b.count, e.count);
            QCOMPARE(b.badCount, e.badCount);
            QCOMPARE(b.min, e.min);
            QCOMPARE(b.max, e.max);
            QCOMPARE(b.first, e.first);
            QCOMPARE(b.last, e.last);
            QCOMPARE(b.lastQuality, e.lastQuality);
            QVERIFY(std::abs(b.sum - e.sum) < 1e-9 * std::abs(e.sum) + 1e-9);
        }
    }
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM rollup WHERE level NOT IN (1, 2)")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 0);
}

QTEST_GUILESS_MAIN(TstHistorianRollups)
#include "tst_historianrollups.moc"
