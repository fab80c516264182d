#include "csvprofile.h"

#include <QDateTime>

#include <cmath>

namespace vigil
{

CsvProfile CsvProfile::machine()
{
    return CsvProfile();
}

CsvProfile CsvProfile::spreadsheet(const QLocale &locale, const QTimeZone &zone)
{
    CsvProfile p;
    p.m_kind = Kind::Spreadsheet;
    p.m_locale = locale;
    p.m_locale.setNumberOptions(QLocale::OmitGroupSeparator);
    p.m_zone = zone.isValid() ? zone : QTimeZone::systemTimeZone();
    // Spreadsheets split on ';' where ',' is the decimal mark.
    p.m_separator = locale.decimalPoint() == u"," ? u';' : u',';
    return p;
}

std::optional<CsvProfile> CsvProfile::fromName(const QString &name)
{
    if (name.compare(u"machine", Qt::CaseInsensitive) == 0)
        return machine();
    if (name.compare(u"spreadsheet", Qt::CaseInsensitive) == 0)
        return spreadsheet();
    return std::nullopt;
}

QString CsvProfile::name() const
{
    return m_kind == Kind::Machine ? QStringLiteral("machine") : QStringLiteral("spreadsheet");
}

QString CsvProfile::formatNumber(double value) const
{
    if (!std::isfinite(value))
        return std::isnan(value)
                   ? QStringLiteral("NaN")
                   : (value > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity"));
    // Shortest text that reads back to the same double.
    return m_locale.toString(value, 'g', QLocale::FloatingPointShortest);
}

QString CsvProfile::formatTime(qint64 ms) const
{
    if (m_kind == Kind::Machine)
        return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())
            .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzzZ"));
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(ms, m_zone);
    return local.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + m_locale.decimalPoint() +
           local.toString(QStringLiteral("zzz"));
}

} // namespace vigil
