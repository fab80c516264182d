#pragma once

#include "modbusblock.h"
#include "modbuspoint.h"

#include <vector>

namespace vigil
{

// Groups points into the fewest read requests: per scan class, unit and area, sorted by address,
// a block grows while it stays within the request limit and the hole it would bridge is no larger
// than the allowed gap (none when the device rejects reads over unmapped addresses). Growing
// greedily over sorted ranges is optimal: any plan's first block can be extended to the greedy
// one without adding requests.
class ModbusPlanner
{
public:
    struct Limits {
        int maxRegisters = 125;
        int maxBits = 2000;
        int maxGap = 16;
        int maxBitGap = 256;
        bool readUnmapped = true;
    };

    static std::vector<ModbusBlock> plan(const std::vector<ModbusPoint> &points,
                                         const Limits &limits);
};

} // namespace vigil
