// Retention (by age per tag group, by total size) and the journal's own housekeeping, on SQLite.

#include "historianfixture.h"
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

class TstHistorianRetention : public QObject, private vigil::testing::HistorianFixture
{
    Q_OBJECT
private slots:
    void initTestCase() { registerCoreMetaTypes(); }
    void init();
    void retentionByAge();
    void retentionBySize();
    void journalStaysShortWithSnapshots();
    void purgingDoesNotHoldUpWrites();
};

void TstHistorianRetention::init()
{
    QVERIFY(initDir());
}

void TstHistorianRetention::retentionByAge()
{
    const qint64 now = kT0 + 4 * 3'600'000;
    ManualClock clock(now);
    HistorianOptions o = options();
    o.purgeIntervalMs = 100;
    o.limits.chunkSpanMs = 600'000; // retention drops whole chunks: several per hour
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

void TstHistorianRetention::retentionBySize()
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
    clock.setNowMs(t); // history ahead of the clock would be moved aside as a clock jump
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
    // It took away what the limit asked for, not several times that.
    QVERIFY2(q.value(0).toLongLong() > 700'000, qPrintable(q.value(0).toString()));
    HistoryReader reader(conn->database());
    HistorySamples got;
    QVERIFY(reader.raw(QStringLiteral("A"), kT0, t, got));
    QVERIFY(got.size() < 300'000);
    QVERIFY(got.size() > 20'000);
    QCOMPARE(got.last().time, t - 100); // the newest data stays
}

void TstHistorianRetention::journalStaysShortWithSnapshots()
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

void TstHistorianRetention::purgingDoesNotHoldUpWrites()
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

QTEST_GUILESS_MAIN(TstHistorianRetention)
#include "tst_historianretention.moc"
