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
    m_version = format >> 4;
    const int modes = m_version == 1 ? 4 : 5; // version 1 had no Decimal mode
    if (m_version < 1 || m_version > ChunkEncoder::kFormatVersion || (format & 0x0F) >= modes) {
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
    int decimals = 0;
    if (ok && mode == ValueEncoding::Mode::Decimal) {
        if (pos >= end || *pos > ValueEncoding::kMaxDecimals)
            ok = false;
        else
            decimals = *pos++;
    }
    m_encoding = ValueEncoding(mode, gain, offset, decimals);
    m_rice = m_timeRice = m_periodRice = RiceState(m_version);
    m_timeModel = TimeModel(m_version);
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
    // Every sample after the first costs at least two bits (a time code and a value code): a
    // count the data cannot hold is corrupt, and must not size a buffer or drive the reading.
    const std::uint64_t bits = std::uint64_t(end - pos) * 8;
    if (count > 1 + bits / 2) {
        m_error = QStringLiteral("malformed chunk header: %1 samples cannot fit in %2 bytes")
                      .arg(count)
                      .arg(end - pos);
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
    const bool isFloat =
        mode == ValueEncoding::Mode::Float64 || mode == ValueEncoding::Mode::Float32;
    if (m_index == 0) {
        m_time = m_firstTime;
        if (isFloat)
            m_value = bits.read(mode == ValueEncoding::Mode::Float64 ? 64 : 32);
        else
            m_value = std::uint64_t(m_version == 1 ? decodeIntegerDeltaV1() : decodeFirstInteger());
        // Format 1 coded a value as the difference to the previous one.
        m_predictor.reset(m_value, mode == ValueEncoding::Mode::Float32 ? 32 : 64, m_version == 1);
    } else {
        m_time = decodeTime();
        const std::uint64_t predicted = m_predictor.predict();
        const std::int64_t residual = m_version == 1 && !isFloat
                                          ? decodeIntegerDeltaV1()
                                          : varint::unzigzag(m_rice.read(bits));
        m_value = m_predictor.apply(predicted, residual);
        m_predictor.update(m_value);
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
        sample.value = ValueEncoding::fromOrderedBits(m_value, 64);
        break;
    case ValueEncoding::Mode::Float32:
        sample.value = ValueEncoding::fromOrderedBits(m_value, 32);
        break;
    case ValueEncoding::Mode::Integer:
    case ValueEncoding::Mode::Scaled:
    case ValueEncoding::Mode::Decimal:
        sample.value = m_encoding.fromInteger(std::int64_t(m_value));
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
    // Wrapping arithmetic: a corrupt chunk must not overflow, the time check catches it.
    qint64 delta;
    if (m_period > 0 && m_version == 1) {
        const std::uint64_t m = std::uint64_t(varint::unzigzag(m_periodRice.read(*m_bits)) + 1);
        delta = qint64(m * std::uint64_t(m_period) +
                       std::uint64_t(varint::unzigzag(m_timeRice.read(*m_bits))));
    } else if (m_period > 0) {
        delta = m_timeModel.decode(*m_bits, m_period);
    } else {
        m_delta = qint64(std::uint64_t(m_delta) +
                         std::uint64_t(varint::unzigzag(m_timeRice.read(*m_bits))));
        delta = m_delta;
    }
    if (delta < 0 && m_error.isEmpty())
        m_error = QStringLiteral("corrupt chunk: time goes back (sample %1)").arg(m_index + 1);
    return qint64(std::uint64_t(m_time) + std::uint64_t(delta));
}

std::int64_t ChunkDecoder::decodeFirstInteger()
{
    const int length = int(m_bits->read(7));
    if (length > 64) {
        m_error = QStringLiteral("malformed integer value");
        return 0;
    }
    return length > 0 ? varint::unzigzag(m_bits->read(length)) : 0;
}

// Version 1 integer codes (zigzag z): 0 -> '0'; z < 2^6 -> '10' + 6 bits; z < 2^12 -> '110' + 12;
// z < 2^20 -> '1110' + 20; z < 2^32 -> '11110' + 32; else '11111' + 64.
std::int64_t ChunkDecoder::decodeIntegerDeltaV1()
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
