#pragma once

#include "driverstatus.h"
#include "modbusblock.h"

#include <QString>

#include <vector>

namespace vigil
{

class ModbusUnitTracker;

// Which read requests of a device are failing and why, summarised as the device state: Connected
// when every request answers, Disconnected when every failing unit is dead and nothing answers,
// otherwise Degraded with "n of m read requests failing (first failure)".
class ModbusBlockHealth
{
public:
    void reset(size_t blocks);
    void succeeded(int block);
    void failed(int block, const QString &message);
    int failingCount() const { return m_failing; }

    DriverStatus summary(const std::vector<ModbusBlock> &blocks,
                         const ModbusUnitTracker &units) const;

private:
    std::vector<quint8> m_isFailing;
    std::vector<QString> m_error;
    int m_failing = 0;
};

} // namespace vigil
