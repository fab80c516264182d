#include "modbusfrontend.h"

#include "faultswitches.h"
#include "modbusimage.h"
#include "modbuspdu.h"

#include <modbus.h>

#include <unistd.h>

#include <chrono>
#include <thread>
#include <vector>

namespace vigil::sim
{

ModbusFrontend::ModbusFrontend(ModbusImage &image, FaultSwitches &faults)
    : m_image(image)
    , m_faults(faults)
{
}

uint16_t ModbusFrontend::crc16(const uint8_t *data, int length)
{
    uint16_t crc = 0xFFFF;
    for (int i = 0; i < length; ++i) {
        crc ^= data[i];
        for (int b = 0; b < 8; ++b)
            crc = (crc & 1) ? uint16_t((crc >> 1) ^ 0xA001) : uint16_t(crc >> 1);
    }
    return crc;
}

ModbusFrontend::Outcome ModbusFrontend::handle(modbus_t *ctx, const uint8_t *req, int length,
                                               bool rtu)
{
    ++m_requests;
    const int offset = modbus_get_header_length(ctx);
    const int function = req[offset];
    const int address = (req[offset + 1] << 8) | req[offset + 2];
    if (!isFaultRegister(function, address)) {
        const quint64 n = ++m_faultable;
        if (const int delay = m_faults.delayMs.load(); delay > 0)
            std::this_thread::sleep_for(std::chrono::milliseconds(delay));
        if (const int every = m_faults.dropEvery.load(); every > 0 && n % quint64(every) == 0)
            return Outcome::Drop;
        if (const int code = m_faults.exceptionCode.load(); code > 0) {
            modbus_reply_exception(ctx, req, unsigned(code));
            return Outcome::Answered;
        }
        if (const int every = m_faults.corruptEvery.load();
            rtu && every > 0 && n % quint64(every) == 0 && function >= 1 && function <= 4)
            if (sendCorrupted(ctx, req))
                return Outcome::Answered;
    }
    QMutexLocker lock(&m_image.mutex());
    m_image.refresh();
    modbus_reply(ctx, req, length, m_image.mapping());
    if (ModbusPdu::isWrite(function))
        m_image.commit();
    return Outcome::Answered;
}

bool ModbusFrontend::isFaultRegister(int function, int address)
{
    return (function == 3 || function == 6 || function == 16) &&
           address >= FaultSwitches::kFirstRegister &&
           address < FaultSwitches::kFirstRegister + FaultSwitches::kRegisterCount;
}

ModbusFrontend::Answer ModbusFrontend::answer(const uint8_t *pdu, int length)
{
    ++m_requests;
    Answer a;
    const int function = pdu[0];
    const int address = length >= 3 ? (pdu[1] << 8) | pdu[2] : -1;
    if (!isFaultRegister(function, address)) {
        const quint64 n = ++m_faultable;
        a.delayMs = m_faults.delayMs.load();
        if (const int every = m_faults.dropEvery.load(); every > 0 && n % quint64(every) == 0) {
            a.outcome = Outcome::Drop;
            return a;
        }
        if (const int code = m_faults.exceptionCode.load(); code > 0) {
            a.pdu = ModbusPdu::exception(uint8_t(function), uint8_t(code));
            return a;
        }
    }
    QMutexLocker lock(&m_image.mutex());
    m_image.refresh();
    a.pdu = ModbusPdu::answer(pdu, length, *m_image.mapping());
    if (ModbusPdu::isWrite(function) && !ModbusPdu::isException(a.pdu))
        m_image.commit();
    return a;
}

bool ModbusFrontend::sendCorrupted(modbus_t *ctx, const uint8_t *req)
{
    // A read answer (RTU: unit, function, byte count, data, CRC) with its CRC broken.
    const int function = req[1];
    const int address = (req[2] << 8) | req[3];
    const int count = (req[4] << 8) | req[5];
    std::vector<uint8_t> frame{req[0], uint8_t(function)};
    QMutexLocker lock(&m_image.mutex());
    m_image.refresh();
    modbus_mapping_t *map = m_image.mapping();
    if (function <= 2) {
        const int size = function == 1 ? map->nb_bits : map->nb_input_bits;
        const uint8_t *bits = function == 1 ? map->tab_bits : map->tab_input_bits;
        if (address + count > size || count < 1)
            return false;
        frame.push_back(uint8_t((count + 7) / 8));
        for (int i = 0; i < count; i += 8)
            frame.push_back(
                modbus_get_byte_from_bits(bits, address + i, unsigned(std::min(8, count - i))));
    } else {
        const int size = function == 3 ? map->nb_registers : map->nb_input_registers;
        const uint16_t *regs = function == 3 ? map->tab_registers : map->tab_input_registers;
        if (address + count > size || count < 1)
            return false;
        frame.push_back(uint8_t(count * 2));
        for (int i = 0; i < count; ++i) {
            frame.push_back(uint8_t(regs[address + i] >> 8));
            frame.push_back(uint8_t(regs[address + i] & 0xFF));
        }
    }
    const uint16_t crc = uint16_t(crc16(frame.data(), int(frame.size())) ^ 0x5A5A);
    frame.push_back(uint8_t(crc & 0xFF));
    frame.push_back(uint8_t(crc >> 8));
    return ::write(modbus_get_socket(ctx), frame.data(), frame.size()) == ssize_t(frame.size());
}

} // namespace vigil::sim
