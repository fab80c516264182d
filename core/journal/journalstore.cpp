#include "journalstore.h"

#include "journalconnection.h"

#include <QSqlError>

namespace vigil
{

namespace
{

const QString kInsertTransition = QStringLiteral(
    "INSERT INTO alarm_journal (time_ms, alarm_key, tag, device, source, type, priority, kind, "
    "active, acknowledged, shelved, suppressed, out_of_service, latched, value, limit_value, "
    "user_name, comment, duration_ms, message) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
const QString kInsertEvent = QStringLiteral(
    "INSERT INTO event (time_ms, severity, source, kind, message) VALUES (?, ?, ?, ?, ?)");
const QString kStateColumns = QStringLiteral(
    "alarm_key, active, acknowledged, shelved, one_shot_shelve, out_of_service, latched, value, "
    "active_ms, cleared_ms, ack_ms, ack_user, ack_comment, shelve_user, shelve_reason, "
    "shelve_until_ms, out_of_service_user, detail, updated_ms");
const QString kUpsertState =
    QStringLiteral(
        "INSERT INTO alarm_state (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?) ON CONFLICT (alarm_key) DO UPDATE SET active = excluded.active, "
        "acknowledged = excluded.acknowledged, shelved = excluded.shelved, "
        "one_shot_shelve = excluded.one_shot_shelve, out_of_service = excluded.out_of_service, "
        "latched = excluded.latched, value = excluded.value, active_ms = excluded.active_ms, "
        "cleared_ms = excluded.cleared_ms, ack_ms = excluded.ack_ms, "
        "ack_user = excluded.ack_user, ack_comment = excluded.ack_comment, "
        "shelve_user = excluded.shelve_user, shelve_reason = excluded.shelve_reason, "
        "shelve_until_ms = excluded.shelve_until_ms, "
        "out_of_service_user = excluded.out_of_service_user, detail = excluded.detail, "
        "updated_ms = excluded.updated_ms")
        .arg(kStateColumns);

bool failed(const QSqlQuery &q, QString *error)
{
    if (error)
        *error = q.lastError().text();
    return false;
}

// SQLite stores a null QString as NULL: the NOT NULL text columns get an empty text instead.
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

const QVariant kNoNumber{QMetaType::fromType<double>()};

// The journal keeps no value where there is none: a device's communication loss reads no tag,
// and only limit-like rules have a limit.
QVariant valueOf(const AlarmTransition &t)
{
    return t.source == AlarmSource::CommLoss ? kNoNumber : QVariant(t.value);
}

QVariant limitOf(const AlarmTransition &t)
{
    if (t.source != AlarmSource::Rule || t.type == AlarmType::Digital)
        return kNoNumber;
    return QVariant(t.limit);
}

} // namespace

JournalStore::JournalStore(JournalConnection &connection)
    : m_connection(connection)
{
}

bool JournalStore::prepare(QString *error)
{
    const QSqlDatabase db = m_connection.database();
    m_transition = QSqlQuery(db);
    m_event = QSqlQuery(db);
    m_state = QSqlQuery(db);
    if (!m_transition.prepare(kInsertTransition))
        return failed(m_transition, error);
    if (!m_event.prepare(kInsertEvent))
        return failed(m_event, error);
    if (!m_state.prepare(kUpsertState))
        return failed(m_state, error);
    return true;
}

bool JournalStore::write(const JournalBatch &batch, QString *error)
{
    QSqlDatabase db = m_connection.database();
    if (!db.transaction()) {
        if (error)
            *error = db.lastError().text();
        return false;
    }
    if (writeAll(batch, error) && db.commit())
        return true;
    if (error && error->isEmpty())
        *error = db.lastError().text();
    db.rollback();
    return false;
}

bool JournalStore::writeAll(const JournalBatch &batch, QString *error)
{
    if (batch.replaceStates) {
        QSqlQuery q(m_connection.database());
        if (!q.exec(QStringLiteral("DELETE FROM alarm_state")))
            return failed(q, error);
    }
    for (const AlarmTransition &t : batch.transitions) {
        if (!insertTransition(t, error))
            return false;
    }
    for (const SystemEvent &e : batch.events) {
        if (!insertEvent(e, error))
            return false;
    }
    for (const AlarmSavedState &s : batch.states) {
        if (!upsertState(s, error))
            return false;
    }
    return true;
}

bool JournalStore::insertTransition(const AlarmTransition &t, QString *error)
{
    QSqlQuery &q = m_transition;
    q.addBindValue(t.wallTimeMs);
    q.addBindValue(text(t.key));
    q.addBindValue(text(t.tagId));
    q.addBindValue(text(t.device));
    q.addBindValue(alarmSourceName(t.source));
    q.addBindValue(t.source == AlarmSource::Rule ? alarmTypeName(t.type) : text({}));
    q.addBindValue(int(t.priority));
    q.addBindValue(alarmTransitionKindName(t.kind));
    for (bool flag : {t.flags.active, t.flags.acknowledged, t.flags.shelved, t.flags.suppressed,
                      t.flags.outOfService, t.flags.latched})
        q.addBindValue(int(flag));
    q.addBindValue(valueOf(t));
    q.addBindValue(limitOf(t));
    q.addBindValue(text(t.user));
    q.addBindValue(text(t.comment));
    q.addBindValue(t.durationMs);
    q.addBindValue(text(t.message));
    return q.exec() || failed(q, error);
}

bool JournalStore::insertEvent(const SystemEvent &e, QString *error)
{
    QSqlQuery &q = m_event;
    q.addBindValue(e.timeMs);
    q.addBindValue(int(e.severity));
    q.addBindValue(text(e.source));
    q.addBindValue(text(e.kind));
    q.addBindValue(text(e.message));
    return q.exec() || failed(q, error);
}

bool JournalStore::upsertState(const AlarmSavedState &s, QString *error)
{
    QSqlQuery &q = m_state;
    q.addBindValue(text(s.key));
    for (bool flag : {s.flags.active, s.flags.acknowledged, s.flags.shelved, s.flags.oneShotShelve,
                      s.flags.outOfService, s.flags.latched})
        q.addBindValue(int(flag));
    q.addBindValue(s.value);
    q.addBindValue(s.stamps.activeMs);
    q.addBindValue(s.stamps.clearedMs);
    q.addBindValue(s.stamps.ackMs);
    q.addBindValue(text(s.stamps.ackUser));
    q.addBindValue(text(s.stamps.ackComment));
    q.addBindValue(text(s.stamps.shelveUser));
    q.addBindValue(text(s.stamps.shelveReason));
    q.addBindValue(s.shelveUntilWallMs);
    q.addBindValue(text(s.stamps.outOfServiceUser));
    q.addBindValue(text(s.detail));
    q.addBindValue(s.updatedMs);
    return q.exec() || failed(q, error);
}

std::optional<AlarmSavedStates> JournalStore::loadStates(QString *error)
{
    QSqlQuery q(m_connection.database());
    q.setForwardOnly(true);
    if (!q.exec(
            QStringLiteral("SELECT %1 FROM alarm_state ORDER BY alarm_key").arg(kStateColumns))) {
        failed(q, error);
        return std::nullopt;
    }
    AlarmSavedStates states;
    while (q.next()) {
        AlarmSavedState s;
        s.key = q.value(0).toString();
        s.flags.active = q.value(1).toInt() != 0;
        s.flags.acknowledged = q.value(2).toInt() != 0;
        s.flags.shelved = q.value(3).toInt() != 0;
        s.flags.oneShotShelve = q.value(4).toInt() != 0;
        s.flags.outOfService = q.value(5).toInt() != 0;
        s.flags.latched = q.value(6).toInt() != 0;
        s.value = q.value(7).toDouble();
        s.stamps.activeMs = q.value(8).toLongLong();
        s.stamps.clearedMs = q.value(9).toLongLong();
        s.stamps.ackMs = q.value(10).toLongLong();
        s.stamps.ackUser = q.value(11).toString();
        s.stamps.ackComment = q.value(12).toString();
        s.stamps.shelveUser = q.value(13).toString();
        s.stamps.shelveReason = q.value(14).toString();
        s.shelveUntilWallMs = q.value(15).toLongLong();
        s.stamps.outOfServiceUser = q.value(16).toString();
        s.detail = q.value(17).toString();
        s.updatedMs = q.value(18).toLongLong();
        states.append(std::move(s));
    }
    return states;
}

} // namespace vigil
