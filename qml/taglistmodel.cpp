#include "taglistmodel.h"

#include "qualitytext.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>

namespace vigil
{

namespace
{
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

TagListModel::TagListModel(std::shared_ptr<const TagDirectory> tags, QObject *parent)
    : QAbstractListModel(parent)
    , m_tags(std::move(tags))
    , m_rows(m_tags->size())
    , m_loLimit(m_tags->size(), kNaN)
    , m_hiLimit(m_tags->size(), kNaN)
{
    for (quint32 i = 0; i < m_tags->size(); ++i) {
        // The normal band of the bar lies between the innermost lo and hi limits.
        for (const AlarmRule &rule : m_tags->at(i).alarms) {
            if (rule.type == AlarmType::Lo ||
                (rule.type == AlarmType::LoLo && std::isnan(m_loLimit[i])))
                m_loLimit[i] = rule.limit;
            if (rule.type == AlarmType::Hi ||
                (rule.type == AlarmType::HiHi && std::isnan(m_hiLimit[i])))
                m_hiLimit[i] = rule.limit;
        }
    }
}

int TagListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> TagListModel::roleNames() const
{
    return {
        {IdRole, "tagId"},
        {DescriptionRole, "description"},
        {DeviceRole, "device"},
        {TypeRole, "dataType"},
        {IsNumericRole, "isNumeric"},
        {ValueRole, "value"},
        {ValueTextRole, "valueText"},
        {UnitRole, "unit"},
        {QualityRole, "quality"},
        {QualityMarkRole, "qualityMark"},
        {QualityNameRole, "qualityName"},
        {IsGoodRole, "isGood"},
        {IsUncertainRole, "isUncertain"},
        {IsBadRole, "isBad"},
        {TimeRole, "time"},
        {TimeTextRole, "timeText"},
        {RangeLoRole, "rangeLo"},
        {RangeHiRole, "rangeHi"},
        {FractionRole, "fraction"},
        {LoLimitFractionRole, "loLimitFraction"},
        {HiLimitFractionRole, "hiLimitFraction"},
        {WritableRole, "writable"},
    };
}

int TagListModel::roleOf(const QByteArray &name) const
{
    const QHash<int, QByteArray> names = roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it) {
        if (it.value() == name)
            return it.key();
    }
    return -1;
}

double TagListModel::fraction(quint32 tag, double value) const
{
    const TagDefinition &def = m_tags->at(tag);
    if (std::isnan(value) || !(def.rangeHi > def.rangeLo))
        return kNaN;
    return std::clamp((value - def.rangeLo) / (def.rangeHi - def.rangeLo), 0.0, 1.0);
}

QString TagListModel::formatValue(quint32 tag, const Row &row) const
{
    if (!row.hasValue)
        return QStringLiteral("—");
    const TagDefinition &def = m_tags->at(tag);
    switch (def.type) {
    case DataType::String:
        return row.text;
    case DataType::Bool:
        return row.value != 0.0 ? tr("ON") : tr("OFF");
    default:
        return QLocale().toString(row.value, 'f', def.displayDecimals());
    }
}

QVariant TagListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return QVariant();
    const quint32 tag = quint32(index.row());
    const TagDefinition &def = m_tags->at(tag);
    const Row &row = m_rows[tag];
    switch (role) {
    case Qt::DisplayRole:
    case IdRole:
        return def.id;
    case DescriptionRole:
        return def.description;
    case DeviceRole:
        return def.device;
    case TypeRole:
        return dataTypeName(def.type);
    case IsNumericRole:
        return isNumeric(def.type);
    case ValueRole:
        return def.type == DataType::String ? QVariant(row.text) : QVariant(row.value);
    case ValueTextRole:
        return formatValue(tag, row);
    case UnitRole:
        return def.unit;
    case QualityRole:
        return int(row.quality);
    case QualityMarkRole:
        return QualityText::mark(row.quality);
    case QualityNameRole:
        return QualityText::name(row.quality);
    case IsGoodRole:
        return isGood(row.quality);
    case IsUncertainRole:
        return isUncertain(row.quality);
    case IsBadRole:
        return isBad(row.quality);
    case TimeRole:
        return row.time > 0 ? QDateTime::fromMSecsSinceEpoch(row.time) : QDateTime();
    case TimeTextRole: {
        if (row.time <= 0)
            return QString();
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(row.time);
        return t.date() == QDate::currentDate() ? t.toString(QStringLiteral("HH:mm:ss"))
                                                : t.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    }
    case RangeLoRole:
        return def.rangeLo;
    case RangeHiRole:
        return def.rangeHi;
    case FractionRole:
        return isNumeric(def.type) && row.hasValue ? fraction(tag, row.value) : kNaN;
    case LoLimitFractionRole:
        return fraction(tag, m_loLimit[tag]);
    case HiLimitFractionRole:
        return fraction(tag, m_hiLimit[tag]);
    case WritableRole:
        return def.writable;
    default:
        return QVariant();
    }
}

void TagListModel::applyUpdate(const ChangeSet &changes)
{
    if (changes.isEmpty())
        return;
    std::vector<int> rows;
    rows.reserve(size_t(changes.size()));
    for (const TagChange &c : changes) {
        if (c.tag >= m_rows.size())
            continue;
        Row &row = m_rows[c.tag];
        // A bad change carries no usable value: the row keeps showing the last one.
        if (!isBad(c.quality)) {
            row.value = c.value;
            row.text = c.text;
            row.hasValue = true;
        }
        row.time = c.sourceTime;
        row.quality = c.quality;
        rows.push_back(int(c.tag));
    }
    std::sort(rows.begin(), rows.end());
    static const QList<int> roles{ValueRole,       ValueTextRole, QualityRole,     QualityMarkRole,
                                  QualityNameRole, IsGoodRole,    IsUncertainRole, IsBadRole,
                                  TimeRole,        TimeTextRole,  FractionRole};
    // One dataChanged per run of adjacent rows; one over the whole span when the changes are
    // scattered (views only repaint their visible rows either way).
    std::vector<std::pair<int, int>> runs;
    for (int r : rows) {
        if (!runs.empty() && r <= runs.back().second + 1)
            runs.back().second = std::max(runs.back().second, r);
        else
            runs.emplace_back(r, r);
    }
    if (runs.size() > 32) {
        emit dataChanged(index(runs.front().first), index(runs.back().second), roles);
        return;
    }
    for (const auto &[first, last] : runs)
        emit dataChanged(index(first), index(last), roles);
}

} // namespace vigil
