#include "eventfilter.h"

#include "journalfiltercheck.h"

namespace vigil
{

QString EventFilter::validate() const
{
    QString problem = JournalFilterCheck::timeRange(fromMs, toMs);
    if (problem.isEmpty())
        problem = JournalFilterCheck::pageSize(pageSize, kMaxPageSize);
    if (problem.isEmpty())
        problem =
            JournalFilterCheck::textLength(QStringLiteral("kind"), kindPrefix, kMaxTextLength);
    if (problem.isEmpty())
        problem = JournalFilterCheck::textLength(QStringLiteral("device"), device, kMaxTextLength);
    if (problem.isEmpty())
        problem = JournalFilterCheck::textLength(QStringLiteral("text"), text, kMaxTextLength);
    return problem.isEmpty() ? QString() : QStringLiteral("event filter: ") + problem;
}

} // namespace vigil
