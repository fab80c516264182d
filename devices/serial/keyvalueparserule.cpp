#include "keyvalueparserule.h"

#include "serialframe.h"

#include <QRegularExpression>

namespace vigil
{

KeyValueParseRule::KeyValueParseRule(QString key, QString separator, QString assign)
    : m_key(std::move(key))
    , m_separator(std::move(separator))
    , m_assign(std::move(assign))
{
}

SerialParseRule::Result KeyValueParseRule::extract(const SerialFrame &frame) const
{
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    const QStringList pairs = m_separator == u" "
                                  ? frame.text.split(whitespace, Qt::SkipEmptyParts)
                                  : frame.text.split(m_separator, Qt::SkipEmptyParts);
    for (const QString &pair : pairs) {
        const qsizetype at = pair.indexOf(m_assign);
        if (at < 0)
            continue;
        if (QStringView(pair).left(at).trimmed() == m_key)
            return Result::value(pair.mid(at + m_assign.size()).trimmed());
    }
    return {};
}

} // namespace vigil
