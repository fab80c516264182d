#include "duration.h"

#include <cmath>

namespace vigil
{

std::optional<qint64> Duration::parseMs(QStringView text)
{
    const QStringView s = text.trimmed();
    qsizetype unitStart = 0;
    while (unitStart < s.size() && (s.at(unitStart).isDigit() || s.at(unitStart) == u'.'))
        ++unitStart;
    if (unitStart == 0 || unitStart == s.size())
        return std::nullopt;
    bool ok = false;
    const double amount = s.left(unitStart).toDouble(&ok);
    if (!ok || !std::isfinite(amount))
        return std::nullopt;
    const QStringView unit = s.mid(unitStart).trimmed();
    double factor = 0;
    if (unit == u"ms")
        factor = 1;
    else if (unit == u"s")
        factor = 1000;
    else if (unit == u"m" || unit == u"min")
        factor = 60'000;
    else if (unit == u"h")
        factor = 3'600'000;
    else if (unit == u"d")
        factor = 86'400'000;
    else
        return std::nullopt;
    const double ms = amount * factor;
    if (ms > 9.0e15)
        return std::nullopt;
    return qint64(std::llround(ms));
}

QString Duration::format(qint64 ms)
{
    if (ms < 1000 || ms % 1000 != 0)
        return QStringLiteral("%1 ms").arg(ms);
    if (ms < 60'000 || ms % 60'000 != 0)
        return QStringLiteral("%1 s").arg(ms / 1000);
    if (ms < 3'600'000 || ms % 3'600'000 != 0)
        return QStringLiteral("%1 min").arg(ms / 60'000);
    return QStringLiteral("%1 h").arg(ms / 3'600'000);
}

} // namespace vigil
