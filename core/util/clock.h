#pragma once

#include <QtGlobal>

namespace vigil
{

// The one source of wall-clock time. Services take a Clock so that alarm delays, shelving expiry,
// staleness and command timeouts can be tested with ManualClock instead of sleeping.
class Clock
{
public:
    virtual ~Clock() = default;
    // Milliseconds since the Unix epoch, UTC.
    virtual qint64 nowMs() const = 0;
};

} // namespace vigil
