#pragma once

#include <QString>

#include <optional>

namespace vigil
{

// Times as people type them on a command line: "2024-01-05T13:00:00Z" (UTC),
// "2024-01-05T13:00" or "2024-01-05 13:00:00" (local time), "2024-01-05" (local midnight),
// "now", or an offset from now such as "-2h", "-30m", "-7d".
class TimeExpression
{
public:
    static std::optional<qint64> parse(const QString &text, qint64 nowMs);
};

} // namespace vigil
