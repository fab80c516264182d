#include "historyconfig.h"

#include <QRegularExpression>

namespace vigil
{

bool HistoryConfig::matches(const QString &pattern, const QString &tagId)
{
    if (!pattern.contains(u'*') && !pattern.contains(u'?') && !pattern.contains(u'['))
        return pattern == tagId;
    const QRegularExpression re(QRegularExpression::wildcardToRegularExpression(pattern));
    return re.match(tagId).hasMatch();
}

int HistoryConfig::groupOf(const QString &tagId) const
{
    for (qsizetype g = 0; g < groups.size(); ++g) {
        for (const QString &p : groups[g].patterns) {
            if (matches(p, tagId))
                return int(g);
        }
    }
    return -1;
}

HistoryConfig::TagSettings HistoryConfig::settingsFor(const QString &tagId) const
{
    TagSettings s{heartbeatMs, retentionMs};
    const int g = groupOf(tagId);
    if (g >= 0) {
        if (groups[g].heartbeatMs >= 0)
            s.heartbeatMs = groups[g].heartbeatMs;
        if (groups[g].retentionMs >= 0)
            s.retentionMs = groups[g].retentionMs;
    }
    return s;
}

} // namespace vigil
