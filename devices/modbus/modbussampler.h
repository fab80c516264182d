#pragma once

#include "modbusblock.h"
#include "modbuspoint.h"
#include "tags/tagsample.h"

#include <cstdint>
#include <vector>

namespace vigil
{

// Turns the answer to one read request into tag samples (or marks its tags with a bad quality).
class ModbusSampler
{
public:
    // registers / bits hold the block's data from its first address. A float that decodes to NaN
    // or infinity is no value: its tag gets Bad/NonFinite, and the indices of such points are
    // returned so the driver can count them as bad input.
    static std::vector<int> decode(const ModbusBlock &block, const std::vector<ModbusPoint> &points,
                                   const uint16_t *registers, const uint8_t *bits, qint64 now,
                                   SampleBatch &out);
    static void mark(const ModbusBlock &block, const std::vector<ModbusPoint> &points,
                     Quality quality, qint64 now, SampleBatch &out);
};

} // namespace vigil
