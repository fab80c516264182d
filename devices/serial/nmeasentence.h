#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace vigil
{

// One NMEA 0183 sentence: "$GPGGA,123519,4807.038,N,...*47". The address (talker + sentence type,
// or a proprietary "P..." address) is field 0; data fields are numbered from 1. The checksum is the
// XOR of every character between '$' (or '!') and '*', written as two hex digits.
class NmeaSentence
{
public:
    enum class Checksum {
        Valid,
        Missing,
        Bad
    };

    // Parses a frame that starts with '$' or '!' (optional when the framer stripped it as a start
    // marker). Returns nullopt if the text is not shaped like a sentence (no address field).
    static std::optional<NmeaSentence> parse(const QString &frame);
    // XOR of the characters, as NMEA computes it over the body.
    static quint8 checksumOf(QStringView body);

    const QString &address() const { return m_fields.first(); }
    // True if the address is exactly `sentence` ("GPGGA") or, for a three-letter type, if it is a
    // talker + that type ("GGA" matches GPGGA, GNGGA, ...).
    bool matches(const QString &sentence) const;
    Checksum checksum() const { return m_checksum; }
    quint8 expectedChecksum() const { return m_expected; }
    quint8 receivedChecksum() const { return m_received; }
    // Data field n (1-based); nullopt if the sentence has fewer fields.
    std::optional<QString> field(int n) const;
    int fieldCount() const { return int(m_fields.size()) - 1; }

private:
    QStringList m_fields;
    Checksum m_checksum = Checksum::Missing;
    quint8 m_expected = 0;
    quint8 m_received = 0;
};

} // namespace vigil
