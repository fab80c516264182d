#include "operatorroutine.h"

namespace vigil::sim
{

PlantCommands OperatorRoutine::commandsAt(qint64 sinceStartMs)
{
    const qint64 minute = sinceStartMs % kCycleMs / 60'000;
    PlantCommands c;
    if (minute >= 20 && minute < 95)
        c.temperatureSp = 65.0;
    else if (minute >= 95)
        c.temperatureSp = 55.0;
    if (minute >= 40 && minute < 50)
        c.pumpSpeed = 75.0;
    c.pumpRun = !(minute >= 55 && minute < 59);
    c.valveOpen = !(minute >= 75 && minute < 83);
    c.heaterOn = !(minute >= 105 && minute < 110);
    return c;
}

} // namespace vigil::sim
