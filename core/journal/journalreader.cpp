#include "journalreader.h"

#include "journalsqlfilter.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace vigil
{

namespace
{

const QString kAlarmPrefix = QStringLiteral("alarm.");
const QString kDevicePrefix = QStringLiteral("device:");

bool run(QSqlQuery &q, const QString &sql, const QVariantList &values)
{
    if (!q.prepare(sql))
        return false;
    for (const QVariant &v : values)
        q.addBindValue(v);
    return q.exec();
}

std::optional<double> optionalDouble(const QVariant &v)
{
    return v.isNull() ? std::nullopt : std::optional<double>(v.toDouble());
}

// Fewer than `limit` rows: the listing ends here; else the extra row only says more exist.
template<typename Row>
void finishPage(QList<Row> rows, int pageSize, JournalPage<Row> &out)
{
    out.next.reset();
    if (rows.size() > pageSize) {
        rows.resize(pageSize);
        out.next = rows.last().cursor();
    }
    out.rows = std::move(rows);
}

// How an events kind prefix applies to alarm entries ("alarm.<transition>"): not at all, to
// every alarm, or as a prefix of the transition kind.
enum class AlarmKindMatch {
    None,
    All,
    Prefix
};

AlarmKindMatch alarmKindMatch(const QString &prefix, QString *transitionPrefix)
{
    if (prefix.isEmpty() || kAlarmPrefix.startsWith(prefix, Qt::CaseInsensitive))
        return AlarmKindMatch::All;
    if (!prefix.startsWith(kAlarmPrefix, Qt::CaseInsensitive))
        return AlarmKindMatch::None;
    *transitionPrefix = prefix.mid(kAlarmPrefix.size());
    return AlarmKindMatch::Prefix;
}

} // namespace

JournalReader::JournalReader(QSqlDatabase db, bool sqlite)
    : m_db(std::move(db))
    , m_sqlite(sqlite)
{
}

bool JournalReader::fail(const QString &error)
{
    m_error = error;
    return false;
}

bool JournalReader::alarmHistory(const AlarmHistoryFilter &filter, AlarmHistoryPage &out)
{
    if (const QString problem = filter.validate(); !problem.isEmpty())
        return fail(problem);
    QList<AlarmHistoryRow> rows;
    if (!readAlarmRows(filter, rows))
        return false;
    finishPage(std::move(rows), filter.pageSize, out);
    return true;
}

bool JournalReader::readAlarmRows(const AlarmHistoryFilter &filter, QList<AlarmHistoryRow> &rows)
{
    JournalSqlFilter where(m_sqlite);
    where.add(QStringLiteral("time_ms >= ? AND time_ms <= ?"), {filter.fromMs, filter.toMs});
    if (filter.after)
        where.olderThan(filter.after->timeMs,
                        filter.after->idBoundFor(JournalCursor::Origin::Alarm));
    if (!filter.priorities.isEmpty()) {
        QVariantList priorities;
        for (int p : filter.priorities)
            priorities.append(p);
        where.in(QStringLiteral("priority"), priorities);
    }
    if (!filter.tag.isEmpty())
        where.contains({QStringLiteral("tag")}, filter.tag);
    if (!filter.text.isEmpty())
        where.contains({QStringLiteral("message"), QStringLiteral("comment")}, filter.text);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    const QString sql =
        QStringLiteral("SELECT id, time_ms, alarm_key, tag, device, source, type, priority, kind, "
                       "active, acknowledged, shelved, suppressed, out_of_service, latched, "
                       "value, limit_value, user_name, comment, duration_ms, message "
                       "FROM alarm_journal%1 ORDER BY time_ms DESC, id DESC LIMIT %2")
            .arg(where.where())
            .arg(filter.pageSize + 1);
    if (!run(q, sql, where.values()))
        return fail(QStringLiteral("alarm history query: ") + q.lastError().text());
    while (q.next()) {
        AlarmHistoryRow r;
        r.id = q.value(0).toLongLong();
        r.timeMs = q.value(1).toLongLong();
        r.alarmKey = q.value(2).toString();
        r.tag = q.value(3).toString();
        r.device = q.value(4).toString();
        r.source = q.value(5).toString();
        r.type = q.value(6).toString();
        r.priority = q.value(7).toInt();
        r.kind = q.value(8).toString();
        r.flags.active = q.value(9).toInt() != 0;
        r.flags.acknowledged = q.value(10).toInt() != 0;
        r.flags.shelved = q.value(11).toInt() != 0;
        r.flags.suppressed = q.value(12).toInt() != 0;
        r.flags.outOfService = q.value(13).toInt() != 0;
        r.flags.latched = q.value(14).toInt() != 0;
        r.value = optionalDouble(q.value(15));
        r.limit = optionalDouble(q.value(16));
        r.user = q.value(17).toString();
        r.comment = q.value(18).toString();
        r.durationMs = q.value(19).toLongLong();
        r.message = q.value(20).toString();
        rows.append(std::move(r));
    }
    return true;
}

bool JournalReader::events(const EventFilter &filter, EventPage &out)
{
    if (const QString problem = filter.validate(); !problem.isEmpty())
        return fail(problem);
    // Each table gives at most one page plus one row; merged, the newest of both make the page.
    const int limit = filter.pageSize + 1;
    QList<EventRow> rows;
    if (!readEventRows(filter, limit, rows))
        return false;
    if (filter.includeAlarms && !readAlarmEntries(filter, limit, rows))
        return false;
    std::sort(rows.begin(), rows.end(), [](const EventRow &a, const EventRow &b) {
        if (a.timeMs != b.timeMs)
            return a.timeMs > b.timeMs;
        if (a.origin != b.origin)
            return a.origin > b.origin;
        return a.id > b.id;
    });
    if (rows.size() > limit)
        rows.resize(limit);
    finishPage(std::move(rows), filter.pageSize, out);
    return true;
}

bool JournalReader::readEventRows(const EventFilter &filter, int limit, QList<EventRow> &rows)
{
    JournalSqlFilter where(m_sqlite);
    where.add(QStringLiteral("time_ms >= ? AND time_ms <= ?"), {filter.fromMs, filter.toMs});
    if (filter.after)
        where.olderThan(filter.after->timeMs,
                        filter.after->idBoundFor(JournalCursor::Origin::Event));
    if (!filter.kindPrefix.isEmpty())
        where.startsWith(QStringLiteral("kind"), filter.kindPrefix);
    if (!filter.device.isEmpty())
        where.add(QStringLiteral("source = ?"), {kDevicePrefix + filter.device});
    if (!filter.text.isEmpty())
        where.contains({QStringLiteral("message")}, filter.text);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    const QString sql = QStringLiteral("SELECT id, time_ms, severity, source, kind, message FROM "
                                       "event%1 ORDER BY time_ms DESC, id DESC LIMIT %2")
                            .arg(where.where())
                            .arg(limit);
    if (!run(q, sql, where.values()))
        return fail(QStringLiteral("events query: ") + q.lastError().text());
    while (q.next()) {
        EventRow r;
        r.origin = JournalCursor::Origin::Event;
        r.id = q.value(0).toLongLong();
        r.timeMs = q.value(1).toLongLong();
        r.severity = q.value(2).toInt();
        r.source = q.value(3).toString();
        if (r.source.startsWith(kDevicePrefix))
            r.device = r.source.mid(kDevicePrefix.size());
        r.kind = q.value(4).toString();
        r.message = q.value(5).toString();
        rows.append(std::move(r));
    }
    return true;
}

bool JournalReader::readAlarmEntries(const EventFilter &filter, int limit, QList<EventRow> &rows)
{
    QString transitionPrefix;
    const AlarmKindMatch match = alarmKindMatch(filter.kindPrefix, &transitionPrefix);
    if (match == AlarmKindMatch::None)
        return true;
    JournalSqlFilter where(m_sqlite);
    where.add(QStringLiteral("time_ms >= ? AND time_ms <= ?"), {filter.fromMs, filter.toMs});
    if (filter.after)
        where.olderThan(filter.after->timeMs,
                        filter.after->idBoundFor(JournalCursor::Origin::Alarm));
    if (match == AlarmKindMatch::Prefix)
        where.startsWith(QStringLiteral("kind"), transitionPrefix);
    if (!filter.device.isEmpty())
        where.add(QStringLiteral("device = ?"), {filter.device});
    if (!filter.text.isEmpty())
        where.contains(
            {QStringLiteral("message"), QStringLiteral("tag"), QStringLiteral("comment")},
            filter.text);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    const QString sql =
        QStringLiteral("SELECT id, time_ms, priority, alarm_key, device, kind, tag, "
                       "user_name, comment, message FROM alarm_journal%1 "
                       "ORDER BY time_ms DESC, id DESC LIMIT %2")
            .arg(where.where())
            .arg(limit);
    if (!run(q, sql, where.values()))
        return fail(QStringLiteral("events query (alarms): ") + q.lastError().text());
    while (q.next()) {
        EventRow r;
        r.origin = JournalCursor::Origin::Alarm;
        r.id = q.value(0).toLongLong();
        r.timeMs = q.value(1).toLongLong();
        r.priority = q.value(2).toInt();
        r.source = q.value(3).toString();
        r.device = q.value(4).toString();
        r.kind = kAlarmPrefix + q.value(5).toString();
        r.tag = q.value(6).toString();
        r.user = q.value(7).toString();
        r.comment = q.value(8).toString();
        r.message = q.value(9).toString();
        rows.append(std::move(r));
    }
    return true;
}

} // namespace vigil
