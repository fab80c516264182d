#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace vigil
{

// Byte strings in serial settings and templates. Text is sent as Latin-1 (one byte per
// character), so any byte can be written in TOML as "\u0002"; characters above U+00FF have no
// single-byte form and are refused.
class SerialBytes
{
public:
    // A terminator or marker: "cr", "lf", "crlf" (any case), "0x03" (one byte in hex), or the
    // text itself ("$", "\u0003", "\r\n"). Must not be empty.
    static std::optional<QByteArray> parseDelimiter(const QString &spec, QString *error);
    // Text to bytes, one byte per character.
    static std::optional<QByteArray> fromText(const QString &text, QString *error);
    // Frame bytes to text, one character per byte (never fails, keeps every byte visible).
    static QString toText(const QByteArray &bytes) { return QString::fromLatin1(bytes); }
    // For messages and logs: printable ASCII kept, \r \n \t escaped, other bytes as \xNN;
    // cut after maxChars characters with "…".
    static QString printable(const QByteArray &bytes, int maxChars = 60);
    // True if the bytes hold a control character other than tab (line noise, wrong baud rate).
    static bool hasControlBytes(const QByteArray &bytes);
};

} // namespace vigil
