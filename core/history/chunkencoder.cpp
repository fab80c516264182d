#include "chunkencoder.h"

#include "varint.h"

#include <algorithm>
#include <bit>
#include <cstring>

namespace vigil
{

namespace
{

void putDouble(QByteArray &out, double v)
{
    const std::uint64_t bits = std::bit_cast<std::uint64_t>(v);
    for (int i = 0; i < 8; ++i)
        out.append(char(bits >> (8 * i)));
}

} // namespace

ChunkEncoder::ChunkEncoder(ValueEncoding encoding, qint64 periodMs)
    : m_encoding(encoding)
    , m_period(std::max<qint64>(0, periodMs))
{
}

void ChunkEncoder::reset(ValueEncoding encoding, qint64 periodMs)
{
    m_encoding = encoding;
    m_period = std::max<qint64>(0, periodMs);
    m_periodRice = RiceState();
    m_deltaCount = 0;
    m_bits.clear();
    m_runs.clear();
    m_count = 0;
    m_firstTime = m_lastTime = m_lastDelta = 0;
    m_lastValue = 0.0;
    m_lastBits = 0;
    m_lastInteger = 0;
    m_rice = RiceState();
    m_timeRice = RiceState();
}

bool ChunkEncoder::append(qint64 time, double value, Quality quality)
{
    if (m_count > 0 && time < m_lastTime)
        return false;
    std::int64_t integer = 0;
    const ValueEncoding::Mode mode = m_encoding.mode();
    if (mode == ValueEncoding::Mode::Integer || mode == ValueEncoding::Mode::Scaled) {
        if (!m_encoding.toInteger(value, integer))
            return false;
    } else if (mode == ValueEncoding::Mode::Float32 && !ValueEncoding::fitsFloat32(value)) {
        return false;
    }

    if (m_count == 0) {
        m_firstTime = time;
        m_lastDelta = 0;
        switch (mode) {
        case ValueEncoding::Mode::Float64:
            m_lastBits = ValueEncoding::orderedBits(value, 64);
            m_bits.write(m_lastBits, 64);
            break;
        case ValueEncoding::Mode::Float32:
            m_lastBits = ValueEncoding::orderedBits(value, 32);
            m_bits.write(m_lastBits, 32);
            break;
        case ValueEncoding::Mode::Integer:
        case ValueEncoding::Mode::Scaled:
            encodeIntegerDelta(integer);
            m_lastInteger = integer;
            break;
        }
    } else {
        encodeTime(time);
        switch (mode) {
        case ValueEncoding::Mode::Float64:
        case ValueEncoding::Mode::Float32: {
            const int width = mode == ValueEncoding::Mode::Float64 ? 64 : 32;
            const std::uint64_t ordered = ValueEncoding::orderedBits(value, width);
            encodeFloatDelta(ordered, width);
            m_lastBits = ordered;
            break;
        }
        case ValueEncoding::Mode::Integer:
        case ValueEncoding::Mode::Scaled:
            encodeIntegerDelta(integer - m_lastInteger);
            m_lastInteger = integer;
            break;
        }
    }
    m_lastTime = time;
    m_lastValue = value;
    if (!m_runs.empty() && m_runs.back().quality == quality)
        ++m_runs.back().length;
    else
        m_runs.push_back({quality, 1});
    ++m_count;
    return true;
}

// Times. Without a period: the delta-of-delta (ms), Rice coded (zigzag), so a regular period
// costs one bit and timer jitter a few. With a period P (store on change skips polls, so the
// spacing is a multiple of the poll period plus jitter): the multiple m = round(delta / P) as
// m - 1 and the jitter delta - m * P, both Rice coded.
void ChunkEncoder::encodeTime(qint64 time)
{
    const qint64 delta = time - m_lastTime;
    if (delta > 0 && delta < (qint64(1) << 31))
        m_recentDeltas[size_t(m_deltaCount++ % qsizetype(m_recentDeltas.size()))] = qint32(delta);
    if (m_period > 0) {
        const qint64 m = (delta + m_period / 2) / m_period;
        m_periodRice.write(m_bits, varint::zigzag(m - 1));
        m_timeRice.write(m_bits, varint::zigzag(delta - m * m_period));
        return;
    }
    const qint64 dod = delta - m_lastDelta;
    m_lastDelta = delta;
    m_timeRice.write(m_bits, varint::zigzag(dod));
}

qint64 ChunkEncoder::suggestedPeriod() const
{
    const int n = std::min<int>(m_deltaCount, int(m_recentDeltas.size()));
    if (n < 8)
        return 0;
    std::array<qint32, 32> sorted = m_recentDeltas;
    std::sort(sorted.begin(), sorted.begin() + n);
    return sorted[size_t(n / 5)]; // a low percentile: the poll period, not the skips
}

// Float values: the bit patterns are mapped to integers that order like the values
// (orderedBits), and the difference to the previous one is Rice coded (zigzag). Noise in the low
// bits costs about its entropy; a repeated value costs one bit once the coder has adapted.
void ChunkEncoder::encodeFloatDelta(std::uint64_t ordered, int width)
{
    const std::uint64_t diff = ordered - m_lastBits;
    const std::int64_t delta = width == 64 ? std::int64_t(diff) : std::int64_t(std::int32_t(diff));
    m_rice.write(m_bits, varint::zigzag(delta));
}

// Integer delta codes (zigzag z):
//   0 -> '0'; z < 2^6 -> '10' + 6; z < 2^12 -> '110' + 12; z < 2^20 -> '1110' + 20;
//   z < 2^32 -> '11110' + 32; else '11111' + 64.
void ChunkEncoder::encodeIntegerDelta(std::int64_t delta)
{
    const std::uint64_t z = varint::zigzag(delta);
    if (z == 0) {
        m_bits.write(0b0, 1);
    } else if (z < (1u << 6)) {
        m_bits.write(0b10, 2);
        m_bits.write(z, 6);
    } else if (z < (1u << 12)) {
        m_bits.write(0b110, 3);
        m_bits.write(z, 12);
    } else if (z < (1u << 20)) {
        m_bits.write(0b1110, 4);
        m_bits.write(z, 20);
    } else if (z < (std::uint64_t(1) << 32)) {
        m_bits.write(0b11110, 5);
        m_bits.write(z, 32);
    } else {
        m_bits.write(0b11111, 5);
        m_bits.write(z, 64);
    }
}

QByteArray ChunkEncoder::serialize() const
{
    QByteArray out;
    out.reserve(qsizetype(estimatedBytes()) + 8);
    out.append(char((kFormatVersion << 4) | quint8(m_encoding.mode())));
    varint::put(out, std::uint64_t(m_count));
    varint::putSigned(out, m_firstTime);
    varint::put(out, std::uint64_t(m_period));
    if (m_encoding.mode() == ValueEncoding::Mode::Scaled) {
        putDouble(out, m_encoding.gain());
        putDouble(out, m_encoding.offset());
    }
    varint::put(out, m_runs.size());
    for (const Run &r : m_runs) {
        out.append(char(quint8(r.quality)));
        varint::put(out, r.length);
    }
    m_bits.appendTo(out);
    return out;
}

} // namespace vigil
