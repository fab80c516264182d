#pragma once

#include <QString>

namespace vigil
{

// The checks both journal filters share, each returning the problem for people or "".
class JournalFilterCheck
{
public:
    static QString timeRange(qint64 fromMs, qint64 toMs);
    static QString pageSize(int pageSize, int maximum);
    static QString textLength(const QString &what, const QString &text, int maximum);
};

} // namespace vigil
