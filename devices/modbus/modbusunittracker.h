#pragma once

#include <QtGlobal>

#include <map>

namespace vigil
{

// Keeps a dead slave from stalling a shared bus. A unit whose reads time out twice in a row with
// no good answer in between is dead: per scan cycle it gets one probe (a single try, no
// retries) and its other blocks are skipped, so it costs the bus at most one timeout per cycle.
// Any good answer brings it back.
class ModbusUnitTracker
{
public:
    bool isDead(int unit) const;
    // Before reading a block of the unit in a cycle (cycle ids are unique): false when the unit is
    // dead and was already probed in this cycle, so the block is skipped.
    bool admit(int unit, quint64 cycle);
    void succeeded(int unit);
    // A read got no answer after its tries; true when this makes (or keeps) the unit dead.
    bool timedOut(int unit, quint64 cycle);
    // Tries for a read of the unit: 1 + retries while alive, 1 when dead.
    int tries(int unit, int retries) const { return isDead(unit) ? 1 : 1 + retries; }
    void clear() { m_units.clear(); }

private:
    struct Unit {
        bool suspect = false;
        bool dead = false;
        quint64 probedCycle = 0;
    };
    std::map<int, Unit> m_units;
};

} // namespace vigil
