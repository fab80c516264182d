#include "chunkdecoder.h"

#include "chunkencoder.h"
#include "varint.h"

#include <bit>

namespace vigil
{

ChunkDecoder::ChunkDecoder(QByteArray blob)
    : m_blob(std::move(blob))
{
    parseHeader();
}

bool ChunkDecoder::parseHeader()
{
    const auto *pos = reinterpret_cast<const std::uint8_t *>(m_blob.constData());
    const auto *end = pos + m_blob.size();
    if (pos == end) {
        m_error = QStringLiteral("empty chunk");
        return false;
    }
    const quint8 format = *pos++;
    if ((format >> 4) != ChunkEncoder::kFormatVersion || (format & 0x0F) > 3) {
        m_error = QStringLiteral("unknown chunk format 0x%1").arg(format, 2, 16, QLatin1Char('0'));
        return false;
    }
    const auto mode = ValueEncoding::Mode(format & 0x0F);
    bool ok = true;
    const std::uint64_t count = varint::get(pos, end, ok);
    m_firstTime = varint::getSigned(pos, end, ok);
    m_period = qint64(varint::get(pos, end, ok));
    if (m_period < 0 || m_period > (qint64(1) << 40))
        ok = false;
    double gain = 1.0, offset = 0.0;
    if (ok && mode == ValueEncoding::Mode::Scaled) {
        if (end - pos < 16) {
            ok = false;
        } else {
            std::uint64_t g = 0, o = 0;
            for (int i = 0; i < 8; ++i) {
                g |= std::uint64_t(pos[i]) << (8 * i);
                o |= std::uint64_t(pos[8 + i]) << (8 * i);
            }
            gain = std::bit_cast<double>(g);
            offset = std::bit_cast<double>(o);
            pos += 16;
        }
    }
    m_encoding = ValueEncoding(mode, gain, offset);
    const std::uint64_t runs = ok ? varint::get(pos, end, ok) : 0;
    std::uint64_t total = 0;
    if (ok && runs > count) // every run holds at least one sample
        ok = false;
    for (std::uint64_t i = 0; ok && i < runs; ++i) {
        if (pos >= end) {
            ok = false;
            break;
        }
        const auto q = Quality(*pos++);
        const std::uint64_t length = varint::get(pos, end, ok);
        if (length == 0 || length > count)
            ok = false;
        total += length;
        m_runs.push_back({q, quint32(length)});
    }
    if (!ok || total != count || count > 0x7FFF'FFFF) {
        m_error = QStringLiteral("malformed chunk header");
        return false;
    }
    m_count = int(count);
    m_runLeft = m_runs.empty() ? 0 : m_runs.front().length;
    m_bits.emplace(pos, std::size_t(end - pos));
    return true;
}

bool ChunkDecoder::next(HistorySample &sample)
{
    if (!isValid() || m_index >= m_count)
        return false;
    BitReader &bits = *m_bits;
    const ValueEncoding::Mode mode = m_encoding.mode();
    if (m_index == 0) {
        m_time = m_firstTime;
        switch (mode) {
        case ValueEncoding::Mode::Float64:
            m_lastBits = bits.read(64);
            break;
        case ValueEncoding::Mode::Float32:
            m_lastBits = bits.read(32);
            break;
        case ValueEncoding::Mode::Integer:
        case ValueEncoding::Mode::Scaled:
            m_integer = decodeIntegerDelta();
            break;
        }
    } else {
        m_time = decodeTime();
        switch (mode) {
        case ValueEncoding::Mode::Float64:
            m_lastBits = decodeFloatDelta(64);
            break;
        case ValueEncoding::Mode::Float32:
            m_lastBits = decodeFloatDelta(32);
            break;
        case ValueEncoding::Mode::Integer:
        case ValueEncoding::Mode::Scaled:
            m_integer += decodeIntegerDelta();
            break;
        }
    }
    if (bits.overrun() || !m_error.isEmpty()) {
        if (m_error.isEmpty())
            m_error =
                QStringLiteral("truncated chunk (sample %1 of %2)").arg(m_index + 1).arg(m_count);
        return false;
    }
    sample.time = m_time;
    switch (mode) {
    case ValueEncoding::Mode::Float64:
        sample.value = ValueEncoding::fromOrderedBits(m_lastBits, 64);
        break;
    case ValueEncoding::Mode::Float32:
        sample.value = ValueEncoding::fromOrderedBits(m_lastBits, 32);
        break;
    case ValueEncoding::Mode::Integer:
    case ValueEncoding::Mode::Scaled:
        sample.value = m_encoding.fromInteger(m_integer);
        break;
    }
    if (m_runLeft == 0) {
        ++m_run;
        m_runLeft = m_runs[m_run].length;
    }
    sample.quality = m_runs[m_run].quality;
    --m_runLeft;
    ++m_index;
    return true;
}

qint64 ChunkDecoder::decodeTime()
{
    if (m_period > 0) {
        const qint64 m = varint::unzigzag(m_periodRice.read(*m_bits)) + 1;
        const qint64 jitter = varint::unzigzag(m_timeRice.read(*m_bits));
        return m_time + m * m_period + jitter;
    }
    m_delta += varint::unzigzag(m_timeRice.read(*m_bits));
    return m_time + m_delta;
}

std::uint64_t ChunkDecoder::decodeFloatDelta(int width)
{
    const std::int64_t delta = varint::unzigzag(m_rice.read(*m_bits));
    const std::uint64_t ordered = m_lastBits + std::uint64_t(delta);
    return width == 64 ? ordered : ordered & 0xFFFF'FFFFu;
}

std::int64_t ChunkDecoder::decodeIntegerDelta()
{
    static constexpr int kWidth[] = {0, 6, 12, 20, 32, 64};
    const int prefix = m_bits->readOnes(5);
    if (prefix == 0)
        return 0;
    return varint::unzigzag(m_bits->read(kWidth[prefix]));
}

bool ChunkDecoder::decodeAll(const QByteArray &blob, HistorySamples &out, QString *error)
{
    ChunkDecoder decoder(blob);
    if (decoder.isValid())
        out.reserve(out.size() + decoder.count());
    HistorySample s;
    while (decoder.next(s))
        out.append(s);
    if (!decoder.isValid() && error)
        *error = decoder.error();
    return decoder.isValid();
}

} // namespace vigil
