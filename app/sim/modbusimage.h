#pragma once

#include <QMutex>

#include <cstdint>

typedef struct _modbus_mapping_t modbus_mapping_t;

namespace vigil::sim
{

class PlantModel;
struct FaultSwitches;

// The demo unit's Modbus register map (unit 1; see the Modbus section of the demo plant):
//   coils      co0 XV101 open cmd, co1 P101 run cmd, co2 E101 heater enable
//   discretes  di0 XV101 ZSO, di1 XV101 ZSC, di2 P101 running
//   input regs ir0 level counts int16 (0..27648 = 0..100 %), ir1 TT101 float32, ir3 heater kW
//              float32, ir5 FT101 float64, ir9 FT102 float64, ir13 motor A float32,
//              ir15 vibration float32, ir17 pressure float32, ir19 valve position uint16 (‰),
//              ir20 total uint32 CDAB (0.01 m³), ir22 status word (bit0 running, bit1 ZSO,
//              bit2 ZSC, bit3 heater on), ir23 uptime uint64 s, ir27 ambient int32 BADC (0.01 °C)
//   holding    hr0 TIC101 SP float32, hr2 P101 speed uint16 %, hr10 P101 mode string (4 regs),
//              hr9000..9005 fault registers (FaultSwitches)
// refresh() copies the process into the map before a request is answered; commit() applies what
// a write changed back to the process. Callers hold mutex() around both and the reply.
// Commands are the model's: other front-ends (MQTT) change them too, so refresh() mirrors the
// model's commands into the coils and setpoint registers, and commit() applies only the ones the
// Modbus write changed.
class ModbusImage
{
public:
    ModbusImage(PlantModel &model, FaultSwitches &faults);
    ~ModbusImage();
    ModbusImage(const ModbusImage &) = delete;
    ModbusImage &operator=(const ModbusImage &) = delete;

    QMutex &mutex() { return m_mutex; }
    modbus_mapping_t *mapping() { return m_map; }

    void refresh();
    void commit();

private:
    struct CommandWords {
        uint16_t sp[2] = {0, 0};
        uint16_t speed = 0;
        uint8_t coils[3] = {0, 0, 0};
    };
    void mirrorCommands();
    CommandWords commandWords() const;
    void writeFloat32(int reg, double v);
    void writeFloat64(int reg, double v);

    PlantModel &m_model;
    FaultSwitches &m_faults;
    QMutex m_mutex;
    modbus_mapping_t *m_map = nullptr;
    CommandWords m_mirrored; // the command words as last taken from the model
};

} // namespace vigil::sim
