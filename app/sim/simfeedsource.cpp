#include "simfeedsource.h"

#include "config/duration.h"
#include "tags/tagdirectory.h"

namespace vigil::sim
{

SimFeedSource::SimFeedSource(const DeviceConfig &device, const TagDirectory &tags, qint64 t0)
    : FeedSource(device)
    , m_next(t0)
{
    const ConfigNode *period = device.node.member(u"period");
    m_periodMs = period ? Duration::parseMs(period->text).value_or(1000) : 1000;
    const ConfigNode *seed = device.node.member(u"seed");
    m_rng.seed(seed ? quint64(seed->integer) : 1);
    for (quint32 t : tags.tagsOfDevice(device.id)) {
        QString error;
        if (auto s = SimSignal::parse(tags.at(t).address, tags.at(t).type, &error))
            m_signals.emplace_back(t, *s);
    }
}

void SimFeedSource::poll(qint64 now, SampleBatch &out)
{
    for (auto &[tag, signal] : m_signals)
        out.append(signal.sample(tag, now, m_rng));
    m_next += m_periodMs;
}

} // namespace vigil::sim
