#pragma once

#include "modbusaddress.h"
#include "modbuserror.h"
#include "modbussettings.h"

#include <chrono>
#include <cstdint>

typedef struct _modbus modbus_t;

namespace vigil
{

// One libmodbus context: a TCP connection or a serial port (the RTU bus). Blocking; used only on
// its driver's thread, one transaction at a time, so requests on a shared RTU bus never overlap.
// Keeps the inter-frame silence between transactions and clears the line after a failed one.
class ModbusConnection
{
public:
    explicit ModbusConnection(ModbusSettings settings);
    ~ModbusConnection();
    ModbusConnection(const ModbusConnection &) = delete;
    ModbusConnection &operator=(const ModbusConnection &) = delete;

    bool open(ModbusError *error);
    void close();
    bool isOpen() const { return m_ctx != nullptr && m_open; }

    // Reads registers (FC3/FC4) or bits (FC1/FC2; one byte per bit) of one unit.
    bool readRegisters(int unit, ModbusAddress::Area area, int start, int count, uint16_t *dest,
                       ModbusError *error);
    bool readBits(int unit, ModbusAddress::Area area, int start, int count, uint8_t *dest,
                  ModbusError *error);
    bool writeCoil(int unit, int address, bool value, bool single, ModbusError *error);
    bool writeRegisters(int unit, int address, int count, const uint16_t *values, bool single,
                        ModbusError *error);
    bool maskWriteRegister(int unit, int address, uint16_t andMask, uint16_t orMask,
                           ModbusError *error);

private:
    template<typename Request>
    bool transact(int unit, ModbusError *error, const Request &request);
    void applyTimeouts();

    ModbusSettings m_settings;
    modbus_t *m_ctx = nullptr;
    bool m_open = false;
    std::chrono::steady_clock::time_point m_lineFreeAt{};
};

} // namespace vigil
