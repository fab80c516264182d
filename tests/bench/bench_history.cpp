// bench_history: the historian's figures, each against a raw baseline measured in the same run.
//  - ingest: 10,000 tags at 100 samples/s each through Historian::record() until committed,
//    against narrow rows (tag, time, value, quality) inserted into SQLite in batches.
//  - bytes per sample: database bytes in use / samples stored, for the demo plant's signals
//    (benchdemoplant.cpp: every tag of resources/demo/plant.toml as its driver delivers it from
//    vigil-sim's plant model, through TagTable scaling and deadband, with the plant's heartbeats,
//    6 simulated hours) and for random-walk doubles; narrow rows as baseline.
//  - one pen x one year of 1 s data -> 2,000 buckets (rollups), against decoding the raw year.
//  - a raw one-hour range of that pen, against the same hour from narrow rows.
// Targets: >= 1,000,000 samples/s, <= 4 bytes/sample (demo plant), <= 100 ms for the year.

#include "history/historian.h"
#include "history/historyconnection.h"
#include "history/historyreader.h"
#include "historybench.h"
#include "metatypes.h"
#include "util/manualclock.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <random>

using namespace vigil;

namespace
{

using namespace historybench;

ChangeSet ingestSet(int step, quint32 tags, std::vector<double> &walk, std::mt19937_64 &rng)
{
    std::normal_distribution<double> noise(0.0, 0.05);
    ChangeSet set;
    set.reserve(tags);
    const qint64 t = kT0 + qint64(step) * 10; // 100 samples/s per tag
    for (quint32 i = 0; i < tags; ++i) {
        walk[i] += noise(rng);
        TagChange c;
        c.tag = i;
        c.sourceTime = t + (i % 7) - 3; // a little jitter
        c.serverTime = t;
        c.value = double(float(50.0 + 10.0 * std::sin(double(t) / (60'000.0 + i)) + walk[i]));
        set.append(c);
    }
    return set;
}

void benchIngest(const QString &dir)
{
    constexpr quint32 kTags = 10'000;
    constexpr int kSteps = 2'000; // 20,000,000 samples
    std::vector<TagDefinition> defs(kTags);
    for (quint32 i = 0; i < kTags; ++i) {
        defs[i].id = QStringLiteral("T%1").arg(i);
        defs[i].type = DataType::Float32;
    }
    auto tags = std::make_shared<const TagDirectory>(std::move(defs));
    std::vector<double> walk(kTags, 0.0);
    std::mt19937_64 rng(1);
    // Change sets are made beforehand: the figure is the historian's, not the generator's.
    std::vector<ChangeSet> sets;
    sets.reserve(200);
    for (int s = 0; s < 200; ++s)
        sets.push_back(ingestSet(s, kTags, walk, rng));

    ManualClock clock(kT0);
    const QString path = dir + QStringLiteral("/ingest.db");
    Historian h(optionsFor(path), tags, clock);
    startAndWait(h);
    QElapsedTimer timer;
    timer.start();
    for (int step = 0; step < kSteps; ++step) {
        ChangeSet set = sets[size_t(step % 200)];
        const qint64 shift = qint64(step / 200) * 2000;
        for (TagChange &c : set)
            c.sourceTime += shift;
        while (h.stats().queued > 2'000'000)
            QThread::usleep(200); // sustained: the producer never runs far ahead
        h.record(set);
    }
    h.stop();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const double samples = double(kTags) * kSteps;
    const Historian::Stats st = h.stats();
    std::printf("ingest_samples_per_s: %.0f (10000 tags, %.0f samples committed in %.2f s, "
                "dropped %llu)\n",
                samples / seconds, samples, seconds, (unsigned long long)st.dropped);

    NarrowTable narrow(dir + QStringLiteral("/narrow_ingest.db"));
    timer.restart();
    constexpr int kNarrowSteps = 100; // 1,000,000 rows
    for (int step = 0; step < kNarrowSteps; ++step)
        narrow.insert(sets[size_t(step)]);
    const double narrowRate = double(kTags) * kNarrowSteps / (double(timer.nsecsElapsed()) / 1e9);
    std::printf("baseline_sqlite_narrow_rows_per_s: %.0f\n", narrowRate);
    std::printf("ratio_ingest_vs_narrow: %.1f\n", samples / seconds / narrowRate);
    std::printf("target_ingest_1000000_per_s: %s\n", samples / seconds >= 1e6 ? "met" : "NOT MET");
}

void benchRandomWalk(const QString &dir)
{
    constexpr quint32 kTags = 100;
    constexpr int kSteps = 20'000;
    auto tags = std::make_shared<const TagDirectory>([] {
        std::vector<TagDefinition> defs(kTags);
        for (quint32 i = 0; i < kTags; ++i)
            defs[i].id = QStringLiteral("W%1").arg(i);
        return defs;
    }());
    ManualClock clock(kT0);
    Historian h(optionsFor(dir + QStringLiteral("/walk.db")), tags, clock);
    startAndWait(h);
    std::mt19937_64 rng(3);
    std::uniform_real_distribution<double> step(-0.5, 0.5);
    std::vector<double> walk(kTags, 50.0);
    for (int s = 0; s < kSteps; ++s) {
        ChangeSet set;
        for (quint32 i = 0; i < kTags; ++i) {
            walk[i] += step(rng);
            TagChange c;
            c.tag = i;
            c.sourceTime = kT0 + s * 1000LL;
            c.value = walk[i];
            set.append(c);
        }
        h.record(set);
    }
    h.stop();
    const double stored = double(h.stats().stored);
    std::printf("bytes_per_sample_random_walk_doubles: %.2f\n",
                double(usedBytes(dir + QStringLiteral("/walk.db"))) / stored);
}

void benchYear(const QString &dir)
{
    const QString path = dir + QStringLiteral("/year.db");
    auto tags = std::make_shared<const TagDirectory>([] {
        std::vector<TagDefinition> defs(1);
        defs[0].id = QStringLiteral("TT101");
        defs[0].type = DataType::Float32;
        return defs;
    }());
    constexpr qint64 kYear = 365LL * 86'400;
    ManualClock clock(kT0);
    std::mt19937_64 rng(7);
    std::normal_distribution<double> noise(0.0, 0.2);
    NarrowTable narrow(dir + QStringLiteral("/narrow_week.db"));
    {
        Historian h(optionsFor(path), tags, clock);
        startAndWait(h);
        QElapsedTimer t;
        t.start();
        for (qint64 s = 0; s < kYear; s += 10'000) {
            ChangeSet set;
            set.reserve(10'000);
            for (qint64 k = s; k < s + 10'000 && k < kYear; ++k) {
                TagChange c;
                c.sourceTime = kT0 + k * 1000;
                c.value = double(float(60.0 + 12.0 * std::sin(double(k) / 66.8) + noise(rng)));
                set.append(c);
            }
            if (s < 7 * 86'400)
                narrow.insert(set);
            while (h.stats().queued > 2'000'000)
                QThread::usleep(200);
            h.record(set);
        }
        h.stop();
        std::printf("year_ingest_s: %.1f (%lld samples of one pen)\n",
                    double(t.nsecsElapsed()) / 1e9, (long long)kYear);
    }
    HistoryConnection conn(*HistoryUrl::parse(QStringLiteral("sqlite:") + path),
                           HistoryConnection::Role::Reader);
    QString error;
    conn.open(&error);
    const qint64 from = kT0, to = kT0 + kYear * 1000;
    BucketSeries series;
    const double yearMs = medianMs(5, [&] {
        HistoryReader reader(conn.database());
        reader.buckets(QStringLiteral("TT101"), from, to, 2000, series);
    });
    quint64 counted = 0;
    for (const RollupBucket &b : series.buckets)
        counted += b.count;
    const double rawYearMs = medianMs(1, [&] {
        HistoryReader reader(conn.database());
        RollupBuckets buckets(2000);
        const qint64 width = (to - from) / 2000 + 1;
        reader.visitSamples(*reader.tagKey(QStringLiteral("TT101")), {}, from, to,
                            [&](const HistorySample &s) {
                                buckets[(s.time - from) / width].add(s.value, s.quality);
                            });
    });
    std::printf("year_2000_buckets_ms: %.1f (source %s, %llu samples covered)\n", yearMs,
                series.source == BucketSeries::Source::HourRollups ? "hour rollups" : "other",
                (unsigned long long)counted);
    std::printf("baseline_year_raw_decode_ms: %.1f\n", rawYearMs);
    std::printf("ratio_year_raw_vs_rollups: %.0f\n", rawYearMs / yearMs);
    std::printf("target_year_100_ms: %s\n", yearMs <= 100 ? "met" : "NOT MET");
    std::printf("raw_decode_samples_per_s: %.0f (the raw year, decoded into 2000 buckets)\n",
                double(kYear) / rawYearMs * 1000.0);

    // The ranges in between, as the trend page asks for them: 2,000 buckets over a day, a week,
    // the widest range still read from the samples (buckets just under 10 minutes), a month.
    const auto sourceName = [](BucketSeries::Source s) {
        return s == BucketSeries::Source::Raw           ? "samples"
               : s == BucketSeries::Source::FineRollups ? "10-minute rollups"
                                                        : "hour rollups";
    };
    const struct {
        const char *name;
        qint64 spanMs;
    } ranges[] = {{"day", 86'400'000},
                  {"week", 7 * 86'400'000LL},
                  {"13_9_days", 2000 * (RollupBuilder::kFineMs - 1)},
                  {"month", 30 * 86'400'000LL}};
    for (const auto &r : ranges) {
        const qint64 rangeFrom = kT0 + 100LL * 86'400'000 + 1234;
        const double ms = medianMs(5, [&] {
            HistoryReader reader(conn.database());
            reader.buckets(QStringLiteral("TT101"), rangeFrom, rangeFrom + r.spanMs, 2000, series);
        });
        std::printf("range_%s_2000_buckets_ms: %.1f (from %s)\n", r.name, ms,
                    sourceName(series.source));
    }

    const qint64 hourFrom = kT0 + 200LL * 86'400'000 + 3'600'000 * 5 + 1234;
    HistorySamples raw;
    const double hourMs = medianMs(5, [&] {
        HistoryReader reader(conn.database());
        reader.raw(QStringLiteral("TT101"), hourFrom, hourFrom + 3'600'000, raw);
    });
    const qint64 weekFrom = kT0 + 3LL * 86'400'000 + 1234;
    int narrowRows = 0;
    const double narrowHourMs = medianMs(5, [&] {
        QSqlQuery q(narrow.db());
        q.setForwardOnly(true);
        q.prepare(QStringLiteral("SELECT time, value, quality FROM sample WHERE tag = 0 AND time "
                                 ">= ? AND time <= ? ORDER BY time"));
        q.bindValue(0, weekFrom);
        q.bindValue(1, weekFrom + 3'600'000);
        q.exec();
        HistorySamples rows;
        while (q.next())
            rows.append(
                {q.value(0).toLongLong(), q.value(1).toDouble(), Quality(q.value(2).toInt())});
        narrowRows = int(rows.size());
    });
    std::printf("raw_one_hour_ms: %.2f (%lld samples)\n", hourMs, (long long)raw.size());
    std::printf("baseline_narrow_raw_one_hour_ms: %.2f (%d rows)\n", narrowHourMs, narrowRows);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("vigil.*.info=false\nvigil.*.debug=false"));
    registerCoreMetaTypes();
    QTemporaryDir dir;
    dir.setAutoRemove(!qEnvironmentVariableIsSet("KEEP"));
    std::printf("bench_history (SQLite, %s)\n", qPrintable(dir.path()));
    const QStringList only = app.arguments().mid(1);
    auto want = [&](const char *name) {
        return only.isEmpty() || only.contains(QLatin1String(name));
    };
    if (want("demo"))
        benchDemoPlant(dir.path());
    if (want("walk"))
        benchRandomWalk(dir.path());
    if (want("year"))
        benchYear(dir.path());
    if (want("ingest"))
        benchIngest(dir.path());
    return 0;
}
