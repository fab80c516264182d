#pragma once

#include <QtGlobal>

namespace vigil
{

// The one source of time. Services take a Clock so that alarm delays, shelving expiry,
// staleness and command timeouts can be tested with ManualClock instead of sleeping.
class Clock
{
public:
    virtual ~Clock() = default;
    // Wall time: milliseconds since the Unix epoch, UTC. For journals and display; it may jump.
    virtual qint64 nowMs() const = 0;
    // Milliseconds on a clock that never jumps (arbitrary origin). Durations (delays, shelving
    // expiry, re-alarm) are measured on it so that a wall-clock correction does not change them.
    virtual qint64 monotonicMs() const = 0;
};

} // namespace vigil
