#pragma once

#include <QString>

#include <optional>

namespace vigil
{

// Parses durations written with a unit: "250ms", "5s", "1.5s", "2m", "1h", "7d".
class Duration
{
public:
    static std::optional<qint64> parseMs(QStringView text);
    // "250 ms", "5 s", "2 min", "1 h" for messages and displays.
    static QString format(qint64 ms);
};

} // namespace vigil
