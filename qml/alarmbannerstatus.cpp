#include "alarmbannerstatus.h"

#include "alarmlistmodel.h"
#include "alarmtext.h"

#include <algorithm>
#include <iterator>

namespace vigil
{

namespace
{

// Higher priority first, then the later raise; alarms raised in one batch by their order.
bool isNewer(const AlarmSnapshot &a, const AlarmSnapshot &b)
{
    if (a.priority != b.priority)
        return a.priority > b.priority;
    if (a.activeTimeMs != b.activeTimeMs)
        return a.activeTimeMs > b.activeTimeMs;
    return a.id > b.id;
}

} // namespace

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
    if (m_newestPriority == 0)
        return tr("No unacknowledged alarms");
    return QStringLiteral("%1  %2  %3").arg(m_newestTime, m_newestSource, m_newestMessage);
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
        if (!newest || isNewer(a, *newest))
            newest = &a;
    }
    const int id = newest ? int(newest->id) : -1;
    const int priority = newest ? int(newest->priority) : 0;
    const QString time = newest ? AlarmText::time(newest->activeTimeMs) : QString();
    const QString source =
        newest ? (newest->tagId.isEmpty() ? newest->device : newest->tagId) : QString();
    const QString message = newest ? AlarmText::message(*newest) : QString();
    if (std::equal(std::begin(counts), std::end(counts), std::begin(m_counts)) &&
        id == m_newestId && priority == m_newestPriority && time == m_newestTime &&
        source == m_newestSource && message == m_newestMessage)
        return;
    std::copy(std::begin(counts), std::end(counts), std::begin(m_counts));
    m_newestId = id;
    m_newestPriority = priority;
    m_newestTime = time;
    m_newestSource = source;
    m_newestMessage = message;
    emit changed();
}

} // namespace vigil
