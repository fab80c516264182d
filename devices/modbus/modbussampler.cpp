#include "modbussampler.h"

#include <cmath>

namespace vigil
{

std::vector<int> ModbusSampler::decode(const ModbusBlock &block,
                                       const std::vector<ModbusPoint> &points,
                                       const uint16_t *registers, const uint8_t *bits, qint64 now,
                                       SampleBatch &out)
{
    std::vector<int> nonFinite;
    for (int i : block.points) {
        const ModbusPoint &p = points[size_t(i)];
        TagSample s;
        s.tag = p.tag;
        s.sourceTime = now;
        const int at = p.address.offset - block.start;
        if (p.address.isBitArea())
            s.value = bits[at] ? 1.0 : 0.0;
        else if (p.type == DataType::String)
            s.text = ModbusCodec::decodeString(registers + at, p.count, p.order);
        else
            s.value = ModbusCodec::decode(registers + at, p.type, p.order, p.address.bit);
        if (!std::isfinite(s.value)) {
            s.quality = Quality::NonFinite;
            nonFinite.push_back(i);
        }
        out.append(std::move(s));
    }
    return nonFinite;
}

void ModbusSampler::mark(const ModbusBlock &block, const std::vector<ModbusPoint> &points,
                         Quality quality, qint64 now, SampleBatch &out)
{
    for (int i : block.points) {
        TagSample s;
        s.tag = points[size_t(i)].tag;
        s.quality = quality;
        s.sourceTime = now;
        out.append(s);
    }
}

} // namespace vigil
