#pragma once

#include "alarmkpiinput.h"
#include "alarmkpioptions.h"
#include "alarmkpireport.h"

namespace vigil
{

// The alarm KPIs (EEMUA 191) computed from journal data: pure, no database, no clock, so every
// figure can be checked against a table of transitions.
class AlarmKpiCalculator
{
public:
    static AlarmKpiReport compute(const AlarmKpiInput &input, qint64 fromMs, qint64 toMs,
                                  const AlarmKpiOptions &options = {});
};

} // namespace vigil
