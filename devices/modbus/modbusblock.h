#pragma once

#include "modbusaddress.h"

#include <vector>

namespace vigil
{

// One read request of the poll plan: a contiguous range of one area of one unit, read in one
// scan class, and the points (indices into the driver's point list) it carries.
struct ModbusBlock {
    int unit = 1;
    ModbusAddress::Area area = ModbusAddress::Area::HoldingRegister;
    int start = 0;
    int count = 0; // registers or bits
    qint64 scanMs = 1000;
    std::vector<int> points;

    int end() const { return start + count; }
};

} // namespace vigil
