// bench_history's demo plant figure: every tag of resources/demo/plant.toml as Vigil receives it,
// written by vigil-sim's HistoryBackfill (DemoPlantFeed: the plant model in simulated time, each
// device decoded by its driver's code, through TagTable (scaling, deadband) into the historian
// with the plant's [history] settings, heartbeats included), against narrow rows of the same
// change sets.

#include "builtindrivers.h"
#include "config/plantloader.h"
#include "driverregistry.h"
#include "historybackfill.h"
#include "historybench.h"

#include <cstdio>

using namespace vigil;

namespace historybench
{

namespace
{

void printCoverage(const std::vector<sim::DemoPlantFeed::Coverage> &coverage)
{
    int tags = 0, fed = 0;
    for (const sim::DemoPlantFeed::Coverage &c : coverage) {
        tags += c.tags;
        fed += c.fed;
        std::printf("demo_plant_device: %s (%s) %d of %d tags fed, %llu raw samples%s%s\n",
                    qPrintable(c.device), qPrintable(c.driver), c.fed, c.tags,
                    (unsigned long long)c.samples,
                    c.idle.isEmpty() ? "" : "; no samples: ", qPrintable(c.idle.join(u", ")));
    }
    std::printf("demo_plant_tags_fed: %d of %d\n", fed, tags);
}

void printBreakdown(const QString &db, double stored)
{
    // Bytes by table and index (SQLite's dbstat), so the figure can be read, not only trusted.
    HistoryConnection c(*HistoryUrl::parse(QStringLiteral("sqlite:") + db),
                        HistoryConnection::Role::Reader);
    QString error;
    c.open(&error);
    QSqlQuery q(c.database());
    if (!q.exec(QStringLiteral("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 "
                               "DESC")))
        return;
    QStringList parts;
    while (q.next())
        parts.append(QStringLiteral("%1 %2")
                         .arg(q.value(0).toString())
                         .arg(q.value(1).toDouble() / stored, 0, 'f', 2));
    std::printf("demo_plant_bytes_per_sample_by_table: %s\n", qPrintable(parts.join(u", ")));
    if (!qEnvironmentVariableIsSet("VERBOSE"))
        return;
    q.exec(QStringLiteral("SELECT t.name, sum(c.n), sum(length(c.data)), count(*) FROM chunk c "
                          "JOIN tag t ON t.id = c.tag GROUP BY t.name ORDER BY 3 DESC"));
    while (q.next())
        std::printf("  %-14s samples %8lld bytes %8lld chunks %5lld -> %.2f B/sample\n",
                    qPrintable(q.value(0).toString()), q.value(1).toLongLong(),
                    q.value(2).toLongLong(), q.value(3).toLongLong(),
                    q.value(2).toDouble() / q.value(1).toDouble());
}

} // namespace

void benchDemoPlant(const QString &dir)
{
    constexpr qint64 hours = 6;
    DriverRegistry drivers;
    registerBuiltinDrivers(drivers);
    const PlantLoader::Result loaded =
        PlantLoader(drivers).load(QStringLiteral(VIGIL_SOURCE_DIR "/resources/demo/plant.toml"));
    if (!loaded.plant)
        qFatal("demo plant: %s", qPrintable(loaded.diagnostics.toStringList().join(u'\n')));
    const PlantConfig &plant = *loaded.plant;
    const QString db = dir + QStringLiteral("/demo.db");
    NarrowTable narrow(dir + QStringLiteral("/narrow_demo.db"));
    sim::HistoryBackfill backfill(plant, optionsFor(db));
    backfill.setCommitObserver([&](const ChangeSet &set) { narrow.insert(set); });
    const sim::HistoryBackfill::Result result = backfill.run(kT0, kT0 + hours * 3'600'000);
    if (!result.ok)
        qFatal("demo plant: %s", qPrintable(result.error));
    const quint64 changes = result.changes;
    printCoverage(result.coverage);
    const double stored = double(result.stored);
    const qint64 bytes = usedBytes(db);
    const qint64 payload = scalar(db, QStringLiteral("SELECT sum(length(data)) FROM chunk"));
    const qint64 narrowBytes = usedBytes(dir + QStringLiteral("/narrow_demo.db"));
    std::printf("bytes_per_sample_demo_plant: %.2f (%lld bytes in use for %.0f samples of %u "
                "tags, %lld h: %llu changes after deadband, %.0f heartbeats)\n",
                double(bytes) / stored, (long long)bytes, stored, plant.tags->size(),
                (long long)hours, (unsigned long long)changes, stored - double(changes));
    std::printf("chunk_payload_bytes_per_sample_demo_plant: %.2f\n", double(payload) / stored);
    printBreakdown(db, stored);
    // Narrow rows of the same change sets (without heartbeats: per row of its own).
    std::printf("baseline_narrow_bytes_per_sample_demo_plant: %.2f\n",
                double(narrowBytes) / double(changes));
    std::printf("ratio_demo_plant_narrow_vs_historian: %.1f\n",
                double(narrowBytes) / double(changes) / (double(bytes) / stored));
    std::printf("target_demo_4_bytes_per_sample: %s\n",
                double(bytes) / stored <= 4.0 ? "met" : "NOT MET");
}

} // namespace historybench
