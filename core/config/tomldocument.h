#pragma once

#include "confignode.h"

#include <optional>

namespace vigil
{

class Diagnostics;

// Reads a TOML file (toml++) into a ConfigNode tree. Syntax errors, duplicate keys and unreadable
// files are reported with their location and yield no tree.
class TomlDocument
{
public:
    static std::optional<ConfigNode> parseFile(const QString &path, Diagnostics &diagnostics);
    static std::optional<ConfigNode> parse(const QByteArray &text, const QString &displayPath,
                                           Diagnostics &diagnostics);
};

} // namespace vigil
