#pragma once

#include "alarms/alarmrule.h"

#include <QList>

namespace vigil
{

class ConfigNode;
class Diagnostics;
struct TagDefinition;

// Reads the [[tags.alarms]] of one tag and checks each rule against the tag and the others:
// the kind fits the data type, limits are ordered LoLo < Lo < Hi < HiHi, one rule per kind.
class AlarmRuleReader
{
public:
    static QList<AlarmRule> read(const ConfigNode &alarms, const TagDefinition &tag,
                                 Diagnostics &diagnostics);
};

} // namespace vigil
