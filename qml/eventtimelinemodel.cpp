#include "eventtimelinemodel.h"

#include "alarmjournaltext.h"
#include "journal/journalqueryservice.h"

namespace vigil
{

namespace
{

const QString kAlarmKindPrefix = QStringLiteral("alarm.");

} // namespace

EventTimelineModel::EventTimelineModel(JournalQueryService &queries, QStringList devices,
                                       const Clock &clock, QObject *parent)
    : JournalListModel(clock, parent)
    , m_queries(queries)
    , m_devices(std::move(devices))
{
}

int EventTimelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> EventTimelineModel::roleNames() const
{
    return {
        {TimeTextRole, "timeText"}, {IsAlarmRole, "isAlarm"},
        {SeverityRole, "severity"}, {SeverityTextRole, "severityText"},
        {PriorityRole, "priority"}, {PriorityTextRole, "priorityText"},
        {KindRole, "kind"},         {KindTextRole, "kindText"},
        {SourceRole, "source"},     {DeviceRole, "device"},
        {TagRole, "tag"},           {MessageRole, "message"},
        {UserRole, "user"},         {CommentRole, "comment"},
    };
}

QVariant EventTimelineModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const EventRow &r = m_rows[size_t(index.row())];
    switch (role) {
    case TimeTextRole:
        return timeText(r.timeMs);
    case IsAlarmRole:
        return r.isAlarm();
    case SeverityRole:
        return r.severity;
    case SeverityTextRole:
        return r.isAlarm() ? QString() : AlarmJournalText::severity(r.severity);
    case PriorityRole:
        return r.priority;
    case PriorityTextRole:
        return r.isAlarm() ? AlarmJournalText::priority(r.priority) : QString();
    case KindRole:
        return r.kind;
    case KindTextRole:
        return r.isAlarm() ? AlarmJournalText::transition(r.kind.mid(kAlarmKindPrefix.size()))
                           : AlarmJournalText::eventKind(r.kind);
    case SourceRole:
        return r.source;
    case DeviceRole:
        return r.device;
    case TagRole:
        return r.tag;
    case Qt::DisplayRole:
    case MessageRole:
        return r.message;
    case UserRole:
        return r.user;
    case CommentRole:
        return r.comment;
    default:
        return {};
    }
}

QVariantList EventTimelineModel::kindChoices() const
{
    auto choice = [](const QString &text, const QString &prefix) {
        return QVariantMap{{QStringLiteral("text"), text}, {QStringLiteral("prefix"), prefix}};
    };
    return {
        choice(tr("All"), QString()),
        choice(tr("Alarms"), kAlarmKindPrefix),
        choice(tr("Devices"), QStringLiteral("device.")),
        choice(tr("History"), QStringLiteral("historian.")),
        choice(tr("Plant"), QStringLiteral("plant.")),
    };
}

void EventTimelineModel::setKindFilter(const QString &prefix)
{
    setFilterField(m_kind, prefix, false);
}

void EventTimelineModel::setDeviceFilter(const QString &device)
{
    setFilterField(m_device, device, false);
}

void EventTimelineModel::requestPage(qint64 generation, qint64 fromMs, qint64 toMs,
                                     std::optional<JournalCursor> after)
{
    EventFilter filter;
    filter.fromMs = fromMs;
    filter.toMs = toMs;
    filter.kindPrefix = m_kind;
    filter.device = m_device;
    filter.text = textFilter().trimmed();
    filter.pageSize = pageSize();
    filter.after = after;
    receivePage(m_queries.events(filter), generation, m_rows);
}

} // namespace vigil
