#pragma once

#include "modbussettings.h"
#include "modbustransport.h"

#include <chrono>
#include <cstdint>

typedef struct _modbus modbus_t;

namespace vigil
{

// The real transport: one libmodbus context, a TCP connection or a serial port (the RTU bus).
// Blocking; used only on its driver's thread, one transaction at a time, so requests on a shared
// RTU bus never overlap. Keeps the inter-frame silence between transactions; after a timeout or a
// broken reply it flushes the RTU line, or closes the TCP connection (see ModbusTransport).
class ModbusConnection final : public ModbusTransport
{
public:
    explicit ModbusConnection(ModbusSettings settings);
    ~ModbusConnection() override;
    ModbusConnection(const ModbusConnection &) = delete;
    ModbusConnection &operator=(const ModbusConnection &) = delete;

    bool open(ModbusError *error) override;
    void close() override;
    bool isOpen() const override { return m_ctx != nullptr && m_open; }

    bool readRegisters(int unit, ModbusAddress::Area area, int start, int count, uint16_t *dest,
                       ModbusError *error) override;
    bool readBits(int unit, ModbusAddress::Area area, int start, int count, uint8_t *dest,
                  ModbusError *error) override;
    bool writeCoil(int unit, int address, bool value, bool single, ModbusError *error) override;
    bool writeRegisters(int unit, int address, int count, const uint16_t *values, bool single,
                        ModbusError *error) override;
    bool maskWriteRegister(int unit, int address, uint16_t andMask, uint16_t orMask,
                           ModbusError *error) override;

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
