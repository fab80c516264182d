#include "trendpenmodel.h"

#include "tags/tagdefinition.h"

#include <QLocale>

namespace vigil
{

TrendPenModel::TrendPenModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int TrendPenModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_pens.size());
}

QHash<int, QByteArray> TrendPenModel::roleNames() const
{
    return {
        {TagIdRole, "tagId"},         {DescriptionRole, "description"}, {UnitRole, "unit"},
        {ColorRole, "penColor"},      {PenVisibleRole, "penVisible"},   {FocusedRole, "focused"},
        {ValueTextRole, "valueText"}, {QualityMarkRole, "qualityMark"}, {IsBadRole, "isBad"},
        {ScaleTextRole, "scaleText"},
    };
}

QVariant TrendPenModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return QVariant();
    const Pen &p = m_pens[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
    case TagIdRole:
        return p.tag->id;
    case DescriptionRole:
        return p.tag->description;
    case UnitRole:
        return p.tag->unit;
    case ColorRole:
        return p.color;
    case PenVisibleRole:
        return p.visible;
    case FocusedRole:
        return index.row() == m_focused;
    case ValueTextRole:
        return p.valueText;
    case QualityMarkRole:
        return p.qualityMark;
    case IsBadRole:
        return p.bad;
    case ScaleTextRole: {
        const QLocale locale;
        const int decimals = p.tag->displayDecimals();
        return QStringLiteral("%1 … %2").arg(locale.toString(p.tag->rangeLo, 'f', decimals),
                                             locale.toString(p.tag->rangeHi, 'f', decimals));
    }
    default:
        return QVariant();
    }
}

void TrendPenModel::append(Pen pen)
{
    const int row = int(m_pens.size());
    beginInsertRows(QModelIndex(), row, row);
    m_pens.push_back(std::move(pen));
    endInsertRows();
    if (m_focused < 0)
        setFocused(row);
    emit countChanged();
}

void TrendPenModel::remove(int index)
{
    if (index < 0 || index >= rowCount())
        return;
    beginRemoveRows(QModelIndex(), index, index);
    m_pens.erase(m_pens.begin() + index);
    endRemoveRows();
    if (m_focused >= rowCount() || m_focused == index)
        m_focused = -1;
    else if (m_focused > index)
        --m_focused;
    if (m_focused < 0 && rowCount() > 0)
        setFocused(0);
    emit countChanged();
}

void TrendPenModel::setVisible(int index, bool visible)
{
    if (index < 0 || index >= rowCount())
        return;
    m_pens[size_t(index)].visible = visible;
    emit dataChanged(this->index(index), this->index(index), {PenVisibleRole});
}

void TrendPenModel::setFocused(int index)
{
    const int old = m_focused;
    m_focused = index;
    if (old >= 0 && old < rowCount())
        emit dataChanged(this->index(old), this->index(old), {FocusedRole});
    if (index >= 0 && index < rowCount())
        emit dataChanged(this->index(index), this->index(index), {FocusedRole});
}

void TrendPenModel::setReading(int index, const QString &valueText, const QString &qualityMark,
                               bool bad)
{
    Pen &p = m_pens[size_t(index)];
    if (p.valueText == valueText && p.qualityMark == qualityMark && p.bad == bad)
        return;
    p.valueText = valueText;
    p.qualityMark = qualityMark;
    p.bad = bad;
    emit dataChanged(this->index(index), this->index(index),
                     {ValueTextRole, QualityMarkRole, IsBadRole});
}

} // namespace vigil
