#include "modbuspdu.h"

#include <modbus.h>

#include <algorithm>

namespace vigil::sim
{

namespace
{

// Quantity limits of the specification (they keep every reply within the 253-byte PDU).
constexpr int kMaxReadBits = 2000;
constexpr int kMaxReadRegisters = 125;
constexpr int kMaxWriteCoils = 1968;
constexpr int kMaxWriteRegisters = 123;
constexpr int kMaxReadWriteWriteRegisters = 121;

int word(const uint8_t *p)
{
    return (p[0] << 8) | p[1];
}

void appendWord(std::vector<uint8_t> &out, int value)
{
    out.push_back(uint8_t(value >> 8));
    out.push_back(uint8_t(value & 0xFF));
}

bool inRange(int address, int count, int size)
{
    return address + count <= size;
}

} // namespace

std::vector<uint8_t> ModbusPdu::exception(uint8_t function, uint8_t code)
{
    return {uint8_t(function | 0x80), code};
}

bool ModbusPdu::isWrite(int function)
{
    return function == 5 || function == 6 || function == 15 || function == 16 || function == 22 ||
           function == 23;
}

bool ModbusPdu::isException(const std::vector<uint8_t> &reply)
{
    return !reply.empty() && (reply[0] & 0x80) != 0;
}

std::vector<uint8_t> ModbusPdu::answer(const uint8_t *pdu, int length, modbus_mapping_t &map)
{
    switch (pdu[0]) {
    case 1:
        return readBits(pdu, length, map.tab_bits, map.nb_bits);
    case 2:
        return readBits(pdu, length, map.tab_input_bits, map.nb_input_bits);
    case 3:
        return readRegisters(pdu, length, map.tab_registers, map.nb_registers);
    case 4:
        return readRegisters(pdu, length, map.tab_input_registers, map.nb_input_registers);
    case 5:
        return writeCoil(pdu, length, map);
    case 6:
        return writeRegister(pdu, length, map);
    case 15:
        return writeCoils(pdu, length, map);
    case 16:
        return writeRegisters(pdu, length, map);
    case 22:
        return maskWriteRegister(pdu, length, map);
    case 23:
        return readWriteRegisters(pdu, length, map);
    default:
        return exception(pdu[0], IllegalFunction);
    }
}

std::vector<uint8_t> ModbusPdu::readBits(const uint8_t *pdu, int length, const uint8_t *bits,
                                         int size)
{
    if (length != 5)
        return exception(pdu[0], IllegalDataValue);
    const int address = word(pdu + 1);
    const int count = word(pdu + 3);
    if (count < 1 || count > kMaxReadBits)
        return exception(pdu[0], IllegalDataValue);
    if (!inRange(address, count, size))
        return exception(pdu[0], IllegalDataAddress);
    std::vector<uint8_t> out{pdu[0], uint8_t((count + 7) / 8)};
    for (int i = 0; i < count; i += 8)
        out.push_back(
            modbus_get_byte_from_bits(bits, address + i, unsigned(std::min(8, count - i))));
    return out;
}

std::vector<uint8_t> ModbusPdu::readRegisters(const uint8_t *pdu, int length,
                                              const uint16_t *registers, int size)
{
    if (length != 5)
        return exception(pdu[0], IllegalDataValue);
    const int address = word(pdu + 1);
    const int count = word(pdu + 3);
    if (count < 1 || count > kMaxReadRegisters)
        return exception(pdu[0], IllegalDataValue);
    if (!inRange(address, count, size))
        return exception(pdu[0], IllegalDataAddress);
    std::vector<uint8_t> out{pdu[0], uint8_t(count * 2)};
    for (int i = 0; i < count; ++i)
        appendWord(out, registers[address + i]);
    return out;
}

std::vector<uint8_t> ModbusPdu::writeCoil(const uint8_t *pdu, int length, modbus_mapping_t &map)
{
    if (length != 5)
        return exception(pdu[0], IllegalDataValue);
    const int address = word(pdu + 1);
    const int value = word(pdu + 3);
    if (value != 0x0000 && value != 0xFF00)
        return exception(pdu[0], IllegalDataValue);
    if (address >= map.nb_bits)
        return exception(pdu[0], IllegalDataAddress);
    map.tab_bits[address] = value == 0xFF00 ? 1 : 0;
    return std::vector<uint8_t>(pdu, pdu + length);
}

std::vector<uint8_t> ModbusPdu::writeRegister(const uint8_t *pdu, int length, modbus_mapping_t &map)
{
    if (length != 5)
        return exception(pdu[0], IllegalDataValue);
    const int address = word(pdu + 1);
    if (address >= map.nb_registers)
        return exception(pdu[0], IllegalDataAddress);
    map.tab_registers[address] = uint16_t(word(pdu + 3));
    return std::vector<uint8_t>(pdu, pdu + length);
}

std::vector<uint8_t> ModbusPdu::writeCoils(const uint8_t *pdu, int length, modbus_mapping_t &map)
{
    if (length < 6)
        return exception(pdu[0], IllegalDataValue);
    const int address = word(pdu + 1);
    const int count = word(pdu + 3);
    const int bytes = pdu[5];
    if (count < 1 || count > kMaxWriteCoils || bytes != (count + 7) / 8 || length != 6 + bytes)
        return exception(pdu[0], IllegalDataValue);
    if (!inRange(address, count, map.nb_bits))
        return exception(pdu[0], IllegalDataAddress);
    modbus_set_bits_from_bytes(map.tab_bits, address, unsigned(count), pdu + 6);
    return std::vector<uint8_t>(pdu, pdu + 5);
}

std::vector<uint8_t> ModbusPdu::writeRegisters(const uint8_t *pdu, int length,
                                               modbus_mapping_t &map)
{
    if (length < 6)
        return exception(pdu[0], IllegalDataValue);
    const int address = word(pdu + 1);
    const int count = word(pdu + 3);
    const int bytes = pdu[5];
    if (count < 1 || count > kMaxWriteRegisters || bytes != count * 2 || length != 6 + bytes)
        return exception(pdu[0], IllegalDataValue);
    if (!inRange(address, count, map.nb_registers))
        return exception(pdu[0], IllegalDataAddress);
    for (int i = 0; i < count; ++i)
        map.tab_registers[address + i] = uint16_t(word(pdu + 6 + 2 * i));
    return std::vector<uint8_t>(pdu, pdu + 5);
}

std::vector<uint8_t> ModbusPdu::maskWriteRegister(const uint8_t *pdu, int length,
                                                  modbus_mapping_t &map)
{
    if (length != 7)
        return exception(pdu[0], IllegalDataValue);
    const int address = word(pdu + 1);
    if (address >= map.nb_registers)
        return exception(pdu[0], IllegalDataAddress);
    const int andMask = word(pdu + 3);
    const int orMask = word(pdu + 5);
    const int current = map.tab_registers[address];
    map.tab_registers[address] = uint16_t((current & andMask) | (orMask & ~andMask));
    return std::vector<uint8_t>(pdu, pdu + length);
}

std::vector<uint8_t> ModbusPdu::readWriteRegisters(const uint8_t *pdu, int length,
                                                   modbus_mapping_t &map)
{
    if (length < 10)
        return exception(pdu[0], IllegalDataValue);
    const int readAddress = word(pdu + 1);
    const int readCount = word(pdu + 3);
    const int writeAddress = word(pdu + 5);
    const int writeCount = word(pdu + 7);
    const int bytes = pdu[9];
    if (readCount < 1 || readCount > kMaxReadRegisters || writeCount < 1 ||
        writeCount > kMaxReadWriteWriteRegisters || bytes != writeCount * 2 || length != 10 + bytes)
        return exception(pdu[0], IllegalDataValue);
    if (!inRange(readAddress, readCount, map.nb_registers) ||
        !inRange(writeAddress, writeCount, map.nb_registers))
        return exception(pdu[0], IllegalDataAddress);
    // The write happens before the read (specification, 6.17).
    for (int i = 0; i < writeCount; ++i)
        map.tab_registers[writeAddress + i] = uint16_t(word(pdu + 10 + 2 * i));
    std::vector<uint8_t> out{pdu[0], uint8_t(readCount * 2)};
    for (int i = 0; i < readCount; ++i)
        appendWord(out, map.tab_registers[readAddress + i]);
    return out;
}

} // namespace vigil::sim
