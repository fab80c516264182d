// bench_ingest: 10,000 tags, batches of 1,000 raw samples through the tag core (scaling,
// deadband, quality, change sets built), against a raw baseline that only scales the samples into
// an array. Prints one line per figure. Target: >= 5,000,000 samples/s.

#include "tags/tagtable.h"
#include "util/manualclock.h"

#include <QCoreApplication>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <vector>

using namespace vigil;

namespace
{

constexpr quint32 kTags = 10'000;
constexpr int kBatchSize = 1'000;
constexpr int kBatches = 200; // distinct batches, cycled
constexpr int kPasses = 25;   // 25 x 200 x 1000 = 5,000,000 samples per run
constexpr int kRuns = 7;      // the median run is reported

std::shared_ptr<const TagDirectory> makeTags()
{
    std::vector<TagDefinition> tags(kTags);
    for (quint32 i = 0; i < kTags; ++i) {
        TagDefinition &t = tags[i];
        t.id = QStringLiteral("T%1").arg(i);
        t.device = QStringLiteral("dev");
        t.type = DataType::Float64;
        t.unit = QStringLiteral("bar");
        t.rangeLo = 0;
        t.rangeHi = 1000;
        t.scaling = Scaling::fromGainOffset(0.1, -5.0);
        t.deadband = 0.01;
    }
    return std::make_shared<const TagDirectory>(std::move(tags));
}

std::vector<SampleBatch> makeBatches(bool changing)
{
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> value(0, 10'000);
    std::vector<SampleBatch> batches(kBatches);
    quint32 next = 0;
    for (SampleBatch &b : batches) {
        b.reserve(kBatchSize);
        for (int i = 0; i < kBatchSize; ++i) {
            TagSample s;
            s.tag = next;
            next = (next + 1) % kTags;
            s.value = changing ? value(rng) : 100.0;
            s.sourceTime = 1'700'000'000'000 + i;
            b.append(s);
        }
    }
    return batches;
}

template<typename F>
double medianRate(F &&run)
{
    std::vector<double> rates;
    for (int r = 0; r < kRuns; ++r) {
        const auto t0 = std::chrono::steady_clock::now();
        const quint64 samples = run();
        const double s =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        rates.push_back(double(samples) / s);
    }
    std::sort(rates.begin(), rates.end());
    return rates[rates.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const auto tags = makeTags();
    ManualClock clock;
    const std::vector<SampleBatch> changing = makeBatches(true);
    const std::vector<SampleBatch> steady = makeBatches(false);

    volatile qsizetype sink = 0;
    TagTable table(tags, clock);
    const double coreChanging = medianRate([&] {
        quint64 n = 0;
        for (int p = 0; p < kPasses; ++p) {
            for (const SampleBatch &b : changing) {
                clock.advance(1);
                const ChangeSet cs = table.apply(b);
                sink = sink + cs.size();
                n += quint64(b.size());
            }
        }
        return n;
    });
    const double coreSteady = medianRate([&] {
        quint64 n = 0;
        for (int p = 0; p < kPasses; ++p) {
            for (const SampleBatch &b : steady) {
                const ChangeSet cs = table.apply(b);
                sink = sink + cs.size();
                n += quint64(b.size());
            }
        }
        return n;
    });

    // Raw baseline: scale every sample into a value array, nothing else.
    std::vector<double> values(kTags);
    const double baseline = medianRate([&] {
        quint64 n = 0;
        for (int p = 0; p < kPasses; ++p) {
            for (const SampleBatch &b : changing) {
                for (const TagSample &s : b)
                    values[s.tag] = s.value * 0.1 - 5.0;
                n += quint64(b.size());
            }
        }
        sink = sink + qsizetype(values[7]);
        return n;
    });

    std::printf("bench_ingest tags=%u batch=%d samples_per_run=%d runs=%d\n", kTags, kBatchSize,
                kBatches * kPasses * kBatchSize, kRuns);
    std::printf("ingest_changing_samples_per_s: %.0f\n", coreChanging);
    std::printf("ingest_within_deadband_samples_per_s: %.0f\n", coreSteady);
    std::printf("baseline_scale_only_samples_per_s: %.0f\n", baseline);
    std::printf("ratio_changing_vs_baseline: %.3f\n", coreChanging / baseline);
    std::printf("target_samples_per_s: 5000000 %s\n", coreChanging >= 5e6 ? "met" : "NOT MET");
    return 0;
}
