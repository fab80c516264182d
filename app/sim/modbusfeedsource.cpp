#include "modbusfeedsource.h"

#include "config/configreader.h"
#include "config/diagnostics.h"
#include "modbus/modbussettings.h"
#include "tags/tagdirectory.h"

#include <modbus.h>

#include <limits>
#include <map>

namespace vigil::sim
{

ModbusFeedSource::ModbusFeedSource(const DeviceConfig &device, const TagDirectory &tags,
                                   PlantModel &model, qint64 t0)
    : FeedSource(device)
    , m_image(model, m_faults)
{
    Diagnostics diagnostics;
    ConfigReader reader(device.node, device.object(), diagnostics);
    const ModbusSettings settings = ModbusSettings::read(reader);
    for (quint32 t : tags.tagsOfDevice(device.id)) {
        if (auto p = ModbusPoint::resolve(settings, tags.at(t), t, diagnostics))
            m_points.push_back(*p);
    }
    m_blocks = ModbusPlanner::plan(m_points, settings.plannerLimits());
    std::map<qint64, size_t> byPeriod;
    for (size_t b = 0; b < m_blocks.size(); ++b) {
        auto [it, added] = byPeriod.try_emplace(m_blocks[b].scanMs, m_classes.size());
        if (added)
            m_classes.push_back({m_blocks[b].scanMs, t0, {}});
        m_classes[it->second].blocks.push_back(int(b));
    }
}

qint64 ModbusFeedSource::next() const
{
    qint64 n = std::numeric_limits<qint64>::max();
    for (const ScanClass &c : m_classes)
        n = std::min(n, c.next);
    return n;
}

void ModbusFeedSource::poll(qint64 now, SampleBatch &out)
{
    m_image.refresh(); // what the server does before it answers
    modbus_mapping_t *map = m_image.mapping();
    for (ScanClass &c : m_classes) {
        if (c.next > now)
            continue;
        c.next += c.periodMs;
        for (int b : c.blocks) {
            const ModbusBlock &block = m_blocks[size_t(b)];
            const uint16_t *registers = nullptr;
            const uint8_t *bits = nullptr;
            switch (block.area) {
            case ModbusAddress::Area::Coil:
                bits = map->tab_bits + block.start;
                break;
            case ModbusAddress::Area::DiscreteInput:
                bits = map->tab_input_bits + block.start;
                break;
            case ModbusAddress::Area::InputRegister:
                registers = map->tab_input_registers + block.start;
                break;
            case ModbusAddress::Area::HoldingRegister:
                registers = map->tab_registers + block.start;
                break;
            }
            ModbusSampler::decode(block, m_points, registers, bits, now, out);
        }
    }
}

} // namespace vigil::sim
