#include "driverstatistics.h"

#include <algorithm>

namespace vigil
{

void DriverStatistics::recordRoundTrip(double ms)
{
    ++m_rttSamples;
    rttAvgMs += (ms - rttAvgMs) / double(m_rttSamples);
    rttMaxMs = std::max(rttMaxMs, ms);
}

void DriverStatistics::recordError(const QString &kind, const QString &message, qint64 nowMs)
{
    ++errors;
    ++errorsByKind[kind];
    lastError = message;
    lastErrorMs = nowMs;
}

} // namespace vigil
