#pragma once

#include "driverstatistics.h"

namespace vigil
{

struct ModbusError;
struct ModbusPoint;

// How Modbus outcomes land in the Devices page counters: every try is a request; a good answer
// or an exception is a response with its round trip; failures are counted by kind ("timeout",
// "framing", "exception 2", "connection", "non-finite value").
class ModbusCounters
{
public:
    // One try: error is null for a good answer.
    static void countTry(DriverStatistics &s, const ModbusError *error, double rttMs, qint64 nowMs);
    // A value that decoded to NaN or infinity: rejected, with the tag and where it was read.
    static void countNonFinite(DriverStatistics &s, const QString &tagId, const ModbusPoint &point,
                               qint64 nowMs);
};

} // namespace vigil
