#include "columnparserule.h"

#include "serialframe.h"

#include <QRegularExpression>

namespace vigil
{

ColumnParseRule::ColumnParseRule(int column, QString delimiter)
    : m_column(column)
    , m_delimiter(std::move(delimiter))
{
}

SerialParseRule::Result ColumnParseRule::extract(const SerialFrame &frame) const
{
    static const QRegularExpression whitespace(QStringLiteral("\\s+"));
    const QStringList columns = m_delimiter == u" "
                                    ? frame.text.trimmed().split(whitespace, Qt::SkipEmptyParts)
                                    : frame.text.split(m_delimiter);
    if (columns.size() < m_column)
        return {};
    return Result::value(columns.at(m_column - 1).trimmed());
}

} // namespace vigil
