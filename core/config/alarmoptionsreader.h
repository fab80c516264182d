#pragma once

#include "alarms/alarmengineoptions.h"

namespace vigil
{

class ConfigNode;
class Diagnostics;

// Reads and validates the plant file's [alarms] table, the alarm engine's settings that are not
// per rule, reporting file:line:column:
//   bad_quality_delay ["10s"]   a tag with alarm rules raises its bad-quality alarm after this long
//   max_shelve ["8h"]           the longest a timed shelve may last
//   bad_quality_priority ["medium"], comm_loss_priority ["high"], command_failure_priority ["high"]
class AlarmOptionsReader
{
public:
    // `table` may be null (no [alarms]): the defaults.
    static AlarmEngineOptions read(const ConfigNode *table, Diagnostics &diagnostics);
};

} // namespace vigil
