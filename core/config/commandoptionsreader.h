#pragma once

#include "commands/commandoptions.h"

namespace vigil
{

class ConfigNode;
class Diagnostics;

// Reads the plant file's [commands] table, reporting file:line:column:
//   select_timeout ["30s"]    select-before-operate: the operate must follow within this time
//   confirm_timeout ["60s"]   critical tags: the second person confirms within this time
//   max_per_minute [60]       commands this panel sends per minute, all tags together
class CommandOptionsReader
{
public:
    // `table` may be null (no [commands]): the defaults.
    static CommandOptions read(const ConfigNode *table, Diagnostics &diagnostics);
};

} // namespace vigil
