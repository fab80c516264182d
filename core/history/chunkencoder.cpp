#include "chunkencoder.h"

#include "varint.h"

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

ChunkEncoder::ChunkEncoder(ValueEncoding encoding)
    : m_encoding(encoding)
{
}

void ChunkEncoder::reset(ValueEncoding encoding)
{
    m_encoding = encoding;
    m_bits.clear();
    m_runs.clear();
    m_count = 0;
    m_firstTime = m_lastTime = m_lastDelta = 0;
    m_lastValue = 0.0;
    m_lastBits = 0;
    m_lastInteger = 0;
    m_windowLeading = -1;
    m_windowLength = 0;
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
            m_lastBits = std::bit_cast<std::uint64_t>(value);
            m_bits.write(m_lastBits, 64);
            break;
        case ValueEncoding::Mode::Float32:
            m_lastBits = std::bit_cast<std::uint32_t>(float(value));
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
        case ValueEncoding::Mode::Float64: {
            const std::uint64_t bits = std::bit_cast<std::uint64_t>(value);
            encodeXor(bits ^ m_lastBits, 64);
            m_lastBits = bits;
            break;
        }
        case ValueEncoding::Mode::Float32: {
            const std::uint64_t bits = std::bit_cast<std::uint32_t>(float(value));
            encodeXor(bits ^ m_lastBits, 32);
            m_lastBits = bits;
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

// Delta-of-delta time codes (ms):
//   0 -> '0'; [-16, 15] -> '10' + 5 bits; [-256, 255] -> '110' + 9 bits;
//   [-4096, 4095] -> '1110' + 13 bits; [-2^23, 2^23) -> '11110' + 24 bits; else '11111' + 64.
void ChunkEncoder::encodeTime(qint64 time)
{
    const qint64 delta = time - m_lastTime;
    const qint64 dod = delta - m_lastDelta;
    m_lastDelta = delta;
    if (dod == 0) {
        m_bits.write(0b0, 1);
    } else if (dod >= -16 && dod < 16) {
        m_bits.write(0b10, 2);
        m_bits.write(std::uint64_t(dod), 5);
    } else if (dod >= -256 && dod < 256) {
        m_bits.write(0b110, 3);
        m_bits.write(std::uint64_t(dod), 9);
    } else if (dod >= -4096 && dod < 4096) {
        m_bits.write(0b1110, 4);
        m_bits.write(std::uint64_t(dod), 13);
    } else if (dod >= -(qint64(1) << 23) && dod < (qint64(1) << 23)) {
        m_bits.write(0b11110, 5);
        m_bits.write(std::uint64_t(dod), 24);
    } else {
        m_bits.write(0b11111, 5);
        m_bits.write(std::uint64_t(dod), 64);
    }
}

// XOR value codes (width 64 or 32):
//   xor == 0 -> '0'
//   inside the previous window -> '10' + window bits
//   new window -> '11' + leading zeros (5 bits) + length-1 (6 bits; 5 for width 32) + bits
// The previous window is reused only when that is not longer than opening a new one.
void ChunkEncoder::encodeXor(std::uint64_t x, int width)
{
    if (x == 0) {
        m_bits.write(0b0, 1);
        return;
    }
    const int lengthBits = width == 64 ? 6 : 5;
    int leading = std::countl_zero(x) - (64 - width);
    const int trailing = std::countr_zero(x);
    if (leading > 31)
        leading = 31;
    const int length = width - leading - trailing;
    if (m_windowLeading >= 0 && leading >= m_windowLeading &&
        trailing >= width - m_windowLeading - m_windowLength &&
        m_windowLength <= length + 5 + lengthBits) {
        m_bits.write(0b10, 2);
        m_bits.write(x >> (width - m_windowLeading - m_windowLength), m_windowLength);
        return;
    }
    m_bits.write(0b11, 2);
    m_bits.write(std::uint64_t(leading), 5);
    m_bits.write(std::uint64_t(length - 1), lengthBits);
    m_bits.write(x >> trailing, length);
    m_windowLeading = leading;
    m_windowLength = length;
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
