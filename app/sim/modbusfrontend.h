#pragma once

#include <QtGlobal>

#include <atomic>
#include <cstdint>
#include <vector>

typedef struct _modbus modbus_t;

namespace vigil::sim
{

class ModbusImage;
struct FaultSwitches;

// Answers one Modbus request for either transport: fault registers first (never faulted), then
// the injected faults (delay, exception, dropped connection, corrupted RTU frame), then the
// register image. Shared by the TCP and RTU servers: handle() replies through libmodbus on a
// blocking RTU line; answer() returns the reply PDU and its delay so that the TCP server never
// waits on one client.
class ModbusFrontend
{
public:
    enum class Outcome {
        Answered,
        Drop, // close this connection without answering
    };

    // A TCP request's answer: the reply PDU, to be sent (or the connection dropped) after delayMs.
    struct Answer {
        Outcome outcome = Outcome::Answered;
        int delayMs = 0;
        std::vector<uint8_t> pdu;
    };

    ModbusFrontend(ModbusImage &image, FaultSwitches &faults);

    Outcome handle(modbus_t *ctx, const uint8_t *request, int length, bool rtu);
    // pdu: function code and data (length >= 1).
    Answer answer(const uint8_t *pdu, int length);
    quint64 requests() const { return m_requests.load(); }

    // CRC-16/MODBUS of a frame (appended low byte first).
    static uint16_t crc16(const uint8_t *data, int length);

private:
    static bool isFaultRegister(int function, int address);
    bool sendCorrupted(modbus_t *ctx, const uint8_t *request);

    ModbusImage &m_image;
    FaultSwitches &m_faults;
    std::atomic<quint64> m_requests{0};
    std::atomic<quint64> m_faultable{0};
};

} // namespace vigil::sim
