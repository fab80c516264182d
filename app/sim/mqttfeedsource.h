#pragma once

#include "feedsource.h"
#include "mqtt/mqttmessagerouter.h"

namespace vigil
{
class TagDirectory;
}

namespace vigil::sim
{

class PlantModel;

// An MQTT device of the demo plant feed: vigil-sim's JSON state document (MqttStatePayload,
// every 500 ms) and its retained "online" status, routed by the driver's MqttMessageRouter.
class MqttFeedSource : public FeedSource
{
public:
    static constexpr qint64 kPeriodMs = 500; // vigil-sim --mqtt-period default

    MqttFeedSource(const DeviceConfig &device, const TagDirectory &tags, PlantModel &model,
                   qint64 t0);

    qint64 next() const override { return m_next; }
    void poll(qint64 now, SampleBatch &out) override;

private:
    PlantModel &m_model;
    MqttMessageRouter m_router;
    qint64 m_next;
    bool m_connected = false;
};

} // namespace vigil::sim
