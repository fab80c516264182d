#include "modbusimage.h"

#include "faultswitches.h"
#include "plantmodel.h"

#include <modbus.h>

#include <bit>
#include <cmath>
#include <cstring>

namespace vigil::sim
{

ModbusImage::ModbusImage(PlantModel &model, FaultSwitches &faults)
    : m_model(model)
    , m_faults(faults)
{
    m_map = modbus_mapping_new(16, 16, FaultSwitches::kFirstRegister + 16, 64);
    const char mode[8] = {'A', 'U', 'T', 'O', 0, 0, 0, 0};
    for (int i = 0; i < 4; ++i)
        m_map->tab_registers[10 + i] =
            uint16_t((uint8_t(mode[2 * i]) << 8) | uint8_t(mode[2 * i + 1]));
    refresh();
    uint16_t *f = m_map->tab_registers + FaultSwitches::kFirstRegister;
    f[0] = uint16_t(m_faults.delayMs.load());
    f[1] = uint16_t(m_faults.exceptionCode.load());
    f[3] = uint16_t(m_faults.corruptEvery.load());
    f[4] = uint16_t(m_faults.dropEvery.load());
    f[5] = uint16_t(m_faults.scaleGarbageEvery.load());
}

ModbusImage::~ModbusImage()
{
    modbus_mapping_free(m_map);
}

void ModbusImage::writeFloat32(int reg, double v)
{
    const uint32_t bits = std::bit_cast<uint32_t>(float(v));
    m_map->tab_input_registers[reg] = uint16_t(bits >> 16);
    m_map->tab_input_registers[reg + 1] = uint16_t(bits & 0xFFFF);
}

void ModbusImage::writeFloat64(int reg, double v)
{
    const uint64_t bits = std::bit_cast<uint64_t>(v);
    for (int i = 0; i < 4; ++i)
        m_map->tab_input_registers[reg + i] = uint16_t(bits >> (48 - 16 * i));
}

void ModbusImage::refresh()
{
    const PlantState s = m_model.state();
    uint16_t *ir = m_map->tab_input_registers;
    ir[0] = uint16_t(int16_t(std::lround(s.level / 100.0 * 27648.0)));
    writeFloat32(1, s.temperature);
    writeFloat32(3, s.heaterPower);
    writeFloat64(5, s.inletFlow);
    writeFloat64(9, s.outletFlow);
    writeFloat32(13, s.motorCurrent);
    writeFloat32(15, s.vibration);
    writeFloat32(17, s.pressure);
    ir[19] = uint16_t(std::lround(s.valvePosition * 1000.0));
    const uint32_t total = uint32_t(std::llround(s.total * 100.0));
    ir[20] = uint16_t(total & 0xFFFF); // CDAB: low word first
    ir[21] = uint16_t(total >> 16);
    ir[22] = uint16_t((s.pumpRunning ? 1 : 0) | (s.valveOpened ? 2 : 0) | (s.valveClosed ? 4 : 0) |
                      (s.heaterPower > 0 ? 8 : 0));
    const uint64_t uptime = uint64_t(s.timeS);
    for (int i = 0; i < 4; ++i)
        ir[23 + i] = uint16_t(uptime >> (48 - 16 * i));
    const uint32_t ambient = uint32_t(int32_t(std::lround(PlantModel::kAmbientC * 100.0)));
    const auto swap = [](uint16_t r) { return uint16_t((r >> 8) | (r << 8)); };
    ir[27] = swap(uint16_t(ambient >> 16)); // BADC: bytes swapped in each word
    ir[28] = swap(uint16_t(ambient & 0xFFFF));

    m_map->tab_input_bits[0] = s.valveOpened;
    m_map->tab_input_bits[1] = s.valveClosed;
    m_map->tab_input_bits[2] = s.pumpRunning;
    mirrorCommands();
}

ModbusImage::CommandWords ModbusImage::commandWords() const
{
    CommandWords w;
    w.sp[0] = m_map->tab_registers[0];
    w.sp[1] = m_map->tab_registers[1];
    w.speed = m_map->tab_registers[2];
    for (int i = 0; i < 3; ++i)
        w.coils[i] = m_map->tab_bits[i];
    return w;
}

void ModbusImage::mirrorCommands()
{
    const PlantCommands c = m_model.commands();
    const uint32_t sp = std::bit_cast<uint32_t>(float(c.temperatureSp));
    m_map->tab_registers[0] = uint16_t(sp >> 16);
    m_map->tab_registers[1] = uint16_t(sp & 0xFFFF);
    m_map->tab_registers[2] = uint16_t(std::lround(c.pumpSpeed));
    m_map->tab_bits[0] = c.valveOpen;
    m_map->tab_bits[1] = c.pumpRun;
    m_map->tab_bits[2] = c.heaterOn;
    m_mirrored = commandWords();
}

void ModbusImage::commit()
{
    // Only what this write changed: a command given meanwhile over MQTT is not undone.
    const CommandWords w = commandWords();
    PlantCommands c = m_model.commands();
    bool *coils[3] = {&c.valveOpen, &c.pumpRun, &c.heaterOn};
    for (int i = 0; i < 3; ++i) {
        if (w.coils[i] != m_mirrored.coils[i])
            *coils[i] = w.coils[i] != 0;
    }
    if (w.sp[0] != m_mirrored.sp[0] || w.sp[1] != m_mirrored.sp[1]) {
        const float spValue = std::bit_cast<float>((uint32_t(w.sp[0]) << 16) | w.sp[1]);
        if (std::isfinite(spValue))
            c.temperatureSp = spValue;
    }
    if (w.speed != m_mirrored.speed)
        c.pumpSpeed = std::min<int>(w.speed, 100);
    m_model.setCommands(c);
    mirrorCommands();

    const uint16_t *f = m_map->tab_registers + FaultSwitches::kFirstRegister;
    m_faults.delayMs = f[0];
    m_faults.exceptionCode = f[1];
    if (f[2] != 0) {
        ++m_faults.dropGeneration;
        m_map->tab_registers[FaultSwitches::kFirstRegister + 2] = 0;
    }
    m_faults.corruptEvery = f[3];
    m_faults.dropEvery = f[4];
    m_faults.scaleGarbageEvery = f[5];
}

} // namespace vigil::sim
