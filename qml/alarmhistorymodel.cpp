#include "alarmhistorymodel.h"

#include "alarmjournaltext.h"
#include "journal/journalqueryservice.h"
#include "tags/tagdirectory.h"

#include <QLocale>

namespace vigil
{

AlarmHistoryModel::AlarmHistoryModel(JournalQueryService &queries,
                                     std::shared_ptr<const TagDirectory> tags, const Clock &clock,
                                     QObject *parent)
    : JournalListModel(clock, parent)
    , m_queries(queries)
    , m_tags(std::move(tags))
{
}

int AlarmHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> AlarmHistoryModel::roleNames() const
{
    return {
        {TimeTextRole, "timeText"},
        {PriorityRole, "priority"},
        {PriorityTextRole, "priorityText"},
        {KindRole, "kind"},
        {KindTextRole, "kindText"},
        {AlarmKeyRole, "alarmKey"},
        {TagRole, "tag"},
        {DeviceRole, "device"},
        {MessageRole, "message"},
        {ValueTextRole, "valueText"},
        {LimitTextRole, "limitText"},
        {UserRole, "user"},
        {CommentRole, "comment"},
    };
}

QVariant AlarmHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const AlarmHistoryRow &r = m_rows[size_t(index.row())];
    switch (role) {
    case TimeTextRole:
        return timeText(r.timeMs);
    case PriorityRole:
        return r.priority;
    case PriorityTextRole:
        return AlarmJournalText::priority(r.priority);
    case KindRole:
        return r.kind;
    case KindTextRole:
        if (r.kind == u"shelved" && r.durationMs > 0)
            return tr("Shelved, %1 min").arg((r.durationMs + 30'000) / 60'000);
        return AlarmJournalText::transition(r.kind);
    case AlarmKeyRole:
        return r.alarmKey;
    case TagRole:
        return r.tag;
    case DeviceRole:
        return r.device;
    case Qt::DisplayRole:
    case MessageRole:
        return r.message;
    case ValueTextRole:
        return formatNumber(r, r.value, false);
    case LimitTextRole:
        return formatNumber(r, r.limit, true);
    case UserRole:
        return r.user;
    case CommentRole:
        return r.comment;
    default:
        return {};
    }
}

QString AlarmHistoryModel::formatNumber(const AlarmHistoryRow &row, std::optional<double> value,
                                        bool isLimit) const
{
    if (!value || row.source != u"rule")
        return {};
    const std::optional<quint32> index = m_tags ? m_tags->indexOf(row.tag) : std::nullopt;
    if (!index)
        return QLocale().toString(*value);
    const TagDefinition &def = m_tags->at(*index);
    if (def.type == DataType::Bool)
        return *value != 0.0 ? tr("ON") : tr("OFF");
    QString text = QLocale().toString(*value, 'f', def.displayDecimals());
    QString unit = def.unit;
    if (isLimit && row.type == u"rate")
        unit = tr("%1/s").arg(unit.isEmpty() ? tr("units") : unit);
    if (!unit.isEmpty())
        text += u' ' + unit;
    return text;
}

QVariantList AlarmHistoryModel::shownPriorities() const
{
    QVariantList out;
    for (int p = 1; p <= 4; ++p) {
        if (m_shown[size_t(p - 1)])
            out.append(p);
    }
    return out;
}

void AlarmHistoryModel::setPriorityShown(int priority, bool shown)
{
    if (priority < 1 || priority > 4 || m_shown[size_t(priority - 1)] == shown)
        return;
    if (!shown && shownPriorities().size() == 1)
        return; // hiding every priority would show nothing at all
    m_shown[size_t(priority - 1)] = shown;
    emit filtersChanged();
    refresh();
}

void AlarmHistoryModel::setTagFilter(const QString &tag)
{
    setFilterField(m_tag, tag, true);
}

void AlarmHistoryModel::requestPage(qint64 generation, qint64 fromMs, qint64 toMs,
                                    std::optional<JournalCursor> after)
{
    AlarmHistoryFilter filter;
    filter.fromMs = fromMs;
    filter.toMs = toMs;
    if (shownPriorities().size() < 4) {
        for (const QVariant &p : shownPriorities())
            filter.priorities.append(p.toInt());
    }
    filter.tag = m_tag.trimmed();
    filter.text = textFilter().trimmed();
    filter.pageSize = pageSize();
    filter.after = after;
    receivePage(m_queries.alarmHistory(filter), generation, m_rows);
}

} // namespace vigil
