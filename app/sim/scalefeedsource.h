#pragma once

#include "feedsource.h"
#include "serial/serialframedecoder.h"
#include "serial/serialframer.h"
#include "serial/serialsettings.h"
#include "weighscale.h"

namespace vigil
{
class TagDirectory;
}

namespace vigil::sim
{

class PlantModel;

// The serial weigh scale of the demo plant feed: vigil-sim's WeighScale weighs every 100 ms and
// streams a record (GS and NT lines) every 250 ms, framed and decoded by the driver's
// SerialFramer and SerialFrameDecoder with the device's framing and the tags' rules.
class ScaleFeedSource : public FeedSource
{
public:
    static constexpr qint64 kSampleMs = 100;
    static constexpr qint64 kRecordMs = 250; // vigil-sim --scale-period default

    ScaleFeedSource(const DeviceConfig &device, const TagDirectory &tags, PlantModel &model,
                    qint64 t0);

    qint64 next() const override { return std::min(m_nextSample, m_nextRecord); }
    void poll(qint64 now, SampleBatch &out) override;

private:
    WeighScale m_scale;
    SerialSettings m_settings;
    SerialFramer m_framer;
    SerialFrameDecoder m_decoder;
    qint64 m_t0, m_nextSample, m_nextRecord;
};

} // namespace vigil::sim
