#include "alarmlistmodel.h"

#include "alarmtext.h"

#include <QLocale>

namespace vigil
{

AlarmListModel::AlarmListModel(Selection selection, std::shared_ptr<const TagDirectory> tags,
                               QObject *parent)
    : QAbstractListModel(parent)
    , m_selection(selection)
    , m_tags(std::move(tags))
{
}

int AlarmListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> AlarmListModel::roleNames() const
{
    return {
        {AlarmIdRole, "alarmId"},
        {KeyRole, "alarmKey"},
        {PriorityRole, "priority"},
        {PriorityTextRole, "priorityText"},
        {ShapeRole, "shape"},
        {StateTextRole, "stateText"},
        {ConditionsTextRole, "conditionsText"},
        {ActiveRole, "active"},
        {AcknowledgedRole, "acknowledged"},
        {ShelvedRole, "shelved"},
        {OneShotShelveRole, "oneShotShelve"},
        {SuppressedRole, "suppressed"},
        {OutOfServiceRole, "outOfService"},
        {LatchedRole, "latched"},
        {ActionableRole, "actionable"},
        {TimeRole, "time"},
        {TimeTextRole, "timeText"},
        {ClearedTimeTextRole, "clearedTimeText"},
        {TagIdRole, "tagId"},
        {DeviceRole, "device"},
        {KindRole, "kind"},
        {MessageRole, "message"},
        {ValueTextRole, "valueText"},
        {LimitTextRole, "limitText"},
        {DetailRole, "detail"},
        {AckUserRole, "ackUser"},
        {AckTimeTextRole, "ackTimeText"},
        {AckCommentRole, "ackComment"},
        {ShelveUserRole, "shelveUser"},
        {ShelveReasonRole, "shelveReason"},
        {ShelveUntilTextRole, "shelveUntilText"},
        {OutOfServiceUserRole, "outOfServiceUser"},
        {CauseRole, "cause"},
        {ConsequenceRole, "consequence"},
        {ActionRole, "action"},
        {ResponseTimeTextRole, "responseTimeText"},
        {HasTrendRole, "hasTrend"},
    };
}

QVariant AlarmListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return QVariant();
    const AlarmSnapshot &a = m_rows[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case MessageRole:
        return AlarmText::message(a);
    case AlarmIdRole:
        return int(a.id);
    case KeyRole:
        return a.key;
    case PriorityRole:
        return int(a.priority);
    case PriorityTextRole:
        return AlarmText::priority(a.priority);
    case ShapeRole:
        return AlarmText::shape(a.priority);
    case StateTextRole:
        return AlarmText::state(a.flags);
    case ConditionsTextRole:
        return AlarmText::conditions(a.flags);
    case TimeRole:
        return double(a.activeTimeMs);
    case TimeTextRole:
        return AlarmText::time(a.activeTimeMs);
    case ClearedTimeTextRole:
        return a.flags.active ? QString() : AlarmText::time(a.clearedTimeMs);
    case TagIdRole:
        return a.tagId;
    case DeviceRole:
        return a.device;
    case KindRole:
        return AlarmText::kind(a);
    case ValueTextRole:
        return valueText(a);
    case LimitTextRole:
        return limitText(a);
    case DetailRole:
        return a.detail;
    case AckUserRole:
        return a.ackTimeMs > 0 ? a.ackUser : QString();
    case AckTimeTextRole:
        return AlarmText::time(a.ackTimeMs);
    case AckCommentRole:
        return a.ackTimeMs > 0 ? a.ackComment : QString();
    case ShelveUserRole:
        return a.shelveUser;
    case ShelveReasonRole:
        return a.shelveReason;
    case ShelveUntilTextRole:
        return shelveUntilText(a);
    case OutOfServiceUserRole:
        return a.flags.outOfService ? a.outOfServiceUser : QString();
    case CauseRole:
        return a.cause;
    case ConsequenceRole:
        return a.consequence;
    case ActionRole:
        return a.action;
    case ResponseTimeTextRole:
        return a.responseTimeMs > 0 ? AlarmText::duration(a.responseTimeMs) : QString();
    case HasTrendRole:
        return a.source != AlarmSource::CommLoss && !a.tagId.isEmpty();
    default:
        return flagData(a.flags, role);
    }
}

QVariant AlarmListModel::flagData(const AlarmFlags &f, int role) const
{
    switch (role) {
    case ActiveRole:
        return f.active;
    case AcknowledgedRole:
        return f.acknowledged;
    case ShelvedRole:
        return f.shelved;
    case OneShotShelveRole:
        return f.shelved && f.oneShotShelve;
    case SuppressedRole:
        return f.suppressed;
    case OutOfServiceRole:
        return f.outOfService;
    case LatchedRole:
        return f.active && f.latched;
    case ActionableRole:
        return f.actionable();
    default:
        return QVariant();
    }
}

QVariantMap AlarmListModel::alarm(int alarmId) const
{
    QVariantMap out;
    const int row = alarmId < 0 ? -1 : rowOf(quint32(alarmId));
    if (row < 0)
        return out;
    const QModelIndex idx = index(row);
    const QHash<int, QByteArray> names = roleNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        out.insert(QString::fromLatin1(it.value()), data(idx, it.key()));
    return out;
}

bool AlarmListModel::selects(const AlarmSnapshot &a) const
{
    if (m_selection == Selection::Listed)
        return a.flags.listed();
    return a.flags.shelved || a.flags.outOfService;
}

void AlarmListModel::reset(const QList<AlarmSnapshot> &alarms)
{
    beginResetModel();
    m_rows.clear();
    m_rowOf.clear();
    for (const AlarmSnapshot &a : alarms) {
        if (selects(a) && !m_rowOf.contains(a.id)) {
            m_rowOf.insert(a.id, int(m_rows.size()));
            m_rows.append(a);
        }
    }
    endResetModel();
    ++m_revision;
    emit alarmsChanged();
}

void AlarmListModel::applySnapshots(const QList<AlarmSnapshot> &alarms)
{
    QList<AlarmSnapshot> added;
    for (const AlarmSnapshot &a : alarms) {
        const int row = rowOf(a.id);
        const bool wanted = selects(a);
        if (row >= 0 && wanted) {
            m_rows[row] = a;
            emit dataChanged(index(row), index(row));
        } else if (row >= 0) {
            removeRow(row);
        } else if (wanted) {
            // A batch may touch an alarm twice only through two snapshots of it: keep the last.
            auto same = std::find_if(added.begin(), added.end(),
                                     [&a](const AlarmSnapshot &s) { return s.id == a.id; });
            if (same != added.end())
                *same = a;
            else
                added.append(a);
        }
    }
    if (!added.isEmpty()) {
        const int first = int(m_rows.size());
        beginInsertRows(QModelIndex(), first, first + int(added.size()) - 1);
        for (const AlarmSnapshot &a : std::as_const(added)) {
            m_rowOf.insert(a.id, int(m_rows.size()));
            m_rows.append(a);
        }
        endInsertRows();
    }
    ++m_revision;
    emit alarmsChanged();
}

void AlarmListModel::removeRow(int row)
{
    beginRemoveRows(QModelIndex(), row, row);
    m_rowOf.remove(m_rows[row].id);
    m_rows.removeAt(row);
    for (int r = row; r < int(m_rows.size()); ++r)
        m_rowOf[m_rows[r].id] = r;
    endRemoveRows();
}

QString AlarmListModel::formatValue(const AlarmSnapshot &a, double value) const
{
    const std::optional<quint32> tag = m_tags->indexOf(a.tagId);
    if (!tag)
        return QLocale().toString(value);
    const TagDefinition &def = m_tags->at(*tag);
    const QString number = QLocale().toString(value, 'f', def.displayDecimals());
    return def.unit.isEmpty() ? number : number + u' ' + def.unit;
}

QString AlarmListModel::valueText(const AlarmSnapshot &a) const
{
    // The engine's own conditions carry no process value; a rule's is the value at its last
    // transition.
    if (a.source != AlarmSource::Rule || a.activeTimeMs <= 0)
        return QString();
    if (a.type == AlarmType::Digital)
        return a.value != 0.0 ? tr("ON") : tr("OFF");
    return formatValue(a, a.value);
}

QString AlarmListModel::limitText(const AlarmSnapshot &a) const
{
    if (a.source != AlarmSource::Rule)
        return QString();
    switch (a.type) {
    case AlarmType::HiHi:
    case AlarmType::Hi:
        return QStringLiteral("> ") + formatValue(a, a.limit);
    case AlarmType::Lo:
    case AlarmType::LoLo:
        return QStringLiteral("< ") + formatValue(a, a.limit);
    case AlarmType::Deviation:
        //: the allowed deviation from the setpoint, e.g. "± 10 °C from setpoint"
        return tr("± %1 from setpoint").arg(formatValue(a, a.limit));
    case AlarmType::RateOfChange:
        //: a rate of change limit, e.g. "5 m³/h per second"
        return tr("%1 per second").arg(formatValue(a, a.limit));
    case AlarmType::Digital:
        break;
    }
    return QString();
}

QString AlarmListModel::shelveUntilText(const AlarmSnapshot &a) const
{
    if (!a.flags.shelved)
        return QString();
    if (a.flags.oneShotShelve || a.shelveExpiryMs <= 0)
        return tr("until it returns to normal");
    //: a timed shelve's end, e.g. "until 14:20:00"
    return tr("until %1").arg(AlarmText::time(a.shelveExpiryMs));
}

} // namespace vigil
