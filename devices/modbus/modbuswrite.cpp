#include "modbuswrite.h"

#include "modbuscodec.h"
#include "modbustransport.h"

namespace vigil
{

std::optional<ModbusWrite> ModbusWrite::encode(const ModbusPoint &point, int pointIndex,
                                               const RawValue &raw, QString *error)
{
    ModbusWrite w;
    w.point = pointIndex;
    if (point.address.isBitArea()) {
        w.kind = Kind::Coil;
        w.bit = raw.number != 0.0;
    } else if (point.type == DataType::Bool && point.address.bit >= 0) {
        w.kind = Kind::RegisterBit;
        w.bit = raw.number != 0.0;
    } else if (point.type == DataType::String) {
        w.registers.assign(size_t(point.count), 0);
        if (!ModbusCodec::encodeString(raw.text, point.count, point.order, w.registers.data(),
                                       error))
            return std::nullopt;
    } else {
        if (!ModbusCodec::fits(raw.number, point.type)) {
            *error = QStringLiteral("raw value %1 is out of range for type %2")
                         .arg(QString::number(raw.number, 'f', 0), dataTypeName(point.type));
            return std::nullopt;
        }
        w.registers.assign(size_t(point.count), 0);
        ModbusCodec::encode(raw.number, point.type, point.order, w.registers.data());
    }
    return w;
}

bool ModbusWrite::execute(ModbusTransport &connection, const ModbusPoint &point, bool singleWrite,
                          ModbusError *error) const
{
    switch (kind) {
    case Kind::Coil:
        return connection.writeCoil(point.unit, point.address.offset, bit, singleWrite, error);
    case Kind::RegisterBit: {
        const uint16_t mask = uint16_t(1u << point.address.bit);
        return connection.maskWriteRegister(point.unit, point.address.offset, uint16_t(~mask),
                                            bit ? mask : uint16_t(0), error);
    }
    case Kind::Registers:
        return connection.writeRegisters(point.unit, point.address.offset, int(registers.size()),
                                         registers.data(), singleWrite, error);
    }
    return false;
}

} // namespace vigil
