#include "commandoptionsreader.h"

#include "configreader.h"

namespace vigil
{

CommandOptions CommandOptionsReader::read(const ConfigNode *table, Diagnostics &diagnostics)
{
    CommandOptions options;
    if (!table)
        return options;
    ConfigReader r(*table, QStringLiteral("commands"), diagnostics);
    // Under a second nobody can press operate in time; beyond ten minutes a selection left
    // standing is forgotten and could be operated by whoever comes along.
    options.selectTimeoutMs =
        r.durationMs(u"select_timeout", 1000, 10 * 60 * 1000).value_or(options.selectTimeoutMs);
    options.confirmTimeoutMs =
        r.durationMs(u"confirm_timeout", 1000, 30 * 60 * 1000).value_or(options.confirmTimeoutMs);
    options.maxPerMinute =
        int(r.integer(u"max_per_minute", 1, 10000).value_or(options.maxPerMinute));
    r.finish();
    return options;
}

} // namespace vigil
