#pragma once

#include "bitwriter.h"
#include "ricestate.h"
#include "tags/quality.h"
#include "timemodel.h"
#include "valueencoding.h"
#include "valuepredictor.h"

#include <QByteArray>

#include <array>
#include <vector>

namespace vigil
{

// Encodes one tag's samples into a compact chunk (Gorilla-style):
//   header: format|mode byte, count, first time (zigzag varint), period, [gain, offset],
//           [decimals], quality runs
//   bits:   the first value whole, then per sample a time code (TimeModel with a period, else
//           the Rice-coded delta of delta) and the Rice-coded residual of the value (the float's
//           bit pattern taken as an ordered integer, or the stored integer) against the
//           ValuePredictor's prediction; see ChunkDecoder for the exact layout.
// Times must not decrease. A value that does not fit the chunk's encoding widens it (see
// ValueEncoding): what the chunk holds is re-encoded. The encoder is incremental: serialize()
// may be called at any time.
class ChunkEncoder
{
public:
    // 2: integer values Rice coded, Decimal mode. The decoder also reads version 1.
    static constexpr quint8 kFormatVersion = 2;

    // `periodMs` > 0: times are coded as multiples of this period plus jitter (see encodeTime).
    explicit ChunkEncoder(ValueEncoding encoding = {}, qint64 periodMs = 0);

    // Appends a sample, widening the chunk's encoding if the value needs it; returns false
    // (appending nothing) if the time goes backwards.
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
               (m_encoding.mode() == ValueEncoding::Mode::Decimal ? 1 : 0) + m_runs.size() * 4 +
               m_bits.byteCount();
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
    void appendEncoded(qint64 time, double value, Quality quality);
    void widen(double value);
    void encodeTime(qint64 time);
    std::uint64_t asInteger(double value) const;

    BitWriter m_bits;
    ValueEncoding m_encoding;
    std::vector<Run> m_runs;
    int m_count = 0;
    qint64 m_firstTime = 0;
    qint64 m_lastTime = 0;
    qint64 m_lastDelta = 0;
    double m_lastValue = 0.0;
    ValuePredictor m_predictor;
    RiceState m_rice;
    RiceState m_timeRice;
    TimeModel m_timeModel;
    qint64 m_period = 0;
    std::array<qint32, 32> m_recentDeltas{};
    int m_deltaCount = 0;
};

} // namespace vigil
