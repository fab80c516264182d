#include "alarmkpireader.h"

#include <QSqlError>
#include <QSqlQuery>

namespace vigil
{

namespace
{

bool run(QSqlQuery &q, const QString &sql, const QVariantList &values)
{
    q.setForwardOnly(true);
    if (!q.prepare(sql))
        return false;
    for (const QVariant &v : values)
        q.addBindValue(v);
    return q.exec();
}

bool hidden(const QSqlQuery &q, int first)
{
    return q.value(first).toInt() != 0 || q.value(first + 1).toInt() != 0 ||
           q.value(first + 2).toInt() != 0;
}

} // namespace

AlarmKpiReader::AlarmKpiReader(QSqlDatabase db)
    : m_db(std::move(db))
{
}

bool AlarmKpiReader::read(qint64 fromMs, qint64 toMs, const AlarmKpiOptions &options,
                          AlarmKpiInput &out)
{
    if (fromMs > toMs) {
        m_error = QStringLiteral("alarm KPIs: the period ends before it starts");
        return false;
    }
    return readTransitions(fromMs, toMs + options.fleetingMs, out) && readActive(toMs, out);
}

bool AlarmKpiReader::readTransitions(qint64 fromMs, qint64 toMs, AlarmKpiInput &out)
{
    QSqlQuery q(m_db);
    if (!run(q,
             QStringLiteral("SELECT time_ms, alarm_key, tag, message, priority, kind, shelved, "
                            "suppressed, out_of_service FROM alarm_journal "
                            "WHERE time_ms >= ? AND time_ms <= ? AND kind IN ('raised', "
                            "'cleared') ORDER BY time_ms, id"),
             {fromMs, toMs})) {
        m_error = QStringLiteral("alarm KPI query: ") + q.lastError().text();
        return false;
    }
    while (q.next()) {
        const int alarm = out.alarm(q.value(1).toString(), q.value(2).toString(),
                                    q.value(3).toString(), q.value(4).toInt());
        const auto change = q.value(5).toString() == u"raised" ? AlarmKpiInput::Change::Raised
                                                               : AlarmKpiInput::Change::Cleared;
        out.addTransition(q.value(0).toLongLong(), alarm, change, hidden(q, 6));
    }
    return true;
}

bool AlarmKpiReader::readActive(qint64 atMs, AlarmKpiInput &out)
{
    // Each alarm's latest row at `atMs` tells whether it was active then (rows are appended,
    // so the highest id is the latest state); its last raise before tells since when. An alarm
    // whose raise is older than the journal counts from its first row.
    QSqlQuery q(m_db);
    if (!run(q,
             QStringLiteral(
                 "SELECT j.alarm_key, j.tag, j.message, j.priority, j.shelved, j.suppressed, "
                 "j.out_of_service, COALESCE((SELECT r.time_ms FROM alarm_journal r "
                 "WHERE r.alarm_key = j.alarm_key AND r.time_ms <= ? AND r.kind = 'raised' "
                 "ORDER BY r.time_ms DESC LIMIT 1), (SELECT MIN(m.time_ms) FROM alarm_journal m "
                 "WHERE m.alarm_key = j.alarm_key)) FROM alarm_journal j JOIN (SELECT "
                 "MAX(id) AS last_id FROM alarm_journal WHERE time_ms <= ? GROUP BY alarm_key) l "
                 "ON j.id = l.last_id WHERE j.active = 1 ORDER BY j.alarm_key"),
             {atMs, atMs})) {
        m_error = QStringLiteral("alarm KPI query (active alarms): ") + q.lastError().text();
        return false;
    }
    while (q.next()) {
        const int alarm = out.alarm(q.value(0).toString(), q.value(1).toString(),
                                    q.value(2).toString(), q.value(3).toInt());
        out.addActive(alarm, q.value(7).toLongLong(), hidden(q, 4));
    }
    return true;
}

} // namespace vigil
