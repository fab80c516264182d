#include "serialbytes.h"

namespace vigil
{

std::optional<QByteArray> SerialBytes::parseDelimiter(const QString &spec, QString *error)
{
    const QString lower = spec.toLower();
    if (lower == u"cr")
        return QByteArray("\r");
    if (lower == u"lf")
        return QByteArray("\n");
    if (lower == u"crlf")
        return QByteArray("\r\n");
    if (lower.size() == 4 && lower.startsWith(u"0x")) {
        bool ok = false;
        const uint byte = lower.mid(2).toUInt(&ok, 16);
        if (ok)
            return QByteArray(1, char(byte));
    }
    if (spec.isEmpty()) {
        *error = QStringLiteral("must not be empty (use cr, lf, crlf, 0xNN or the characters)");
        return std::nullopt;
    }
    return fromText(spec, error);
}

std::optional<QByteArray> SerialBytes::fromText(const QString &text, QString *error)
{
    QByteArray bytes;
    bytes.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (c > 0xFF) {
            *error = QStringLiteral("character '%1' at position %2 is not a single byte (serial "
                                    "text is Latin-1; write other bytes as \\u00NN)")
                         .arg(text.at(i))
                         .arg(i + 1);
            return std::nullopt;
        }
        bytes.append(char(c));
    }
    return bytes;
}

QString SerialBytes::printable(const QByteArray &bytes, int maxChars)
{
    QString out;
    for (char ch : bytes) {
        if (out.size() >= maxChars) {
            out += u'…';
            break;
        }
        const uchar c = uchar(ch);
        if (c == '\r')
            out += QStringLiteral("\\r");
        else if (c == '\n')
            out += QStringLiteral("\\n");
        else if (c == '\t')
            out += QStringLiteral("\\t");
        else if (c == '\\')
            out += QStringLiteral("\\\\");
        else if (c >= 0x20 && c < 0x7F)
            out += QChar(c);
        else
            out += QStringLiteral("\\x%1").arg(uint(c), 2, 16, QLatin1Char('0'));
    }
    return out;
}

bool SerialBytes::hasControlBytes(const QByteArray &bytes)
{
    for (char ch : bytes) {
        const uchar c = uchar(ch);
        if ((c < 0x20 && c != '\t') || c == 0x7F)
            return true;
    }
    return false;
}

} // namespace vigil
