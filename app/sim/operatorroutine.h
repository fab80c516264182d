#pragma once

#include "plantmodel.h"

#include <QtGlobal>

namespace vigil::sim
{

// What an operator does over a shift, repeated every two hours so that history holds the
// transients of a working unit and not only a steady state: setpoint and speed changes, the
// pump stopped for four minutes (the level rises past its high limit), the inlet valve closed
// (it falls), the heater off for five minutes.
class OperatorRoutine
{
public:
    static constexpr qint64 kCycleMs = 2 * 3'600'000;
    // The unit's commands `sinceStartMs` into the routine.
    static PlantCommands commandsAt(qint64 sinceStartMs);
};

} // namespace vigil::sim
