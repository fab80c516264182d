#include "nmeafieldparserule.h"

#include "serialframe.h"

#include <QLocale>

#include <cmath>

namespace vigil
{

NmeaFieldParseRule::NmeaFieldParseRule(QString sentence, int field, bool requireChecksum,
                                       bool coordinate)
    : m_sentence(std::move(sentence))
    , m_field(field)
    , m_requireChecksum(requireChecksum)
    , m_coordinate(coordinate)
{
}

SerialParseRule::Result NmeaFieldParseRule::extract(const SerialFrame &frame) const
{
    if (!frame.nmea || !frame.nmea->matches(m_sentence))
        return {};
    const NmeaSentence &s = *frame.nmea;
    if (m_requireChecksum && s.checksum() == NmeaSentence::Checksum::Missing)
        return Result::invalid(QStringLiteral("checksum"),
                               QStringLiteral("%1 sentence without checksum").arg(s.address()));
    const std::optional<QString> value = s.field(m_field);
    if (!value)
        return Result::invalid(QStringLiteral("parse"),
                               QStringLiteral("%1 sentence has %2 fields, field %3 is missing")
                                   .arg(s.address())
                                   .arg(s.fieldCount())
                                   .arg(m_field));
    if (value->isEmpty())
        return Result::noData();
    if (!m_coordinate)
        return Result::value(*value);
    return coordinateAt(*value, s.field(m_field + 1).value_or(QString()));
}

SerialParseRule::Result NmeaFieldParseRule::coordinateAt(const QString &value,
                                                         const QString &hemisphere) const
{
    bool ok = false;
    const double raw = QLocale::c().toDouble(value, &ok);
    const QString h = hemisphere.trimmed().toUpper();
    if (!ok || raw < 0 || (h != u"N" && h != u"S" && h != u"E" && h != u"W"))
        return Result::invalid(QStringLiteral("parse"),
                               QStringLiteral("'%1,%2' is not an NMEA coordinate (ddmm.mmmm,N)")
                                   .arg(value, hemisphere));
    const double degrees = std::floor(raw / 100.0);
    const double minutes = raw - degrees * 100.0;
    if (minutes >= 60.0)
        return Result::invalid(QStringLiteral("parse"),
                               QStringLiteral("'%1' has %2 minutes").arg(value).arg(minutes));
    double decimal = degrees + minutes / 60.0;
    if (h == u"S" || h == u"W")
        decimal = -decimal;
    return Result::value(QString::number(decimal, 'g', 12));
}

} // namespace vigil
