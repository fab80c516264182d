#pragma once

#include <QString>

namespace vigil::bench
{

// The value → banner latency with the app's pipeline and threads (alarmbannerbench.cpp says
// how). Needs a running QCoreApplication (a QGuiApplication for the banner's models).
struct BannerLatency {
    bool ok = false;
    QString error;
    int alarms = 0;
    int busyTags = 0;
    int busyChangesPerS = 0;
    double p50Ms = 0;
    double p99Ms = 0;
    double maxMs = 0;
};

BannerLatency measureValueToBanner();

} // namespace vigil::bench
