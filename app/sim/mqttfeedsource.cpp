#include "mqttfeedsource.h"

#include "config/diagnostics.h"
#include "mqttstatepayload.h"
#include "plantmodel.h"
#include "tags/tagdirectory.h"

namespace vigil::sim
{

MqttFeedSource::MqttFeedSource(const DeviceConfig &device, const TagDirectory &tags,
                               PlantModel &model, qint64 t0)
    : FeedSource(device)
    , m_model(model)
    , m_next(t0)
{
    for (quint32 t : tags.tagsOfDevice(device.id)) {
        Diagnostics diagnostics;
        if (auto mapping = MqttTagMapping::read(tags.at(t), diagnostics))
            m_router.addTag(t, tags.at(t).type, std::move(*mapping));
    }
}

void MqttFeedSource::poll(qint64 now, SampleBatch &out)
{
    if (!m_connected) {
        m_router.route("riverside/unit1/sim/status", "online", now, out);
        m_connected = true;
    }
    const QByteArray payload = MqttStatePayload::encode(m_model.state(), now);
    m_router.route("riverside/unit1/state", payload, now + 1, out); // broker round trip
    m_next += kPeriodMs;
}

} // namespace vigil::sim
