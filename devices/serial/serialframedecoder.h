#pragma once

#include "serialframe.h"
#include "serialtagbinding.h"
#include "tags/tagsample.h"

#include <optional>
#include <unordered_map>
#include <vector>

namespace vigil
{

class TagDirectory;

// Turns received frames into tag samples for one serial device: checks each frame (CR/LF around
// it trimmed; control bytes from line noise, NMEA checksums), then applies every tag's rule to it.
// A refused frame is reported once, by kind ("garbage", "checksum", "parse", ...), however many
// tags it concerned.
class SerialFrameDecoder
{
public:
    struct Refusal {
        QString kind;
        QString message;
    };

    // nmeaStartMarker: the framer strips a '$' or '!' start marker, so every frame may be NMEA.
    SerialFrameDecoder(const TagDirectory &tags, bool nmeaStartMarker);

    void addBinding(quint32 tag, SerialTagBinding binding);
    // The binding of a tag of this device, or nullptr.
    const SerialTagBinding *binding(quint32 tag) const;

    // Step 1: the frame as the rules see it, or nullopt if it is refused whole.
    std::optional<SerialFrame> check(const QByteArray &bytes, Refusal *refusal) const;
    // Step 2: appends the samples of every tag the frame is for (Bad for a value that is not
    // usable) and returns how many tags it concerned; `refusal` gets the first malformed part.
    int decode(const SerialFrame &frame, qint64 nowMs, SampleBatch &batch,
               std::optional<Refusal> &refusal) const;

private:
    struct Entry {
        quint32 tag;
        SerialTagBinding binding;
    };
    const TagDirectory &m_tags;
    std::vector<Entry> m_entries;
    std::unordered_map<quint32, size_t> m_byTag;
    bool m_needsNmea = false;
    bool m_nmeaStartMarker = false;
};

} // namespace vigil
