#include "commandtemplate.h"

#include "serialbytes.h"
#include "writerequest.h"

#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace vigil
{

std::optional<CommandTemplate> CommandTemplate::parse(const QString &text, QString *error,
                                                      qsizetype *errorOffset)
{
    CommandTemplate t;
    t.m_text = text;
    QString literal;
    auto flushLiteral = [&]() -> bool {
        if (literal.isEmpty())
            return true;
        const std::optional<QByteArray> bytes = SerialBytes::fromText(literal, error);
        if (!bytes)
            return false;
        Piece piece;
        piece.literal = *bytes;
        t.m_pieces.append(piece);
        literal.clear();
        return true;
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'}') {
            if (i + 1 < text.size() && text.at(i + 1) == u'}') {
                literal += c;
                ++i;
                continue;
            }
            *error = QStringLiteral("single '}' in command template (write '}}' for a brace)");
            *errorOffset = i;
            return std::nullopt;
        }
        if (c != u'{') {
            literal += c;
            continue;
        }
        if (i + 1 < text.size() && text.at(i + 1) == u'{') {
            literal += c;
            ++i;
            continue;
        }
        const qsizetype close = text.indexOf(u'}', i);
        if (close < 0) {
            *error = QStringLiteral("'{' without a closing '}' in command template");
            *errorOffset = i;
            return std::nullopt;
        }
        const QStringView inside = QStringView(text).mid(i + 1, close - i - 1);
        const qsizetype colon = inside.indexOf(u':');
        const QStringView name = colon < 0 ? inside : inside.left(colon);
        if (name.trimmed() != u"value") {
            *error = QStringLiteral("unknown placeholder '{%1}' in command template (use {value} "
                                    "or {value:SPEC}, e.g. {value:.1f})")
                         .arg(inside);
            *errorOffset = i;
            return std::nullopt;
        }
        Piece piece;
        piece.isValue = true;
        if (colon >= 0) {
            const std::optional<Spec> spec = parseSpec(inside.mid(colon + 1), error);
            if (!spec) {
                *errorOffset = i + 1 + colon + 1;
                return std::nullopt;
            }
            piece.spec = *spec;
        }
        if (!flushLiteral()) {
            *errorOffset = i;
            return std::nullopt;
        }
        t.m_pieces.append(piece);
        i = close;
    }
    if (!flushLiteral()) {
        *errorOffset = text.size() - literal.size();
        return std::nullopt;
    }
    return t;
}

std::optional<CommandTemplate::Spec> CommandTemplate::parseSpec(QStringView text, QString *error)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(\\+)?(0)?([1-9][0-9]?)?(?:\\.([0-9]{1,2}))?([fegdxXs])?$"));
    const QRegularExpressionMatch m = pattern.match(text.toString());
    if (!m.hasMatch()) {
        *error = QStringLiteral("bad format spec '%1' (expected [+][0][width][.precision][type], "
                                "type one of f e g d x X s, e.g. .1f or 05d)")
                     .arg(text);
        return std::nullopt;
    }
    Spec s;
    s.plus = m.hasCaptured(1);
    s.zeroPad = m.hasCaptured(2);
    s.width = m.hasCaptured(3) ? m.captured(3).toInt() : 0;
    s.precision = m.hasCaptured(4) ? m.captured(4).toInt() : -1;
    s.type = m.hasCaptured(5) ? char(m.captured(5).at(0).unicode()) : 0;
    if (s.precision >= 0 && (s.type == 'd' || s.type == 'x' || s.type == 'X' || s.type == 's')) {
        *error = QStringLiteral("format spec '%1': a precision does not apply to type '%2'")
                     .arg(text)
                     .arg(QLatin1Char(s.type));
        return std::nullopt;
    }
    if (s.type == 's' && (s.plus || s.zeroPad)) {
        *error = QStringLiteral("format spec '%1': '+' and '0' do not apply to text").arg(text);
        return std::nullopt;
    }
    return s;
}

bool CommandTemplate::isFixed() const
{
    return std::none_of(m_pieces.cbegin(), m_pieces.cend(),
                        [](const Piece &p) { return p.isValue; });
}

bool CommandTemplate::fits(DataType type, QString *error) const
{
    if (isFixed() && type != DataType::Bool) {
        *error = QStringLiteral("command template '%1' has no {value} placeholder (a fixed "
                                "command such as a scale's tare \"T\\r\\n\" needs a bool tag: "
                                "writing true sends it)")
                     .arg(m_text);
        return false;
    }
    for (const Piece &p : m_pieces) {
        if (!p.isValue)
            continue;
        const bool text = p.spec.type == 's';
        if (type == DataType::String && p.spec.type != 0 && !text) {
            *error = QStringLiteral("command template '%1': a string tag takes {value} or "
                                    "{value:s}, not type '%2'")
                         .arg(m_text)
                         .arg(QLatin1Char(p.spec.type));
            return false;
        }
        if (type != DataType::String && text) {
            *error = QStringLiteral("command template '%1': type 's' is for string tags, this "
                                    "tag is %2")
                         .arg(m_text, dataTypeName(type));
            return false;
        }
    }
    return true;
}

std::optional<QString> CommandTemplate::formatNumber(double value, DataType type, const Spec &spec,
                                                     QString *error)
{
    char kind = spec.type;
    if (kind == 0)
        kind = (isInteger(type) || type == DataType::Bool) ? 'd' : 'G';
    QString digits;
    const bool negative = std::signbit(value) && value != 0.0;
    const double magnitude = std::fabs(value);
    switch (kind) {
    case 'f':
    case 'e':
    case 'g':
        digits = QString::number(magnitude, kind, spec.precision < 0 ? 6 : spec.precision);
        break;
    case 'G': // shortest round-trip form
        digits = QString::number(magnitude, 'g', QLocale::FloatingPointShortest);
        break;
    case 'd':
        digits = QString::number(qint64(std::llround(magnitude)));
        break;
    case 'x':
    case 'X':
        if (negative) {
            *error = QStringLiteral("cannot write the negative value %1 in hexadecimal").arg(value);
            return std::nullopt;
        }
        digits = QString::number(qint64(std::llround(magnitude)), 16);
        if (kind == 'X')
            digits = digits.toUpper();
        break;
    default:
        break;
    }
    const QString sign = negative    ? QStringLiteral("-")
                         : spec.plus ? QStringLiteral("+")
                                     : QString();
    const int pad = spec.width - int(sign.size() + digits.size());
    if (pad > 0 && spec.zeroPad)
        return sign + QString(pad, u'0') + digits;
    if (pad > 0)
        return QString(pad, u' ') + sign + digits;
    return sign + digits;
}

std::optional<QByteArray> CommandTemplate::format(const RawValue &value, DataType type,
                                                  QString *error) const
{
    if (isFixed() && value.number == 0.0) {
        *error = QStringLiteral("'%1' is a fixed command: write true to send it")
                     .arg(SerialBytes::printable(m_pieces.value(0).literal));
        return std::nullopt;
    }
    QByteArray out;
    for (const Piece &p : m_pieces) {
        if (!p.isValue) {
            out.append(p.literal);
            continue;
        }
        QString text;
        if (type == DataType::String) {
            text = value.text;
            if (text.size() < p.spec.width)
                text += QString(p.spec.width - text.size(), u' ');
        } else {
            const std::optional<QString> number = formatNumber(value.number, type, p.spec, error);
            if (!number)
                return std::nullopt;
            text = *number;
        }
        const std::optional<QByteArray> bytes = SerialBytes::fromText(text, error);
        if (!bytes)
            return std::nullopt;
        out.append(*bytes);
    }
    return out;
}

} // namespace vigil
