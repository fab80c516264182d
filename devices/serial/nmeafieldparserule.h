#pragma once

#include "serialparserule.h"

namespace vigil
{

// "nmea:SENTENCE:FIELD": data field FIELD (1-based) of the NMEA 0183 sentence SENTENCE ("GPGGA",
// or "GGA" for any talker). Sentences with a wrong checksum are refused by the driver before any
// rule sees them; a sentence without a checksum is refused unless the checksum is optional.
// With `coordinate`, the field is an NMEA latitude/longitude (ddmm.mmmm / dddmm.mmmm) followed by
// its hemisphere field (N/S/E/W) and the value is signed decimal degrees.
class NmeaFieldParseRule final : public SerialParseRule
{
public:
    NmeaFieldParseRule(QString sentence, int field, bool requireChecksum, bool coordinate);

    Result extract(const SerialFrame &frame) const override;
    bool needsNmea() const override { return true; }

private:
    Result coordinateAt(const QString &value, const QString &hemisphere) const;

    QString m_sentence;
    int m_field;
    bool m_requireChecksum;
    bool m_coordinate;
};

} // namespace vigil
