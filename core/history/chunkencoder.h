#pragma once

#include "bitwriter.h"
#include "ricestate.h"
#include "tags/quality.h"
#include "valueencoding.h"

#include <QByteArray>

#include <array>
#include <vector>

namespace vigil
{

// Encodes one tag's samples into a compact chunk (Gorilla-style):
//   header: format|mode byte, count, first time (zigzag varint), [gain, offset], quality runs
//   bits:   per sample a delta-of-delta time code and an XOR (float) or delta (integer) value
//           code, see ChunkDecoder for the exact layout.
// Times must not decrease. The encoder is incremental: serialize() may be called at any time.
class ChunkEncoder
{
public:
    static constexpr quint8 kFormatVersion = 1;

    // `periodMs` > 0: times are coded as multiples of this period plus jitter (see encodeTime).
    explicit ChunkEncoder(ValueEncoding encoding = {}, qint64 periodMs = 0);

    // Appends a sample; returns false (appending nothing) if the value does not fit the
    // chunk's value encoding or the time goes backwards.
    bool append(qint64 time, double value, Quality quality);

    int count() const { return m_count; }
    bool isEmpty() const { return m_count == 0; }
    qint64 firstTime() const { return m_firstTime; }
    qint64 lastTime() const { return m_lastTime; }
    double lastValue() const { return m_lastValue; }
    Quality lastQuality() const { return m_runs.empty() ? Quality::Good : m_runs.back().quality; }
    const ValueEncoding &encoding() const { return m_encoding; }
    // Size serialize() would return, within a few bytes.
    std::size_t estimatedBytes() const
    {
        return 12 + (m_encoding.mode() == ValueEncoding::Mode::Scaled ? 16 : 0) +
               m_runs.size() * 3 + m_bits.byteCount();
    }

    QByteArray serialize() const;
    // Starts a new, empty chunk.
    void reset(ValueEncoding encoding, qint64 periodMs = 0);
    qint64 period() const { return m_period; }
    // A period for the tag's next chunk, from the recent spacing of samples (0: none).
    qint64 suggestedPeriod() const;

private:
    struct Run {
        Quality quality;
        quint32 length;
    };
    void encodeTime(qint64 time);
    void encodeFloatDelta(std::uint64_t bits, int width);
    void encodeIntegerDelta(std::int64_t delta);

    BitWriter m_bits;
    ValueEncoding m_encoding;
    std::vector<Run> m_runs;
    int m_count = 0;
    qint64 m_firstTime = 0;
    qint64 m_lastTime = 0;
    qint64 m_lastDelta = 0;
    double m_lastValue = 0.0;
    std::uint64_t m_lastBits = 0; // float modes: previous pattern (ordered, see orderedBits)
    std::int64_t m_lastInteger = 0;
    RiceState m_rice;
    RiceState m_timeRice;
    RiceState m_periodRice;
    qint64 m_period = 0;
    std::array<qint32, 32> m_recentDeltas{};
    int m_deltaCount = 0;
};

} // namespace vigil
