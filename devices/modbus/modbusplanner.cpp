#include "modbusplanner.h"

#include <algorithm>
#include <numeric>
#include <tuple>

namespace vigil
{

std::vector<ModbusBlock> ModbusPlanner::plan(const std::vector<ModbusPoint> &points,
                                             const Limits &limits)
{
    std::vector<int> order(points.size());
    std::iota(order.begin(), order.end(), 0);
    auto key = [&](int i) {
        const ModbusPoint &p = points[size_t(i)];
        return std::make_tuple(p.scanMs, p.unit, int(p.address.area), p.address.offset, p.end());
    };
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return key(a) < key(b); });

    std::vector<ModbusBlock> blocks;
    ModbusBlock *current = nullptr;
    for (int i : order) {
        const ModbusPoint &p = points[size_t(i)];
        const bool bits = p.address.isBitArea();
        const int maxCount = bits ? limits.maxBits : limits.maxRegisters;
        const int maxGap = !limits.readUnmapped ? 0 : bits ? limits.maxBitGap : limits.maxGap;
        const bool fits = current && current->scanMs == p.scanMs && current->unit == p.unit &&
                          current->area == p.address.area &&
                          p.address.offset - current->end() <= maxGap &&
                          std::max(current->end(), p.end()) - current->start <= maxCount;
        if (!fits) {
            ModbusBlock b;
            b.unit = p.unit;
            b.area = p.address.area;
            b.start = p.address.offset;
            b.count = p.count;
            b.scanMs = p.scanMs;
            blocks.push_back(std::move(b));
            current = &blocks.back();
        } else {
            current->count = std::max(current->end(), p.end()) - current->start;
        }
        current->points.push_back(i);
    }
    return blocks;
}

} // namespace vigil
