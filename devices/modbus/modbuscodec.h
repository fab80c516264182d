#pragma once

#include "tags/datatype.h"

#include <QString>

#include <cstdint>
#include <optional>

namespace vigil
{

// Word and byte order of multi-register values, named after where the bytes A (most significant)
// to D land: ABCD big-endian (Modbus standard), CDAB word-swapped, BADC byte-swapped, DCBA
// little-endian. 64-bit values extend the same pattern; 16-bit values are byte-swapped by BADC
// and DCBA; strings (two characters per register) only honour the byte swap.
enum class ByteOrder : quint8 {
    ABCD,
    CDAB,
    BADC,
    DCBA,
};

// Converts between Modbus registers and raw tag values for every data type and byte order.
class ModbusCodec
{
public:
    static QString orderName(ByteOrder order);
    static std::optional<ByteOrder> parseOrder(QStringView name);
    static QStringList orderNames();

    // Registers a value of this type occupies (strings: the configured length).
    static int registerCount(DataType type, int stringRegisters = 0);

    // A numeric or bool value from `count` registers. For bool: bit >= 0 picks one bit of the
    // first register, otherwise any non-zero register is true.
    static double decode(const uint16_t *registers, DataType type, ByteOrder order, int bit = -1);
    // Text from registers, up to the first NUL.
    static QString decodeString(const uint16_t *registers, int count, ByteOrder order);

    // Whether a raw value (rounded for integers) converts to the type without overflow. The
    // double nearest the largest int64 is 2^63, one past it: it passes a check against
    // dataTypeMax() but does not fit.
    static bool fits(double raw, DataType type);
    // A raw value (already rounded for integers and checked with fits()) into registerCount
    // registers.
    static void encode(double raw, DataType type, ByteOrder order, uint16_t *registers);
    // Text (UTF-8) into count registers, padded with NUL; false and *error when it does not fit.
    static bool encodeString(const QString &text, int count, ByteOrder order, uint16_t *registers,
                             QString *error);
};

} // namespace vigil
