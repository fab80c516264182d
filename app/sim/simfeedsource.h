#pragma once

#include "feedsource.h"
#include "sim/simsignal.h"

#include <random>
#include <utility>
#include <vector>

namespace vigil
{
class TagDirectory;
}

namespace vigil::sim
{

// A device of the built-in sim driver in the demo plant feed: every signal at the device's
// period, with the device's seed, as the sim driver samples it.
class SimFeedSource : public FeedSource
{
public:
    SimFeedSource(const DeviceConfig &device, const TagDirectory &tags, qint64 t0);

    qint64 next() const override { return m_next; }
    void poll(qint64 now, SampleBatch &out) override;

private:
    qint64 m_periodMs = 1000;
    qint64 m_next;
    std::mt19937_64 m_rng;
    std::vector<std::pair<quint32, SimSignal>> m_signals;
};

} // namespace vigil::sim
