#pragma once

#include "config/deviceconfig.h"
#include "tags/tagsample.h"

#include <QtGlobal>

namespace vigil::sim
{

// One device of the demo plant feed (DemoPlantFeed), in simulated time: due at next(), poll()
// appends what the device's driver would publish at `now`.
class FeedSource
{
public:
    explicit FeedSource(const DeviceConfig &device)
        : m_device(device)
    {
    }
    virtual ~FeedSource() = default;
    FeedSource(const FeedSource &) = delete;
    FeedSource &operator=(const FeedSource &) = delete;

    virtual qint64 next() const = 0;
    virtual void poll(qint64 now, SampleBatch &out) = 0;
    const DeviceConfig &device() const { return m_device; }

private:
    const DeviceConfig &m_device;
};

} // namespace vigil::sim
