#include "modbusunittracker.h"

namespace vigil
{

bool ModbusUnitTracker::isDead(int unit) const
{
    const auto it = m_units.find(unit);
    return it != m_units.end() && it->second.dead;
}

bool ModbusUnitTracker::admit(int unit, quint64 cycle)
{
    Unit &u = m_units[unit];
    if (!u.dead || cycle == 0)
        return true;
    if (u.probedCycle == cycle)
        return false;
    u.probedCycle = cycle;
    return true;
}

void ModbusUnitTracker::succeeded(int unit)
{
    Unit &u = m_units[unit];
    u.suspect = false;
    u.dead = false;
}

bool ModbusUnitTracker::timedOut(int unit, quint64 cycle)
{
    Unit &u = m_units[unit];
    if (u.suspect)
        u.dead = true;
    u.suspect = true;
    if (u.dead)
        u.probedCycle = cycle;
    return u.dead;
}

} // namespace vigil
