#pragma once

#include "tags/commandsettings.h"

#include <vector>

namespace vigil
{

class ConfigReader;
class Diagnostics;
struct TagDefinition;

// Reads the command keys of one tag (critical, feedback, feedback_timeout, feedback_tolerance,
// verify, command_interval, labels, [[tags.interlocks]]) through the tag's ConfigReader, so that
// its finish() knows them. The keys apply to writable tags only. An interlock's `when` is parsed
// into tag, operator and value; a mistake points at the character where it is.
class CommandSettingsReader
{
public:
    static CommandSettings read(ConfigReader &r, const TagDefinition &tag);

    // Once every tag is known: interlock and feedback tags exist and have a type that fits.
    static void checkReferences(const std::vector<TagDefinition> &tags, Diagnostics &diagnostics);
};

} // namespace vigil
