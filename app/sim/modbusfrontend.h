#pragma once

#include <QtGlobal>

#include <atomic>
#include <cstdint>

typedef struct _modbus modbus_t;

namespace vigil::sim
{

class ModbusImage;
struct FaultSwitches;

// Answers one Modbus request for either transport: fault registers first (never faulted), then
// the injected faults (delay, exception, dropped connection, corrupted RTU frame), then the
// register image. Shared by the TCP and RTU servers.
class ModbusFrontend
{
public:
    enum class Outcome {
        Answered,
        Drop, // close this connection without answering
    };

    ModbusFrontend(ModbusImage &image, FaultSwitches &faults);

    Outcome handle(modbus_t *ctx, const uint8_t *request, int length, bool rtu);
    quint64 requests() const { return m_requests.load(); }

    // CRC-16/MODBUS of a frame (appended low byte first).
    static uint16_t crc16(const uint8_t *data, int length);

private:
    bool sendCorrupted(modbus_t *ctx, const uint8_t *request);

    ModbusImage &m_image;
    FaultSwitches &m_faults;
    std::atomic<quint64> m_requests{0};
    std::atomic<quint64> m_faultable{0};
};

} // namespace vigil::sim
