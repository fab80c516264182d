#include "journalfiltercheck.h"

#include <QDateTime>

namespace vigil
{

namespace
{

QString utc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace

QString JournalFilterCheck::timeRange(qint64 fromMs, qint64 toMs)
{
    if (fromMs > toMs)
        return QStringLiteral("the time range ends before it starts: from %1 is after to %2")
            .arg(utc(fromMs), utc(toMs));
    return {};
}

QString JournalFilterCheck::pageSize(int pageSize, int maximum)
{
    if (pageSize < 1 || pageSize > maximum)
        return QStringLiteral("page size %1 is outside 1..%2").arg(pageSize).arg(maximum);
    return {};
}

QString JournalFilterCheck::textLength(const QString &what, const QString &text, int maximum)
{
    if (text.size() > maximum)
        return QStringLiteral("the %1 filter has %2 characters, at most %3 are allowed")
            .arg(what)
            .arg(text.size())
            .arg(maximum);
    return {};
}

} // namespace vigil
