#include "tagfiltermodel.h"

#include "taglistmodel.h"

#include <QDateTime>

#include <cmath>

namespace vigil
{

TagFilterModel::TagFilterModel(TagListModel *source, QObject *parent)
    : QSortFilterProxyModel(parent)
    , m_source(source)
{
    setSourceModel(source);
    setDynamicSortFilter(true);
    connect(this, &QAbstractItemModel::rowsInserted, this, &TagFilterModel::countChanged);
    connect(this, &QAbstractItemModel::rowsRemoved, this, &TagFilterModel::countChanged);
    connect(this, &QAbstractItemModel::modelReset, this, &TagFilterModel::countChanged);
    connect(this, &QAbstractItemModel::layoutChanged, this, &TagFilterModel::countChanged);
    sortBy(QStringLiteral("tagId"));
}

int TagFilterModel::totalCount() const
{
    return m_source->rowCount();
}

void TagFilterModel::setFilterText(const QString &text)
{
    if (text == m_filterText)
        return;
    m_filterText = text;
    m_words = text.simplified().split(u' ', Qt::SkipEmptyParts);
    invalidateRowsFilter();
    emit filterTextChanged();
    emit countChanged();
}

void TagFilterModel::sortBy(const QString &key)
{
    const int role = m_source->roleOf(key.toUtf8());
    if (role < 0)
        return;
    if (key == m_sortKey)
        m_ascending = !m_ascending;
    else
        m_ascending = true;
    m_sortKey = key;
    // Values sort by number, quality by severity, time by time.
    if (key == u"value")
        setSortRole(TagListModel::ValueRole);
    else if (key == u"quality")
        setSortRole(TagListModel::QualityRole);
    else if (key == u"time")
        setSortRole(TagListModel::TimeRole);
    else
        setSortRole(role);
    sort(0, m_ascending ? Qt::AscendingOrder : Qt::DescendingOrder);
    emit sortChanged();
}

bool TagFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &) const
{
    if (m_words.isEmpty())
        return true;
    const QModelIndex idx = m_source->index(sourceRow);
    const QString haystack = idx.data(TagListModel::IdRole).toString() + u' ' +
                             idx.data(TagListModel::DescriptionRole).toString() + u' ' +
                             idx.data(TagListModel::DeviceRole).toString() + u' ' +
                             idx.data(TagListModel::UnitRole).toString();
    for (const QString &word : m_words) {
        if (!haystack.contains(word, Qt::CaseInsensitive))
            return false;
    }
    return true;
}

bool TagFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    const QVariant a = left.data(sortRole());
    const QVariant b = right.data(sortRole());
    if (sortRole() == TagListModel::ValueRole) {
        const bool an = left.data(TagListModel::IsNumericRole).toBool();
        const bool bn = right.data(TagListModel::IsNumericRole).toBool();
        if (an != bn)
            return an; // numbers before text
        if (an) {
            const double x = a.toDouble(), y = b.toDouble();
            if (x != y)
                return x < y;
            return left.row() < right.row();
        }
    }
    if (sortRole() == TagListModel::QualityRole || sortRole() == TagListModel::TimeRole) {
        const qint64 x =
            sortRole() == TagListModel::TimeRole ? a.toDateTime().toMSecsSinceEpoch() : a.toInt();
        const qint64 y =
            sortRole() == TagListModel::TimeRole ? b.toDateTime().toMSecsSinceEpoch() : b.toInt();
        if (x != y)
            return x < y;
        return left.row() < right.row();
    }
    const int c = QString::compare(a.toString(), b.toString(), Qt::CaseInsensitive);
    if (c != 0)
        return c < 0;
    return left.row() < right.row();
}

} // namespace vigil
