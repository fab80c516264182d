// bench_alarms: 10,000 tags with 20,000 rules (limits, digital, deviation from another tag, rate
// of change) plus the engine's own bad-quality and communication-loss alarms. Times
// AlarmEngine::processChanges() for a change set of every tag (target <= 2 ms) and of 100 tags
// (target <= 50 us); the median of many runs. Then the value -> banner latency p50/p99 through
// the app's threads and models (alarmbannerbench.cpp; target p99 <= 150 ms). Values move randomly
// so that about 5 % of the rules change state in each set, which is what a busy plant in an upset
// does, not a quiet one.

#include "alarmbannerbench.h"
#include "alarms/alarmengine.h"
#include "tags/tagdirectory.h"
#include "util/manualclock.h"

#include <QGuiApplication>
#include <QLoggingCategory>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <vector>

using namespace vigil;

namespace
{

constexpr quint32 kTags = 10'000;
constexpr int kSets = 16;         // distinct change sets, cycled
constexpr int kRunsFull = 301;    // timed runs of the 10,000-tag set
constexpr int kRunsSmall = 5'001; // timed runs of the 100-tag set
constexpr int kSmall = 100;

AlarmRule makeRule(AlarmType type, double limit)
{
    AlarmRule r;
    r.type = type;
    r.limit = limit;
    r.deadband = 0.5;
    r.priority = AlarmPriority::Medium;
    r.message = QStringLiteral("bench");
    return r;
}

// Two rules per tag, in five patterns over the tags.
QList<AlarmRule> rulesFor(quint32 i)
{
    switch (i % 5) {
    case 0:
        return {makeRule(AlarmType::Hi, 97.0), makeRule(AlarmType::Lo, 3.0)};
    case 1:
        return {makeRule(AlarmType::HiHi, 98.0), makeRule(AlarmType::Hi, 96.0)};
    case 2:
        return {makeRule(AlarmType::Lo, 4.0), makeRule(AlarmType::LoLo, 2.0)};
    case 3: {
        AlarmRule dev = makeRule(AlarmType::Deviation, 95.0);
        dev.setpointTag = QStringLiteral("T%1").arg((i + 1) % kTags);
        return {makeRule(AlarmType::Hi, 97.0), dev};
    }
    default: {
        AlarmRule digital = makeRule(AlarmType::Digital, 0.0);
        return {digital, makeRule(AlarmType::RateOfChange, 97.0)};
    }
    }
}

std::shared_ptr<const TagDirectory> makeTags()
{
    std::vector<TagDefinition> tags(kTags);
    for (quint32 i = 0; i < kTags; ++i) {
        TagDefinition &t = tags[i];
        t.id = QStringLiteral("T%1").arg(i);
        t.device = QStringLiteral("dev%1").arg(i / 1000);
        t.type = i % 5 == 4 ? DataType::Bool : DataType::Float64;
        t.alarms = rulesFor(i);
    }
    return std::make_shared<const TagDirectory>(std::move(tags));
}

// Set s carries source times one second after set s - 1.
std::vector<ChangeSet> makeSets()
{
    std::mt19937_64 rng(42);
    std::uniform_real_distribution<double> value(0, 100);
    std::bernoulli_distribution on(0.02);
    std::vector<ChangeSet> sets(kSets);
    for (int s = 0; s < kSets; ++s) {
        sets[s].reserve(kTags);
        for (quint32 i = 0; i < kTags; ++i) {
            TagChange c;
            c.tag = i;
            c.value = i % 5 == 4 ? (on(rng) ? 1.0 : 0.0) : value(rng);
            c.sourceTime = 1'700'000'000'000 + qint64(s) * 1000;
            c.serverTime = c.sourceTime;
            sets[s].append(c);
        }
    }
    return sets;
}

// Moves a set's source times past the previous use of it, so rates keep seeing time advance.
void advanceTimes(ChangeSet &set)
{
    for (TagChange &c : set) {
        c.sourceTime += kSets * 1000;
        c.serverTime = c.sourceTime;
    }
}

// The median time of run(r); prepare(r) runs first, untimed.
template<typename P, typename F>
double medianSeconds(int runs, P &&prepare, F &&run)
{
    std::vector<double> times;
    times.reserve(runs);
    for (int r = 0; r < runs; ++r) {
        prepare(r);
        const auto t0 = std::chrono::steady_clock::now();
        run(r);
        times.push_back(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

int printBannerLatency(const bench::BannerLatency &r)
{
    if (!r.ok) {
        std::fprintf(stderr, "bench_alarms: value to banner: %s\n", qPrintable(r.error));
        return 1;
    }
    std::printf("value_to_banner alarms=%d busy_tags=%d busy_changes_per_s=%d\n", r.alarms,
                r.busyTags, r.busyChangesPerS);
    std::printf("value_to_banner_p50_ms: %.2f\n", r.p50Ms);
    std::printf("value_to_banner_p99_ms: %.2f\n", r.p99Ms);
    std::printf("value_to_banner_max_ms: %.2f\n", r.maxMs);
    std::printf("target_value_to_banner_p99_ms: 150 %s\n", r.p99Ms <= 150.0 ? "met" : "NOT MET");
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("vigil.*.info=false\nvigil.*.debug=false"));
    const auto tags = makeTags();
    ManualClock clock;
    AlarmEngine engine(tags, clock);
    quint64 transitions = 0;
    QObject::connect(&engine, &AlarmEngine::transitionsOccurred,
                     [&](const AlarmTransitionBatch &b) { transitions += quint64(b.size()); });

    std::vector<ChangeSet> full = makeSets();
    for (const ChangeSet &set : full) // warm up: every alarm has a state and every tag a rate
        engine.processChanges(set);

    quint64 before = transitions;
    const double fullS = medianSeconds(
        kRunsFull,
        [&](int r) {
            clock.advance(1000);
            advanceTimes(full[r % kSets]);
        },
        [&](int r) { engine.processChanges(full[r % kSets]); });
    const double perFullSet = double(transitions - before) / kRunsFull;

    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> value(0, 100);
    std::vector<ChangeSet> small(kSets);
    for (int s = 0; s < kSets; ++s)
        small[s] = full[s].mid((s * 617) % (kTags - kSmall), kSmall);
    before = transitions;
    const double smallS = medianSeconds(
        kRunsSmall,
        [&](int r) {
            clock.advance(10);
            ChangeSet &set = small[r % kSets];
            advanceTimes(set);
            // Fresh values each use, or a reused subset would repeat what the engine has seen.
            for (TagChange &c : set)
                c.value = c.tag % 5 == 4 ? double(rng() % 50 == 0) : value(rng);
        },
        [&](int r) { engine.processChanges(small[r % kSets]); });
    const double perSmallSet = double(transitions - before) / kRunsSmall;

    std::printf("bench_alarms tags=%u alarms=%u runs_full=%d runs_small=%d\n", kTags,
                engine.alarmCount(), kRunsFull, kRunsSmall);
    std::printf("alarm_transitions_per_10000_set: %.0f\n", perFullSet);
    std::printf("alarm_transitions_per_100_set: %.1f\n", perSmallSet);
    std::printf("alarm_eval_10000_changed_ms: %.3f\n", fullS * 1e3);
    std::printf("alarm_eval_100_changed_us: %.1f\n", smallS * 1e6);
    std::printf("target_10000_changed_ms: 2 %s\n", fullS * 1e3 <= 2.0 ? "met" : "NOT MET");
    std::printf("target_100_changed_us: 50 %s\n", smallS * 1e6 <= 50.0 ? "met" : "NOT MET");
    std::fflush(stdout);
    return printBannerLatency(bench::measureValueToBanner());
}
