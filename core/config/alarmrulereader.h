#pragma once

#include "alarms/alarmrule.h"

#include <QList>

#include <vector>

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

    // Once every tag is known: the tags a rule reads besides its own (a deviation's setpoint, a
    // suppression condition) exist and have a type the rule can use.
    static void checkReferences(const std::vector<TagDefinition> &tags, Diagnostics &diagnostics);

    // Whether a tag's value can serve as a suppression condition: a bool, or an integer read
    // without scaling (0 is false, any other value true). A float or a scaled value has no
    // dependable "zero", so it would suppress or release by accident.
    static bool isConditionTag(const TagDefinition &tag);
};

} // namespace vigil
