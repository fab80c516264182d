#pragma once

#include "tags/commandsettings.h"

#include <QString>

#include <optional>

namespace vigil
{

class ConfigNode;
class Diagnostics;

// Parses an interlock condition, "LT101 < 10" or "XV101.ZSO == false": a tag id, one of
// < <= > >= == != and a number or true/false. Errors point at the offending character of the
// string in the plant file.
class InterlockExpression
{
public:
    // Fills tagId, op, number, isBool and location (of the tag id) of `rule`.
    static bool parse(const ConfigNode &when, const QString &object, InterlockRule &rule,
                      Diagnostics &diagnostics);
};

} // namespace vigil
