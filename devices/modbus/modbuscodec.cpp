#include "modbuscodec.h"

#include <QByteArray>
#include <QStringList>

#include <bit>
#include <cmath>
#include <cstring>

namespace vigil
{

namespace
{

bool swapsWords(ByteOrder o)
{
    return o == ByteOrder::CDAB || o == ByteOrder::DCBA;
}

bool swapsBytes(ByteOrder o)
{
    return o == ByteOrder::BADC || o == ByteOrder::DCBA;
}

uint16_t swap16(uint16_t v)
{
    return uint16_t((v >> 8) | (v << 8));
}

// The registers as one big-endian unsigned integer of n registers (n = 1, 2 or 4).
uint64_t toCanonical(const uint16_t *regs, int n, ByteOrder order)
{
    uint64_t v = 0;
    for (int i = 0; i < n; ++i) {
        uint16_t r = regs[swapsWords(order) ? n - 1 - i : i];
        if (swapsBytes(order))
            r = swap16(r);
        v = (v << 16) | r;
    }
    return v;
}

void fromCanonical(uint64_t v, int n, ByteOrder order, uint16_t *regs)
{
    for (int i = n - 1; i >= 0; --i) {
        uint16_t r = uint16_t(v & 0xFFFF);
        v >>= 16;
        if (swapsBytes(order))
            r = swap16(r);
        regs[swapsWords(order) ? n - 1 - i : i] = r;
    }
}

} // namespace

QString ModbusCodec::orderName(ByteOrder order)
{
    switch (order) {
    case ByteOrder::ABCD:
        return QStringLiteral("ABCD");
    case ByteOrder::CDAB:
        return QStringLiteral("CDAB");
    case ByteOrder::BADC:
        return QStringLiteral("BADC");
    case ByteOrder::DCBA:
        return QStringLiteral("DCBA");
    }
    return QString();
}

std::optional<ByteOrder> ModbusCodec::parseOrder(QStringView name)
{
    for (ByteOrder o : {ByteOrder::ABCD, ByteOrder::CDAB, ByteOrder::BADC, ByteOrder::DCBA}) {
        if (name.compare(orderName(o), Qt::CaseInsensitive) == 0)
            return o;
    }
    return std::nullopt;
}

QStringList ModbusCodec::orderNames()
{
    return {QStringLiteral("ABCD"), QStringLiteral("CDAB"), QStringLiteral("BADC"),
            QStringLiteral("DCBA")};
}

int ModbusCodec::registerCount(DataType type, int stringRegisters)
{
    switch (type) {
    case DataType::Bool:
    case DataType::Int16:
    case DataType::UInt16:
        return 1;
    case DataType::Int32:
    case DataType::UInt32:
    case DataType::Float32:
        return 2;
    case DataType::Int64:
    case DataType::UInt64:
    case DataType::Float64:
        return 4;
    case DataType::String:
        return stringRegisters;
    }
    return 1;
}

double ModbusCodec::decode(const uint16_t *registers, DataType type, ByteOrder order, int bit)
{
    switch (type) {
    case DataType::Bool:
        if (bit >= 0)
            return (registers[0] >> bit) & 1u ? 1.0 : 0.0;
        return registers[0] != 0 ? 1.0 : 0.0;
    case DataType::Int16:
        return double(int16_t(toCanonical(registers, 1, order)));
    case DataType::UInt16:
        return double(uint16_t(toCanonical(registers, 1, order)));
    case DataType::Int32:
        return double(int32_t(uint32_t(toCanonical(registers, 2, order))));
    case DataType::UInt32:
        return double(uint32_t(toCanonical(registers, 2, order)));
    case DataType::Int64:
        return double(int64_t(toCanonical(registers, 4, order)));
    case DataType::UInt64:
        return double(toCanonical(registers, 4, order));
    case DataType::Float32:
        return double(std::bit_cast<float>(uint32_t(toCanonical(registers, 2, order))));
    case DataType::Float64:
        return std::bit_cast<double>(toCanonical(registers, 4, order));
    case DataType::String:
        break;
    }
    return 0.0;
}

QString ModbusCodec::decodeString(const uint16_t *registers, int count, ByteOrder order)
{
    QByteArray bytes;
    bytes.reserve(count * 2);
    for (int i = 0; i < count; ++i) {
        const uint16_t r = swapsBytes(order) ? swap16(registers[i]) : registers[i];
        bytes.append(char(r >> 8));
        bytes.append(char(r & 0xFF));
    }
    const qsizetype nul = bytes.indexOf('\0');
    if (nul >= 0)
        bytes.truncate(nul);
    return QString::fromUtf8(bytes);
}

bool ModbusCodec::fits(double raw, DataType type)
{
    constexpr double kTwo63 = 9223372036854775808.0;
    constexpr double kTwo64 = 18446744073709551616.0;
    if (!std::isfinite(raw))
        return false;
    switch (type) {
    case DataType::Int64:
        return raw >= -kTwo63 && raw < kTwo63;
    case DataType::UInt64:
        return raw >= 0 && raw < kTwo64;
    case DataType::Bool:
    case DataType::String:
        return true;
    default:
        return raw >= dataTypeMin(type) && raw <= dataTypeMax(type);
    }
}

void ModbusCodec::encode(double raw, DataType type, ByteOrder order, uint16_t *registers)
{
    switch (type) {
    case DataType::Bool:
        registers[0] = raw != 0.0 ? 1 : 0;
        return;
    case DataType::Int16:
        fromCanonical(uint16_t(int16_t(raw)), 1, order, registers);
        return;
    case DataType::UInt16:
        fromCanonical(uint16_t(raw), 1, order, registers);
        return;
    case DataType::Int32:
        fromCanonical(uint32_t(int32_t(raw)), 2, order, registers);
        return;
    case DataType::UInt32:
        fromCanonical(uint32_t(raw), 2, order, registers);
        return;
    case DataType::Int64:
        // Out-of-range values (refused by fits() before) saturate: converting them is undefined.
        fromCanonical(uint64_t(raw >= 9223372036854775808.0   ? INT64_MAX
                               : raw < -9223372036854775808.0 ? INT64_MIN
                                                              : int64_t(raw)),
                      4, order, registers);
        return;
    case DataType::UInt64:
        fromCanonical(raw >= 18446744073709551616.0 ? UINT64_MAX
                      : raw <= 0                    ? 0
                                                    : uint64_t(raw),
                      4, order, registers);
        return;
    case DataType::Float32:
        fromCanonical(std::bit_cast<uint32_t>(float(raw)), 2, order, registers);
        return;
    case DataType::Float64:
        fromCanonical(std::bit_cast<uint64_t>(raw), 4, order, registers);
        return;
    case DataType::String:
        return;
    }
}

bool ModbusCodec::encodeString(const QString &text, int count, ByteOrder order, uint16_t *registers,
                               QString *error)
{
    const QByteArray bytes = text.toUtf8();
    if (bytes.size() > qsizetype(count) * 2) {
        *error = QStringLiteral("'%1' is %2 bytes long, the tag holds %3 (%4 registers)")
                     .arg(text)
                     .arg(bytes.size())
                     .arg(count * 2)
                     .arg(count);
        return false;
    }
    for (int i = 0; i < count; ++i) {
        const qsizetype at = qsizetype(i) * 2;
        const uint8_t hi = at < bytes.size() ? uint8_t(bytes[at]) : 0;
        const uint8_t lo = at + 1 < bytes.size() ? uint8_t(bytes[at + 1]) : 0;
        const uint16_t r = uint16_t((hi << 8) | lo);
        registers[i] = swapsBytes(order) ? swap16(r) : r;
    }
    return true;
}

} // namespace vigil
