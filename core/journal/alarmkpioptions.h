#pragma once

#include <QtGlobal>

namespace vigil
{

// The thresholds of the alarm KPIs (EEMUA 191). One panel is one operator position.
struct AlarmKpiOptions {
    static constexpr qint64 kRateWindowMs = 10 * 60'000;
    static constexpr int kFloodAlarmsPerWindow = 10;
    static constexpr int kChatterActivations = 3;
    static constexpr qint64 kChatterWindowMs = 60'000;
    static constexpr qint64 kFleetingMs = 1'000;
    static constexpr qint64 kStaleMs = 24 * 3'600'000;
    static constexpr int kBadActorCount = 10;

    // Alarm rates count the raises of a sliding window of this length: at any time t, those of
    // (t - rateWindowMs, t], the window an operator has just lived through.
    qint64 rateWindowMs = kRateWindowMs;
    // The alarm system is flooded while a window holds at least this many alarms.
    int floodAlarmsPerWindow = kFloodAlarmsPerWindow;
    // An alarm chatters when it is raised this often within chatterWindowMs (a window
    // [t, t + chatterWindowMs)).
    int chatterActivations = kChatterActivations;
    qint64 chatterWindowMs = kChatterWindowMs;
    // A raise cleared again within this time (inclusive) is fleeting.
    qint64 fleetingMs = kFleetingMs;
    // Active for longer than this at the period's end: stale.
    qint64 staleMs = kStaleMs;
    int badActorCount = kBadActorCount;
    // Raises of shelved, suppressed or out-of-service alarms reach no operator, so by default
    // they are left out of every figure.
    bool countHidden = false;
};

} // namespace vigil
