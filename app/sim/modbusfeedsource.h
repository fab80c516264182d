#pragma once

#include "faultswitches.h"
#include "feedsource.h"
#include "modbus/modbusplanner.h"
#include "modbus/modbussampler.h"
#include "modbusimage.h"

#include <vector>

namespace vigil
{
class TagDirectory;
}

namespace vigil::sim
{

class PlantModel;

// A Modbus device of the demo plant feed: one timer per scan class of the device's poll plan
// (ModbusPlanner); each poll reads the class's blocks from vigil-sim's register image
// (ModbusImage) and decodes them with the driver's ModbusSampler.
class ModbusFeedSource : public FeedSource
{
public:
    ModbusFeedSource(const DeviceConfig &device, const TagDirectory &tags, PlantModel &model,
                     qint64 t0);

    qint64 next() const override;
    void poll(qint64 now, SampleBatch &out) override;

private:
    struct ScanClass {
        qint64 periodMs;
        qint64 next;
        std::vector<int> blocks;
    };
    FaultSwitches m_faults;
    ModbusImage m_image;
    std::vector<ModbusPoint> m_points;
    std::vector<ModbusBlock> m_blocks;
    std::vector<ScanClass> m_classes;
};

} // namespace vigil::sim
