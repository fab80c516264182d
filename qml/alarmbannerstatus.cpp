#include "alarmbannerstatus.h"

#include "alarmlistmodel.h"
#include "alarmtext.h"

#include <algorithm>
#include <iterator>

namespace vigil
{

AlarmBannerStatus::AlarmBannerStatus(AlarmListModel *alarms, QObject *parent)
    : QObject(parent)
    , m_alarms(alarms)
{
    connect(alarms, &AlarmListModel::alarmsChanged, this, &AlarmBannerStatus::recount);
    recount();
}

QString AlarmBannerStatus::newestShape() const
{
    return m_newestPriority > 0 ? AlarmText::shape(AlarmPriority(m_newestPriority)) : QString();
}

QString AlarmBannerStatus::newestPriorityText() const
{
    return m_newestPriority > 0 ? AlarmText::priority(AlarmPriority(m_newestPriority)) : QString();
}

QString AlarmBannerStatus::newestText() const
{
    return m_newestPriority > 0 ? m_newestText : tr("No unacknowledged alarms");
}

void AlarmBannerStatus::recount()
{
    int counts[5] = {0, 0, 0, 0, 0};
    const AlarmSnapshot *newest = nullptr;
    for (int row = 0; row < m_alarms->rowCount(); ++row) {
        const AlarmSnapshot &a = m_alarms->at(row);
        if (!a.flags.actionable() || a.flags.acknowledged)
            continue;
        ++counts[int(a.priority)];
        if (!newest || a.priority > newest->priority ||
            (a.priority == newest->priority && a.activeTimeMs > newest->activeTimeMs))
            newest = &a;
    }
    const int id = newest ? int(newest->id) : -1;
    const int priority = newest ? int(newest->priority) : 0;
    const QString text = newest ? QStringLiteral("%1  %2  %3")
                                      .arg(AlarmText::time(newest->activeTimeMs),
                                           newest->tagId.isEmpty() ? newest->device : newest->tagId,
                                           AlarmText::message(*newest))
                                : QString();
    if (std::equal(std::begin(counts), std::end(counts), std::begin(m_counts)) &&
        id == m_newestId && priority == m_newestPriority && text == m_newestText)
        return;
    std::copy(std::begin(counts), std::end(counts), std::begin(m_counts));
    m_newestId = id;
    m_newestPriority = priority;
    m_newestText = text;
    emit changed();
}

} // namespace vigil
