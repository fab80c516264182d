#pragma once

#include "tags/datatype.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace vigil
{

struct RawValue;

// A write command with the value formatted into it: "SET {value:.1f}\r\n". The placeholder takes
// an optional format spec [+][0][width][.precision][type], type one of f e g (floating point),
// d (integer), x X (hexadecimal integer), s (text); "{value}" alone prints integers and bools as
// whole numbers and floats in their shortest form. "{{" and "}}" are literal braces. The text is
// sent as Latin-1 bytes (write other bytes as "\u00NN" in TOML). A template without placeholder
// is a fixed command (a scale's tare "T\r\n"), for bool tags: writing true sends it.
class CommandTemplate
{
public:
    // On failure, error says what is wrong and errorOffset where (0-based, in the text).
    static std::optional<CommandTemplate> parse(const QString &text, QString *error,
                                                qsizetype *errorOffset);

    // Checks the placeholders' types against the tag's data type.
    bool isFixed() const;
    bool fits(DataType type, QString *error) const;
    // The bytes to send; nullopt (with error) if the value cannot be written this way.
    std::optional<QByteArray> format(const RawValue &value, DataType type, QString *error) const;
    const QString &text() const { return m_text; }

private:
    struct Spec {
        bool plus = false;
        bool zeroPad = false;
        int width = 0;
        int precision = -1;
        char type = 0; // 0: default
    };
    struct Piece {
        QByteArray literal; // used when !isValue
        bool isValue = false;
        Spec spec;
    };
    static std::optional<Spec> parseSpec(QStringView spec, QString *error);
    static std::optional<QString> formatNumber(double value, DataType type, const Spec &spec,
                                               QString *error);

    QString m_text;
    QList<Piece> m_pieces;
};

} // namespace vigil
