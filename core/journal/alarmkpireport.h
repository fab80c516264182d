#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

#include <array>

namespace vigil
{

// One alarm named by a KPI: a bad actor, a chattering, fleeting or stale alarm.
struct AlarmKpiOffender {
    QString key;
    QString tag;
    QString message;
    int priority = 0;
    // Bad actors: raises in the period; chattering: the most raises within one chatter window;
    // fleeting: fleeting raises; stale: 0.
    int count = 0;
    // Stale: when it was raised; chattering: when its worst window began; else 0.
    qint64 timeMs = 0;
};

// A time in which the last rate window held at least the flood threshold of alarms: from the
// raise that reached it to the moment the count fell below it again (clipped to the period).
struct AlarmFloodPeriod {
    qint64 startMs = 0;
    qint64 endMs = 0;
    int peak = 0; // the most alarms within one window during the flood
};

// The alarm KPIs (EEMUA 191) of one period [fromMs, toMs] for one operator position.
struct AlarmKpiReport {
    qint64 fromMs = 0;
    qint64 toMs = 0;
    qint64 rateWindowMs = 0;
    int alarms = 0;                  // raises counted in the period
    std::array<int, 4> byPriority{}; // index priority - 1: low, medium, high, critical
    double averagePerWindow = 0.0;   // alarms per rate window over the period
    int peakPerWindow = 0;           // the most alarms within any one window of the period
    qint64 peakAtMs = 0;             // when that peak was reached (the window's last raise)
    int recentAlarms = 0;  // raises in the last window of the period, (toMs - window, toMs]
    bool floodNow = false; // recentAlarms reach the flood threshold
    QList<AlarmFloodPeriod> floods;
    double floodTimePercent = 0.0;     // share of the period spent in floods
    QList<AlarmKpiOffender> badActors; // most raises first, then by key
    double badActorSharePercent = 0.0; // their share of all alarms
    QList<AlarmKpiOffender> chattering;
    QList<AlarmKpiOffender> fleeting;
    QList<AlarmKpiOffender> stale; // raised longest ago first
};

} // namespace vigil

Q_DECLARE_METATYPE(vigil::AlarmKpiReport)
