#include "chunkencoder.h"

#include "chunkdecoder.h"
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
    m_timeModel = TimeModel();
    m_deltaCount = 0;
    m_bits.clear();
    m_runs.clear();
    m_count = 0;
    m_firstTime = m_lastTime = m_lastDelta = 0;
    m_lastValue = 0.0;
    m_rice = RiceState();
    m_timeRice = RiceState();
}

bool ChunkEncoder::append(qint64 time, double value, Quality quality)
{
    if (m_count > 0 && time < m_lastTime)
        return false;
    if (!m_encoding.fits(value))
        widen(value);
    appendEncoded(time, value, quality);
    return true;
}

void ChunkEncoder::widen(double value)
{
    HistorySamples held;
    ChunkDecoder::decodeAll(serialize(), held);
    std::vector<double> values;
    values.reserve(size_t(held.size()) + 1);
    for (const HistorySample &s : std::as_const(held))
        values.push_back(s.value);
    values.push_back(value);
    reset(ValueEncoding::widenedFor(values), m_period);
    for (const HistorySample &s : std::as_const(held))
        appendEncoded(s.time, s.value, s.quality);
}

// A value as the integer it is coded as: the stored integer, or the float's ordered bits.
std::uint64_t ChunkEncoder::asInteger(double value) const
{
    switch (m_encoding.mode()) {
    case ValueEncoding::Mode::Float64:
        return ValueEncoding::orderedBits(value, 64);
    case ValueEncoding::Mode::Float32:
        return ValueEncoding::orderedBits(value, 32);
    case ValueEncoding::Mode::Integer:
    case ValueEncoding::Mode::Scaled:
    case ValueEncoding::Mode::Decimal:
        break;
    }
    std::int64_t integer = 0;
    m_encoding.toInteger(value, integer); // fits: checked by append() or widen()
    return std::uint64_t(integer);
}

void ChunkEncoder::appendEncoded(qint64 time, double value, Quality quality)
{
    const std::uint64_t x = asInteger(value);
    const ValueEncoding::Mode mode = m_encoding.mode();
    if (m_count == 0) {
        m_firstTime = time;
        m_lastDelta = 0;
        if (mode == ValueEncoding::Mode::Float64 || mode == ValueEncoding::Mode::Float32) {
            m_bits.write(x, mode == ValueEncoding::Mode::Float64 ? 64 : 32);
        } else {
            // The bit length of the zigzag value in 7 bits, then its bits.
            const std::uint64_t z = varint::zigzag(std::int64_t(x));
            const int length = z == 0 ? 0 : 64 - std::countl_zero(z);
            m_bits.write(std::uint64_t(length), 7);
            if (length > 0)
                m_bits.write(z, length);
        }
        m_predictor.reset(x, mode == ValueEncoding::Mode::Float32 ? 32 : 64);
    } else {
        encodeTime(time);
        m_rice.write(m_bits, varint::zigzag(m_predictor.residual(x, m_predictor.predict())));
        m_predictor.update(x);
    }
    m_lastTime = time;
    m_lastValue = value;
    if (!m_runs.empty() && m_runs.back().quality == quality)
        ++m_runs.back().length;
    else
        m_runs.push_back({quality, 1});
    ++m_count;
}

// Times. Without a period: the delta-of-delta (ms), Rice coded (zigzag), so a regular period
// costs one bit and timer jitter a few. With a period P (polled signals; store on change skips
// polls, so the spacing is a multiple of the poll period plus jitter): see TimeModel.
void ChunkEncoder::encodeTime(qint64 time)
{
    const qint64 delta = time - m_lastTime;
    if (delta > 0 && delta < (qint64(1) << 31))
        m_recentDeltas[size_t(m_deltaCount++ % qsizetype(m_recentDeltas.size()))] = qint32(delta);
    if (m_period > 0) {
        m_timeModel.encode(m_bits, delta, m_period);
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
    if (m_encoding.mode() == ValueEncoding::Mode::Decimal)
        out.append(char(m_encoding.decimals()));
    varint::put(out, m_runs.size());
    for (const Run &r : m_runs) {
        out.append(char(quint8(r.quality)));
        varint::put(out, r.length);
    }
    m_bits.appendTo(out);
    return out;
}

} // namespace vigil
