#pragma once

#include "modbuspoint.h"
#include "writerequest.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace vigil
{

class ModbusTransport;
struct ModbusError;

// One checked write, encoded for its point: FC5 (or FC15) for a coil, FC6 (or FC16) for one
// register, FC16 for multi-register values and strings, FC22 (mask write) for a bit inside a
// holding register so the other bits are left alone.
struct ModbusWrite {
    enum class Kind : quint8 {
        Coil,
        Registers,
        RegisterBit,
    };

    quint64 id = 0;
    int point = 0; // index in the driver's points
    Kind kind = Kind::Registers;
    bool bit = false;
    std::vector<uint16_t> registers;

    // nullopt and *error when the value cannot be encoded (e.g. text too long for the tag).
    static std::optional<ModbusWrite> encode(const ModbusPoint &point, int pointIndex,
                                             const RawValue &raw, QString *error);
    bool execute(ModbusTransport &connection, const ModbusPoint &point, bool singleWrite,
                 ModbusError *error) const;
};

} // namespace vigil
