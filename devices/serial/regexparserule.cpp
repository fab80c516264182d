#include "regexparserule.h"

#include "serialframe.h"

namespace vigil
{

RegexParseRule::RegexParseRule(QRegularExpression pattern)
    : m_pattern(std::move(pattern))
{
    if (m_pattern.namedCaptureGroups().contains(QStringLiteral("value")))
        m_groupName = QStringLiteral("value");
    m_pattern.optimize();
}

SerialParseRule::Result RegexParseRule::extract(const SerialFrame &frame) const
{
    const QRegularExpressionMatch m = m_pattern.match(frame.text);
    if (!m.hasMatch())
        return {};
    const bool captured =
        m_groupName.isEmpty() ? m.hasCaptured(m_group) : m.hasCaptured(m_groupName);
    if (!captured)
        return Result::noData();
    return Result::value(m_groupName.isEmpty() ? m.captured(m_group) : m.captured(m_groupName));
}

} // namespace vigil
