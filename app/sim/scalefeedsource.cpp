#include "scalefeedsource.h"

#include "config/configreader.h"
#include "config/diagnostics.h"
#include "tags/tagdirectory.h"

namespace vigil::sim
{

namespace
{

SerialSettings settingsOf(const DeviceConfig &device)
{
    Diagnostics diagnostics;
    ConfigReader reader(device.node, device.object(), diagnostics);
    return SerialSettings::read(reader);
}

} // namespace

ScaleFeedSource::ScaleFeedSource(const DeviceConfig &device, const TagDirectory &tags,
                                 PlantModel &model, qint64 t0)
    : FeedSource(device)
    , m_scale(model, 1)
    , m_settings(settingsOf(device))
    , m_framer(m_settings.framing)
    , m_decoder(tags, false)
    , m_t0(t0)
    , m_nextSample(t0)
    , m_nextRecord(t0)
{
    for (quint32 t : tags.tagsOfDevice(device.id)) {
        Diagnostics diagnostics;
        if (auto binding = SerialTagBinding::read(tags.at(t), diagnostics))
            m_decoder.addBinding(t, std::move(*binding));
    }
}

void ScaleFeedSource::poll(qint64 now, SampleBatch &out)
{
    const double nowS = double(now - m_t0) / 1000.0;
    if (m_nextSample <= now) {
        m_scale.sample(nowS);
        m_nextSample += kSampleMs;
    }
    if (m_nextRecord > now)
        return;
    m_nextRecord += kRecordMs;
    SerialFramer::Output frames;
    m_framer.feed(m_scale.record(), frames);
    for (const QByteArray &bytes : std::as_const(frames.frames)) {
        SerialFrameDecoder::Refusal refusal;
        const std::optional<SerialFrame> frame = m_decoder.check(bytes, &refusal);
        if (!frame)
            qFatal("scale frame refused: %s", qPrintable(refusal.message));
        std::optional<SerialFrameDecoder::Refusal> malformed;
        m_decoder.decode(*frame, now + 2, out, malformed); // 9600 Bd: ~20 ms a line; say 2
        if (malformed)
            qFatal("scale frame malformed: %s", qPrintable(malformed->message));
    }
}

} // namespace vigil::sim
