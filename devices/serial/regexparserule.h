#pragma once

#include "serialparserule.h"

#include <QRegularExpression>

namespace vigil
{

// "regex:PATTERN": the value is the capture group named "value" if the pattern has one, else the
// first capture group. Frames the pattern does not match are not for this tag.
class RegexParseRule final : public SerialParseRule
{
public:
    // The pattern must be valid and have a capture group (checked by the tag binding).
    explicit RegexParseRule(QRegularExpression pattern);

    Result extract(const SerialFrame &frame) const override;

private:
    QRegularExpression m_pattern;
    int m_group = 1;
    QString m_groupName;
};

} // namespace vigil
