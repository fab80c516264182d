#pragma once

#include "serialparserule.h"

namespace vigil
{

// "key:NAME": the frame is a list of pairs such as "T=21.5,RH=40.2"; the value is the one paired
// with NAME (case-sensitive). Pairs are split at `separator` (a single space: any run of
// whitespace) and each pair at the first `assign`.
class KeyValueParseRule final : public SerialParseRule
{
public:
    KeyValueParseRule(QString key, QString separator, QString assign);

    Result extract(const SerialFrame &frame) const override;

private:
    QString m_key;
    QString m_separator;
    QString m_assign;
};

} // namespace vigil
