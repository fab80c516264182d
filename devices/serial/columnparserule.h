#pragma once

#include "serialparserule.h"

namespace vigil
{

// "column:N": the value is column N (1-based) of a delimited line such as "21.5,40.2,OK".
// The delimiter is one or more characters; a single space splits at any run of whitespace.
// Lines with fewer columns are not for this tag (give the tag a `match` filter to select lines).
class ColumnParseRule final : public SerialParseRule
{
public:
    ColumnParseRule(int column, QString delimiter);

    Result extract(const SerialFrame &frame) const override;

private:
    int m_column;
    QString m_delimiter;
};

} // namespace vigil
