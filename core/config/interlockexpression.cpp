#include "interlockexpression.h"

#include "confignode.h"
#include "diagnostics.h"

namespace vigil
{

namespace
{

const QString kForm = QStringLiteral("write it as TAG OP VALUE, e.g. \"LT101 < 10\"");

bool isIdChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'.' || c == u'-';
}

// Where character `index` of the string value is in the file: after the opening quote, if the
// value was written as a one-line TOML string (a CSV cell starts at its first character).
SourceLocation locationAt(const ConfigNode &node, qsizetype index)
{
    SourceLocation at = node.location;
    if (at.line > 0)
        at.column += int(index) + (node.fromText ? 0 : 1);
    return at;
}

struct Cursor {
    const QString &text;
    qsizetype pos = 0;
    void skipSpaces()
    {
        while (pos < text.size() && text.at(pos).isSpace())
            ++pos;
    }
    bool atEnd() const { return pos >= text.size(); }
};

std::optional<InterlockRule::Op> readOp(Cursor &c)
{
    static const std::pair<const char *, InterlockRule::Op> ops[] = {
        {"<=", InterlockRule::Op::LessEqual}, {">=", InterlockRule::Op::GreaterEqual},
        {"==", InterlockRule::Op::Equal},     {"!=", InterlockRule::Op::NotEqual},
        {"<", InterlockRule::Op::Less},       {">", InterlockRule::Op::Greater}};
    for (const auto &[symbol, op] : ops) {
        const QLatin1StringView s(symbol);
        if (QStringView(c.text).mid(c.pos).startsWith(s)) {
            c.pos += s.size();
            return op;
        }
    }
    return std::nullopt;
}

} // namespace

bool InterlockExpression::parse(const ConfigNode &when, const QString &object, InterlockRule &rule,
                                Diagnostics &diagnostics)
{
    const QString &text = when.text;
    Cursor c{text};
    auto fail = [&](qsizetype at, const QString &message) {
        diagnostics.error(locationAt(when, at), object, message);
        return false;
    };

    c.skipSpaces();
    const qsizetype idStart = c.pos;
    if (c.atEnd() || !text.at(c.pos).isLetter())
        return fail(idStart,
                    QStringLiteral("interlock condition must start with a tag id: %1").arg(kForm));
    while (!c.atEnd() && isIdChar(text.at(c.pos)))
        ++c.pos;
    rule.tagId = text.mid(idStart, c.pos - idStart);
    rule.location = locationAt(when, idStart);

    c.skipSpaces();
    const qsizetype opStart = c.pos;
    const std::optional<InterlockRule::Op> op = readOp(c);
    if (!op)
        return fail(opStart, QStringLiteral("expected one of < <= > >= == != after '%1': %2")
                                 .arg(rule.tagId, kForm));
    rule.op = *op;

    c.skipSpaces();
    const qsizetype valueStart = c.pos;
    const QString value = text.mid(valueStart).trimmed();
    if (value.isEmpty())
        return fail(valueStart, QStringLiteral("expected a number or true/false after '%1 %2'")
                                    .arg(rule.tagId, interlockOpSymbol(rule.op)));
    if (value == u"true" || value == u"false") {
        rule.isBool = true;
        rule.number = value == u"true" ? 1.0 : 0.0;
        if (rule.op != InterlockRule::Op::Equal && rule.op != InterlockRule::Op::NotEqual)
            return fail(opStart, QStringLiteral("true and false are compared with == or !=, "
                                                "not %1")
                                     .arg(interlockOpSymbol(rule.op)));
        return true;
    }
    bool ok = false;
    rule.number = value.toDouble(&ok);
    if (!ok || !qIsFinite(rule.number))
        return fail(valueStart, QStringLiteral("'%1' is not a number or true/false").arg(value));
    return true;
}

} // namespace vigil
