#pragma once

#include "clock.h"

#include <atomic>

namespace vigil
{

// A clock that only moves when told to. Thread-safe, for tests and simulations.
// advance() is time passing (wall and monotonic move together); setNowMs() moves only the wall
// clock, as an operator or NTP correcting the system time would.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs = 1'700'000'000'000)
        : m_now(startMs)
    {
    }
    qint64 nowMs() const override { return m_now.load(std::memory_order_relaxed); }
    qint64 monotonicMs() const override { return m_mono.load(std::memory_order_relaxed); }
    void setNowMs(qint64 ms) { m_now.store(ms, std::memory_order_relaxed); }
    void advance(qint64 ms)
    {
        m_now.fetch_add(ms, std::memory_order_relaxed);
        m_mono.fetch_add(ms, std::memory_order_relaxed);
    }

private:
    std::atomic<qint64> m_now;
    std::atomic<qint64> m_mono{0};
};

} // namespace vigil
