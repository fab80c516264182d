#include "sourcetimepolicy.h"

#include <QDateTime>
#include <QTimeZone>

#include <cmath>

namespace vigil
{

namespace
{

constexpr SourceTimePolicy::Unit kUnits[] = {SourceTimePolicy::Unit::Milliseconds,
                                             SourceTimePolicy::Unit::Seconds,
                                             SourceTimePolicy::Unit::Microseconds};

double perMillisecond(SourceTimePolicy::Unit unit)
{
    switch (unit) {
    case SourceTimePolicy::Unit::Seconds:
        return 1e-3;
    case SourceTimePolicy::Unit::Microseconds:
        return 1e3;
    case SourceTimePolicy::Unit::Milliseconds:
        break;
    }
    return 1.0;
}

QString isoTime(qint64 ms)
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc());
    return t.isValid() ? t.toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"))
                       : QStringLiteral("epoch ms %1").arg(ms);
}

QString span(qint64 ms)
{
    const double s = double(ms) / 1000.0;
    if (s < 120)
        return QStringLiteral("%1 s").arg(s, 0, 'f', s < 10 ? 1 : 0);
    if (s < 2 * 3600)
        return QStringLiteral("%1 min").arg(s / 60, 0, 'f', 0);
    if (s < 2 * 86400)
        return QStringLiteral("%1 h").arg(s / 3600, 0, 'f', 1);
    if (s < 730 * 86400)
        return QStringLiteral("%1 days").arg(s / 86400, 0, 'f', 0);
    return QStringLiteral("%1 years").arg(s / (365.25 * 86400), 0, 'f', 0);
}

} // namespace

std::optional<SourceTimePolicy::Unit> SourceTimePolicy::unitFromName(QStringView name)
{
    for (const Unit unit : kUnits) {
        if (name == unitName(unit))
            return unit;
    }
    return std::nullopt;
}

QString SourceTimePolicy::unitName(Unit unit)
{
    switch (unit) {
    case Unit::Seconds:
        return QStringLiteral("s");
    case Unit::Microseconds:
        return QStringLiteral("us");
    case Unit::Milliseconds:
        break;
    }
    return QStringLiteral("ms");
}

std::optional<qint64> SourceTimePolicy::fromNumber(double value, qint64 nowMs,
                                                   QString &reason) const
{
    const double ms = std::round(value / perMillisecond(unit));
    // Beyond +-2^62 ms nothing is a time (and the conversion to qint64 would overflow).
    if (!std::isfinite(value) || std::abs(ms) > 4.6e18) {
        reason = QStringLiteral("%1 is not an epoch time").arg(value, 0, 'g', 17);
        return std::nullopt;
    }
    const std::optional<QString> refused = check(qint64(ms), nowMs);
    if (!refused)
        return qint64(ms);
    reason = QStringLiteral("%1 (epoch %2) %3")
                 .arg(QString::number(value, 'g', 17), unitName(unit), *refused);
    for (const Unit other : kUnits) {
        const double asOther = std::round(value / perMillisecond(other));
        if (other != unit && std::abs(asOther) < 4.6e18 && !check(qint64(asOther), nowMs)) {
            reason += QStringLiteral("; it looks like epoch %1 (timestamp_unit = \"%1\")")
                          .arg(unitName(other));
            break;
        }
    }
    return std::nullopt;
}

std::optional<QString> SourceTimePolicy::check(qint64 ms, qint64 nowMs) const
{
    if (ms < kEarliestMs)
        return QStringLiteral("is %1, before 2000: a clock that was not set").arg(isoTime(ms));
    if (ms > nowMs + maxAheadMs)
        return QStringLiteral("is %1, %2 ahead of the panel clock (the limit is %3)")
            .arg(isoTime(ms), span(ms - nowMs), span(maxAheadMs));
    if (ms < nowMs - maxAgeMs)
        return QStringLiteral("is %1, %2 older than the panel clock (the limit is %3)")
            .arg(isoTime(ms), span(nowMs - ms), span(maxAgeMs));
    return std::nullopt;
}

} // namespace vigil
