#include "serialframedecoder.h"

#include "serialbytes.h"
#include "tags/tagdirectory.h"

namespace vigil
{

SerialFrameDecoder::SerialFrameDecoder(const TagDirectory &tags, bool nmeaStartMarker)
    : m_tags(tags)
    , m_nmeaStartMarker(nmeaStartMarker)
{
}

void SerialFrameDecoder::addBinding(quint32 tag, SerialTagBinding binding)
{
    m_needsNmea = m_needsNmea || binding.needsNmea();
    m_byTag.emplace(tag, m_entries.size());
    m_entries.push_back({tag, std::move(binding)});
}

const SerialTagBinding *SerialFrameDecoder::binding(quint32 tag) const
{
    const auto it = m_byTag.find(tag);
    return it == m_byTag.end() ? nullptr : &m_entries[it->second].binding;
}

std::optional<SerialFrame> SerialFrameDecoder::check(const QByteArray &received,
                                                     Refusal *refusal) const
{
    // Line ends around a frame (fixed-length records ending in CR LF, a custom terminator after
    // a line end) are not part of it.
    qsizetype begin = 0, end = received.size();
    while (begin < end && (received.at(begin) == '\r' || received.at(begin) == '\n'))
        ++begin;
    while (end > begin && (received.at(end - 1) == '\r' || received.at(end - 1) == '\n'))
        --end;
    const QByteArray bytes = received.mid(begin, end - begin);
    if (SerialBytes::hasControlBytes(bytes)) {
        *refusal = {
            QStringLiteral("garbage"),
            QStringLiteral("frame with control bytes: '%1'").arg(SerialBytes::printable(bytes))};
        return std::nullopt;
    }
    SerialFrame frame{bytes, SerialBytes::toText(bytes), std::nullopt};
    if (m_needsNmea &&
        (m_nmeaStartMarker || frame.text.startsWith(u'$') || frame.text.startsWith(u'!')))
        frame.nmea = NmeaSentence::parse(frame.text);
    if (frame.nmea && frame.nmea->checksum() == NmeaSentence::Checksum::Bad) {
        *refusal = {QStringLiteral("checksum"),
                    QStringLiteral("bad NMEA checksum in '%1' (computed %2)")
                        .arg(SerialBytes::printable(bytes))
                        .arg(frame.nmea->expectedChecksum(), 2, 16, QLatin1Char('0'))};
        return std::nullopt;
    }
    return frame;
}

int SerialFrameDecoder::decode(const SerialFrame &frame, qint64 nowMs, SampleBatch &batch,
                               std::optional<Refusal> &refusal) const
{
    int matched = 0;
    for (const Entry &e : m_entries) {
        TagSample sample;
        sample.tag = e.tag;
        sample.sourceTime = nowMs;
        QString kind, error;
        switch (e.binding.apply(frame, sample, &kind, &error)) {
        case SerialTagBinding::Outcome::NoMatch:
            continue;
        case SerialTagBinding::Outcome::Sample:
            break;
        case SerialTagBinding::Outcome::NoData:
            sample.quality = Quality::Bad;
            break;
        case SerialTagBinding::Outcome::Invalid:
            if (!refusal)
                refusal = Refusal{kind, QStringLiteral("tag '%1': %2 in '%3'")
                                            .arg(m_tags.at(e.tag).id, error,
                                                 SerialBytes::printable(frame.bytes))};
            if (kind != u"parse") {
                ++matched;
                continue; // a corrupt frame says nothing about the value
            }
            sample.quality = Quality::Bad; // the device sent something that is not a value
            break;
        }
        ++matched;
        batch.append(std::move(sample));
    }
    return matched;
}

} // namespace vigil
