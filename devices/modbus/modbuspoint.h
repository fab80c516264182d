#pragma once

#include "modbusaddress.h"
#include "modbuscodec.h"
#include "tags/datatype.h"

#include <optional>

namespace vigil
{

class Diagnostics;
struct ModbusSettings;
struct TagDefinition;

// One tag resolved against its Modbus device: unit, area, registers (or bits), type and order.
//
// Per-tag options (`options = { ... }` on the tag):
//   unit   = 3        unit id of the slave (default: the device's `unit`); on RTU this selects
//                     the slave on the shared bus
//   order  = "CDAB"   word/byte order of this tag (default: the device's `byte_order`)
//   length = 8        registers of a string tag (2 characters each), 1..123; required for strings
struct ModbusPoint {
    quint32 tag = 0;
    int unit = 1;
    ModbusAddress address;
    DataType type = DataType::UInt16;
    ByteOrder order = ByteOrder::ABCD;
    int count = 1; // registers, or bits (always 1) for coils / discrete inputs
    qint64 scanMs = 1000;

    int end() const { return address.offset + count; } // one past the last register/bit

    // Resolves and checks a tag; reports every misfit on diagnostics (file:line:col) and returns
    // nullopt when the tag cannot be polled.
    static std::optional<ModbusPoint> resolve(const ModbusSettings &device,
                                              const TagDefinition &tag, quint32 index,
                                              Diagnostics &diagnostics);
};

} // namespace vigil
