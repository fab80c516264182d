#pragma once

#include <cstdint>
#include <vector>

typedef struct _modbus_mapping_t modbus_mapping_t;

namespace vigil::sim
{

// Answers one Modbus request PDU (function code and data, no MBAP header) from a register map, as
// the Modbus Application Protocol specification v1.1b3 says: function codes 1, 2, 3, 4, 5, 6, 15,
// 16, 22 and 23; any other code is answered with exception 1 (illegal function), a request whose
// length or quantity does not fit its function code with exception 3 (illegal data value, also
// for a truncated request), and an address range outside the map with exception 2. The caller
// holds the map's lock.
class ModbusPdu
{
public:
    enum ExceptionCode : uint8_t {
        IllegalFunction = 1,
        IllegalDataAddress = 2,
        IllegalDataValue = 3,
    };

    static std::vector<uint8_t> answer(const uint8_t *pdu, int length, modbus_mapping_t &map);
    static std::vector<uint8_t> exception(uint8_t function, uint8_t code);
    static bool isWrite(int function);
    static bool isException(const std::vector<uint8_t> &reply);

private:
    static std::vector<uint8_t> readBits(const uint8_t *pdu, int length, const uint8_t *bits,
                                         int size);
    static std::vector<uint8_t> readRegisters(const uint8_t *pdu, int length,
                                              const uint16_t *registers, int size);
    static std::vector<uint8_t> writeCoil(const uint8_t *pdu, int length, modbus_mapping_t &map);
    static std::vector<uint8_t> writeRegister(const uint8_t *pdu, int length,
                                              modbus_mapping_t &map);
    static std::vector<uint8_t> writeCoils(const uint8_t *pdu, int length, modbus_mapping_t &map);
    static std::vector<uint8_t> writeRegisters(const uint8_t *pdu, int length,
                                               modbus_mapping_t &map);
    static std::vector<uint8_t> maskWriteRegister(const uint8_t *pdu, int length,
                                                  modbus_mapping_t &map);
    static std::vector<uint8_t> readWriteRegisters(const uint8_t *pdu, int length,
                                                   modbus_mapping_t &map);
};

} // namespace vigil::sim
