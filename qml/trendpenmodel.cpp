#include "trendpenmodel.h"

#include "qualitytext.h"
#include "tags/tagdefinition.h"

#include <QLocale>

#include <cmath>

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

void TrendPenModel::showReading(int index, const BucketSeries *series,
                                std::optional<double> fraction)
{
    if (index < 0 || index >= rowCount())
        return;
    if (!series || series->buckets.isEmpty()) {
        setReading(index, QStringLiteral("—"), QString(), false);
        return;
    }
    std::optional<HistorySample> reading = series->before;
    const qsizetype last =
        fraction ? std::clamp<qsizetype>(qsizetype(*fraction * double(series->buckets.size())), 0,
                                         series->buckets.size() - 1)
                 : series->buckets.size() - 1;
    for (qsizetype b = last; b >= 0; --b) {
        const RollupBucket &bucket = series->buckets[b];
        if (bucket.isEmpty())
            continue;
        reading = HistorySample{series->bucketStart(b),
                                bucket.count > 0 ? bucket.last : std::nan(""), bucket.lastQuality};
        break;
    }
    if (!reading) {
        setReading(index, QStringLiteral("—"), QString(), false);
        return;
    }
    const TagDefinition &tag = *m_pens[size_t(index)].tag;
    const bool bad = isBad(reading->quality) || std::isnan(reading->value);
    QString text = QStringLiteral("—");
    if (!bad && tag.type == DataType::Bool)
        text = reading->value != 0.0 ? tr("ON") : tr("OFF");
    else if (!bad)
        text = QLocale().toString(reading->value, 'f', tag.displayDecimals()) +
               (tag.unit.isEmpty() ? QString() : u' ' + tag.unit);
    setReading(index, text, QualityText::mark(reading->quality), bad);
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
