#include "alarmkpicalculator.h"

#include <algorithm>
#include <optional>

namespace vigil
{

namespace
{

using Transition = AlarmKpiInput::Transition;
using Change = AlarmKpiInput::Change;

AlarmKpiOffender offender(const AlarmKpiInput &input, int alarm, int count, qint64 timeMs = 0)
{
    const AlarmKpiInput::Alarm &a = input.alarms()[size_t(alarm)];
    return {a.key, a.tag, a.message, a.priority, count, timeMs};
}

void sortByCountThenKey(QList<AlarmKpiOffender> &list)
{
    std::sort(list.begin(), list.end(), [](const AlarmKpiOffender &a, const AlarmKpiOffender &b) {
        return a.count != b.count ? a.count > b.count : a.key < b.key;
    });
}

struct Prepared {
    std::vector<Transition> sorted; // every transition, in time order
    std::vector<qint64> raises;     // counted raise times in the period, in time order
    std::vector<std::vector<qint64>> raisesByAlarm;
};

Prepared prepare(const AlarmKpiInput &input, qint64 fromMs, qint64 toMs,
                 const AlarmKpiOptions &options, AlarmKpiReport &report)
{
    Prepared p;
    p.sorted = input.transitions();
    std::stable_sort(p.sorted.begin(), p.sorted.end(),
                     [](const Transition &a, const Transition &b) { return a.timeMs < b.timeMs; });
    p.raisesByAlarm.resize(input.alarms().size());
    for (const Transition &t : p.sorted) {
        if (t.change != Change::Raised || t.timeMs < fromMs || t.timeMs > toMs ||
            (t.hidden && !options.countHidden))
            continue;
        p.raises.push_back(t.timeMs);
        p.raisesByAlarm[size_t(t.alarm)].push_back(t.timeMs);
        const int priority = input.alarms()[size_t(t.alarm)].priority;
        if (priority >= 1 && priority <= 4)
            ++report.byPriority[size_t(priority - 1)];
    }
    report.alarms = int(p.raises.size());
    return p;
}

// Sweeps the window count c(t) = raises in (t - w, t] over the period: each raise adds one at
// its time and takes it away w later. Where c reaches the threshold a flood starts; where it
// falls below again, the flood ends.
void computeRates(const Prepared &p, const AlarmKpiOptions &options, AlarmKpiReport &report)
{
    const qint64 w = options.rateWindowMs;
    const qint64 span = report.toMs - report.fromMs;
    report.averagePerWindow =
        span > 0 ? double(report.alarms) * double(w) / double(span) : double(report.alarms);
    const std::vector<qint64> &raises = p.raises; // in time order
    size_t in = 0;                                // next raise to enter the window
    size_t out = 0;                               // next raise to leave it
    int count = 0;
    qint64 floodMs = 0;
    std::optional<AlarmFloodPeriod> flood;
    auto endFlood = [&](qint64 at) {
        flood->endMs = std::min(at, report.toMs);
        floodMs += flood->endMs - flood->startMs;
        report.floods.append(*flood);
        flood.reset();
    };
    while (in < raises.size()) {
        // Leaving before entering at the same time: (t - w, t] no longer holds a raise at t - w.
        const qint64 leaves = raises[out] + w;
        if (leaves <= raises[in]) {
            ++out;
            if (--count < options.floodAlarmsPerWindow && flood)
                endFlood(leaves);
            continue;
        }
        const qint64 at = raises[in++];
        if (++count > report.peakPerWindow) {
            report.peakPerWindow = count;
            report.peakAtMs = at;
        }
        if (count >= options.floodAlarmsPerWindow && !flood)
            flood = AlarmFloodPeriod{at, at, count};
        if (flood)
            flood->peak = std::max(flood->peak, count);
    }
    // After the last raise the window only empties.
    for (; flood && out < raises.size(); ++out) {
        if (--count < options.floodAlarmsPerWindow)
            endFlood(raises[out] + w);
    }
    if (flood)
        endFlood(report.toMs);
    report.floodTimePercent = span > 0 ? 100.0 * double(floodMs) / double(span) : 0.0;
    report.recentAlarms = int(
        std::count_if(raises.begin(), raises.end(), [&](qint64 t) { return t > report.toMs - w; }));
    report.floodNow = report.recentAlarms >= options.floodAlarmsPerWindow;
}

void computeBadActors(const AlarmKpiInput &input, const Prepared &p, const AlarmKpiOptions &options,
                      AlarmKpiReport &report)
{
    QList<AlarmKpiOffender> all;
    for (size_t a = 0; a < p.raisesByAlarm.size(); ++a) {
        if (!p.raisesByAlarm[a].empty())
            all.append(offender(input, int(a), int(p.raisesByAlarm[a].size())));
    }
    sortByCountThenKey(all);
    report.badActors = all.mid(0, options.badActorCount);
    int top = 0;
    for (const AlarmKpiOffender &o : report.badActors)
        top += o.count;
    report.badActorSharePercent = report.alarms > 0 ? 100.0 * top / report.alarms : 0.0;
}

void computeChattering(const AlarmKpiInput &input, const Prepared &p,
                       const AlarmKpiOptions &options, AlarmKpiReport &report)
{
    for (size_t a = 0; a < p.raisesByAlarm.size(); ++a) {
        const std::vector<qint64> &times = p.raisesByAlarm[a];
        int worst = 0;
        qint64 worstStart = 0;
        size_t first = 0;
        for (size_t last = 0; last < times.size(); ++last) {
            while (times[last] - times[first] >= options.chatterWindowMs)
                ++first;
            if (int(last - first + 1) > worst) {
                worst = int(last - first + 1);
                worstStart = times[first];
            }
        }
        if (worst >= options.chatterActivations)
            report.chattering.append(offender(input, int(a), worst, worstStart));
    }
    sortByCountThenKey(report.chattering);
}

void computeFleeting(const AlarmKpiInput &input, const Prepared &p, const AlarmKpiOptions &options,
                     AlarmKpiReport &report)
{
    // The raise each alarm is waiting to see cleared (only counted raises of the period).
    std::vector<std::optional<qint64>> pending(input.alarms().size());
    std::vector<int> fleeting(input.alarms().size(), 0);
    for (const Transition &t : p.sorted) {
        std::optional<qint64> &raised = pending[size_t(t.alarm)];
        if (t.change == Change::Raised) {
            const bool counted = t.timeMs >= report.fromMs && t.timeMs <= report.toMs &&
                                 (!t.hidden || options.countHidden);
            raised = counted ? std::optional<qint64>(t.timeMs) : std::nullopt;
        } else {
            if (raised && t.timeMs - *raised <= options.fleetingMs)
                ++fleeting[size_t(t.alarm)];
            raised.reset();
        }
    }
    for (size_t a = 0; a < fleeting.size(); ++a) {
        if (fleeting[a] > 0)
            report.fleeting.append(offender(input, int(a), fleeting[a]));
    }
    sortByCountThenKey(report.fleeting);
}

void computeStale(const AlarmKpiInput &input, const AlarmKpiOptions &options,
                  AlarmKpiReport &report)
{
    for (const AlarmKpiInput::Active &a : input.active()) {
        if ((a.hidden && !options.countHidden) || report.toMs - a.raisedMs <= options.staleMs)
            continue;
        report.stale.append(offender(input, a.alarm, 0, a.raisedMs));
    }
    std::sort(report.stale.begin(), report.stale.end(),
              [](const AlarmKpiOffender &a, const AlarmKpiOffender &b) {
                  return a.timeMs != b.timeMs ? a.timeMs < b.timeMs : a.key < b.key;
              });
}

} // namespace

AlarmKpiReport AlarmKpiCalculator::compute(const AlarmKpiInput &input, qint64 fromMs, qint64 toMs,
                                           const AlarmKpiOptions &options)
{
    AlarmKpiReport report;
    report.fromMs = fromMs;
    report.toMs = toMs;
    report.rateWindowMs = options.rateWindowMs;
    const Prepared prepared = prepare(input, fromMs, toMs, options, report);
    computeRates(prepared, options, report);
    computeBadActors(input, prepared, options, report);
    computeChattering(input, prepared, options, report);
    computeFleeting(input, prepared, options, report);
    computeStale(input, options, report);
    return report;
}

} // namespace vigil
