#pragma once

#include "historyconfig.h"

#include <vector>

namespace vigil
{

class ConfigNode;
class Diagnostics;
struct TagDefinition;

// Reads and validates the [history] table (see HistoryConfig), reporting file:line:column.
class HistoryConfigReader
{
public:
    explicit HistoryConfigReader(Diagnostics &diagnostics)
        : m_diagnostics(diagnostics)
    {
    }

    // `table` may be null (no [history]): the defaults.
    HistoryConfig read(const ConfigNode *table);
    // Once the tags are known: warns about group patterns that match no tag.
    void checkGroups(const HistoryConfig &config, const std::vector<TagDefinition> &tags);

    // "500MB", "2GB", "1.5TB", "4096" (bytes); nullopt if malformed.
    static std::optional<qint64> parseSize(const QString &text);

private:
    Diagnostics &m_diagnostics;
};

} // namespace vigil
