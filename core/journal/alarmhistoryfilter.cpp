#include "alarmhistoryfilter.h"

#include "journalfiltercheck.h"

namespace vigil
{

QString AlarmHistoryFilter::validate() const
{
    QString problem = JournalFilterCheck::timeRange(fromMs, toMs);
    if (problem.isEmpty())
        problem = JournalFilterCheck::pageSize(pageSize, kMaxPageSize);
    for (int p : priorities) {
        if (problem.isEmpty() && (p < 1 || p > 4))
            problem = QStringLiteral("priority %1 is not one of 1 (low) .. 4 (critical)").arg(p);
    }
    if (problem.isEmpty())
        problem = JournalFilterCheck::textLength(QStringLiteral("tag"), tag, kMaxTextLength);
    if (problem.isEmpty())
        problem = JournalFilterCheck::textLength(QStringLiteral("text"), text, kMaxTextLength);
    return problem.isEmpty() ? QString() : QStringLiteral("alarm history filter: ") + problem;
}

} // namespace vigil
