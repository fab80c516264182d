#include "modbusblockhealth.h"

#include "modbusunittracker.h"

namespace vigil
{

void ModbusBlockHealth::reset(size_t blocks)
{
    m_isFailing.assign(blocks, 0);
    m_error.assign(blocks, QString());
    m_failing = 0;
}

void ModbusBlockHealth::succeeded(int block)
{
    if (m_isFailing[size_t(block)]) {
        m_isFailing[size_t(block)] = 0;
        --m_failing;
    }
}

void ModbusBlockHealth::failed(int block, const QString &message)
{
    if (!message.isEmpty())
        m_error[size_t(block)] = message;
    if (!m_isFailing[size_t(block)]) {
        m_isFailing[size_t(block)] = 1;
        ++m_failing;
    }
}

DriverStatus ModbusBlockHealth::summary(const std::vector<ModbusBlock> &blocks,
                                        const ModbusUnitTracker &units) const
{
    DriverStatus status;
    status.state = DriverState::Connected;
    if (m_failing == 0)
        return status;
    int first = -1;
    bool allDead = m_failing == int(blocks.size());
    for (size_t b = 0; b < blocks.size(); ++b) {
        if (!m_isFailing[b])
            continue;
        if (first < 0 || m_error[size_t(first)].isEmpty())
            first = int(b);
        allDead = allDead && units.isDead(blocks[b].unit);
    }
    if (allDead) {
        status.state = DriverState::Disconnected;
        status.reason = QStringLiteral("no unit answering (%1)").arg(m_error[size_t(first)]);
    } else {
        status.state = DriverState::Degraded;
        status.reason = QStringLiteral("%1 of %2 read requests failing (%3)")
                            .arg(m_failing)
                            .arg(blocks.size())
                            .arg(m_error[size_t(first)]);
    }
    return status;
}

} // namespace vigil
