#include "alarmfiltermodel.h"

#include "alarmlistmodel.h"
#include "alarmtext.h"

namespace vigil
{

namespace
{

// Newest first within a priority, most urgent first within a time: the order an operator works.
int compareTime(const AlarmSnapshot &a, const AlarmSnapshot &b)
{
    if (a.activeTimeMs != b.activeTimeMs)
        return a.activeTimeMs < b.activeTimeMs ? -1 : 1;
    return int(a.priority) - int(b.priority);
}

int comparePriority(const AlarmSnapshot &a, const AlarmSnapshot &b)
{
    if (a.priority != b.priority)
        return int(a.priority) - int(b.priority);
    return compareTime(a, b);
}

// Unacknowledged before acknowledged, active before returned to normal (ascending order).
int stateRank(const AlarmFlags &f)
{
    return (f.acknowledged ? 2 : 0) + (f.active ? 0 : 1);
}

} // namespace

AlarmFilterModel::AlarmFilterModel(AlarmListModel *source, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_source(source)
{
    setSourceModel(source);
    setDynamicSortFilter(true);
    connect(source, &AlarmListModel::alarmsChanged, this, &AlarmFilterModel::viewChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &AlarmFilterModel::viewChanged);
    sortBy(QStringLiteral("time"));
}

int AlarmFilterModel::totalCount() const
{
    return m_source->rowCount();
}

int AlarmFilterModel::unacknowledgedCount() const
{
    int n = 0;
    for (int row = 0; row < rowCount(); ++row) {
        const AlarmFlags &f = m_source->at(mapToSource(index(row, 0)).row()).flags;
        n += f.actionable() && !f.acknowledged ? 1 : 0;
    }
    return n;
}

int AlarmFilterModel::revision() const
{
    return m_source->revision();
}

void AlarmFilterModel::setFilterText(const QString &text)
{
    if (text == m_filterText)
        return;
    m_filterText = text;
    m_words = text.simplified().split(u' ', Qt::SkipEmptyParts);
    invalidateRowsFilter();
    emit viewChanged();
}

void AlarmFilterModel::setPriorities(int mask)
{
    mask &= kAllPriorities;
    if (mask == m_priorities)
        return;
    m_priorities = mask;
    invalidateRowsFilter();
    emit viewChanged();
}

void AlarmFilterModel::togglePriority(int priority)
{
    if (priority < 1 || priority > 4)
        return;
    setPriorities(m_priorities ^ (1 << priority));
}

void AlarmFilterModel::sortBy(const QString &key)
{
    static const QStringList keys{QStringLiteral("time"), QStringLiteral("priority"),
                                  QStringLiteral("tagId"), QStringLiteral("state"),
                                  QStringLiteral("message")};
    if (!keys.contains(key))
        return;
    if (key == m_sortKey)
        m_ascending = !m_ascending;
    else
        m_ascending = !(key == u"time" || key == u"priority");
    m_sortKey = key;
    sort(0, m_ascending ? Qt::AscendingOrder : Qt::DescendingOrder);
    invalidate(); // a new key with the same order must still re-sort
    emit viewChanged();
}

QList<int> AlarmFilterModel::visibleIds() const
{
    QList<int> ids;
    ids.reserve(rowCount());
    for (int row = 0; row < rowCount(); ++row)
        ids.append(int(m_source->at(mapToSource(index(row, 0)).row()).id));
    return ids;
}

QVariantMap AlarmFilterModel::alarm(int alarmId) const
{
    return m_source->alarm(alarmId);
}

bool AlarmFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    const AlarmSnapshot &a = m_source->at(sourceRow);
    if (!(m_priorities & (1 << int(a.priority))))
        return false;
    if (m_words.isEmpty())
        return true;
    const QString haystack = a.tagId + u' ' + a.device + u' ' + AlarmText::message(a) + u' ' +
                             AlarmText::kind(a) + u' ' + AlarmText::priority(a.priority) + u' ' +
                             AlarmText::state(a.flags);
    for (const QString &word : m_words) {
        if (!haystack.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

bool AlarmFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const AlarmSnapshot &a = m_source->at(left.row());
    const AlarmSnapshot &b = m_source->at(right.row());
    int c = 0;
    if (m_sortKey == u"priority")
        c = comparePriority(a, b);
    else if (m_sortKey == u"tagId")
        c = QString::compare(a.tagId, b.tagId, Qt::CaseInsensitive);
    else if (m_sortKey == u"state")
        c = stateRank(a.flags) - stateRank(b.flags);
    else if (m_sortKey == u"message")
        c = QString::compare(AlarmText::message(a), AlarmText::message(b), Qt::CaseInsensitive);
    if (c == 0)
        c = compareTime(a, b);
    if (c != 0)
        return c < 0;
    return a.id < b.id;
}

} // namespace vigil
