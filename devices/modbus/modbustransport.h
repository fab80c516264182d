#pragma once

#include "modbusaddress.h"
#include "modbuserror.h"

#include <cstdint>

namespace vigil
{

// The seam between the driver's polling logic (ModbusLink, ModbusDriver) and the wire: one
// blocking connection to a TCP server or an RTU bus, one transaction at a time. ModbusConnection
// is the real one (libmodbus); tests substitute an in-process fake with scripted failures.
//
// Contract: a failed call fills *error. A link error (refused, reset, port gone) leaves the
// transport closed. After a timeout or a broken reply a transport whose stream can no longer be
// trusted (TCP: a late answer would be read as the next one) closes itself; one that can resync
// (RTU: flush the line) stays open. Reopening is the caller's decision.
class ModbusTransport
{
public:
    virtual ~ModbusTransport() = default;

    virtual bool open(ModbusError *error) = 0;
    virtual void close() = 0;
    virtual bool isOpen() const = 0;

    // Reads registers (FC3/FC4) or bits (FC1/FC2; one byte per bit) of one unit.
    virtual bool readRegisters(int unit, ModbusAddress::Area area, int start, int count,
                               uint16_t *dest, ModbusError *error) = 0;
    virtual bool readBits(int unit, ModbusAddress::Area area, int start, int count, uint8_t *dest,
                          ModbusError *error) = 0;
    virtual bool writeCoil(int unit, int address, bool value, bool single, ModbusError *error) = 0;
    virtual bool writeRegisters(int unit, int address, int count, const uint16_t *values,
                                bool single, ModbusError *error) = 0;
    virtual bool maskWriteRegister(int unit, int address, uint16_t andMask, uint16_t orMask,
                                   ModbusError *error) = 0;
};

} // namespace vigil
