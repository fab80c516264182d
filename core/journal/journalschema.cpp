#include "journalschema.h"

#include "journallog.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

namespace vigil
{

namespace
{

struct Migration {
    int version;
    const char *what;
    QStringList sqlite;
    QStringList postgres;
};

// Ordered; never edit a released migration, add a new one.
const QList<Migration> &migrations()
{
    static const QList<Migration> list{
        {1,
         "alarm journal, events, alarm states",
         {
             QStringLiteral(
                 "CREATE TABLE alarm_journal (id INTEGER PRIMARY KEY, time_ms INTEGER NOT NULL, "
                 "alarm_key TEXT NOT NULL, tag TEXT NOT NULL, device TEXT NOT NULL, "
                 "source TEXT NOT NULL, type TEXT NOT NULL, priority INTEGER NOT NULL, "
                 "kind TEXT NOT NULL, active INTEGER NOT NULL, acknowledged INTEGER NOT NULL, "
                 "shelved INTEGER NOT NULL, suppressed INTEGER NOT NULL, "
                 "out_of_service INTEGER NOT NULL, latched INTEGER NOT NULL, value REAL, "
                 "limit_value REAL, user_name TEXT NOT NULL, comment TEXT NOT NULL, "
                 "duration_ms INTEGER NOT NULL, message TEXT NOT NULL)"),
             QStringLiteral("CREATE INDEX alarm_journal_time ON alarm_journal (time_ms)"),
             QStringLiteral(
                 "CREATE INDEX alarm_journal_key_time ON alarm_journal (alarm_key, time_ms)"),
             QStringLiteral("CREATE TABLE event (id INTEGER PRIMARY KEY, time_ms INTEGER NOT "
                            "NULL, severity INTEGER NOT NULL, source TEXT NOT NULL, "
                            "kind TEXT NOT NULL, message TEXT NOT NULL)"),
             QStringLiteral("CREATE INDEX event_time ON event (time_ms)"),
             // The state is what the journal's transitions left: flags after the last one,
             // stamps of the last raise, clear, acknowledge, shelve and removal from service.
             // shelve_until_ms is the wall time a timed shelve ends (0: none or one-shot).
             QStringLiteral(
                 "CREATE TABLE alarm_state (alarm_key TEXT PRIMARY KEY, "
                 "active INTEGER NOT NULL, acknowledged INTEGER NOT NULL, "
                 "shelved INTEGER NOT NULL, one_shot_shelve INTEGER NOT NULL, "
                 "out_of_service INTEGER NOT NULL, latched INTEGER NOT NULL, value REAL, "
                 "active_ms INTEGER NOT NULL, cleared_ms INTEGER NOT NULL, "
                 "ack_ms INTEGER NOT NULL, ack_user TEXT NOT NULL, ack_comment TEXT NOT NULL, "
                 "shelve_user TEXT NOT NULL, shelve_reason TEXT NOT NULL, "
                 "shelve_until_ms INTEGER NOT NULL, out_of_service_user TEXT NOT NULL, "
                 "detail TEXT NOT NULL, updated_ms INTEGER NOT NULL)"),
         },
         {
             QStringLiteral(
                 "CREATE TABLE alarm_journal (id BIGSERIAL PRIMARY KEY, time_ms BIGINT NOT NULL, "
                 "alarm_key TEXT NOT NULL, tag TEXT NOT NULL, device TEXT NOT NULL, "
                 "source TEXT NOT NULL, type TEXT NOT NULL, priority INTEGER NOT NULL, "
                 "kind TEXT NOT NULL, active INTEGER NOT NULL, acknowledged INTEGER NOT NULL, "
                 "shelved INTEGER NOT NULL, suppressed INTEGER NOT NULL, "
                 "out_of_service INTEGER NOT NULL, latched INTEGER NOT NULL, "
                 "value DOUBLE PRECISION, limit_value DOUBLE PRECISION, "
                 "user_name TEXT NOT NULL, comment TEXT NOT NULL, duration_ms BIGINT NOT NULL, "
                 "message TEXT NOT NULL)"),
             QStringLiteral("CREATE INDEX alarm_journal_time ON alarm_journal (time_ms)"),
             QStringLiteral(
                 "CREATE INDEX alarm_journal_key_time ON alarm_journal (alarm_key, time_ms)"),
             QStringLiteral("CREATE TABLE event (id BIGSERIAL PRIMARY KEY, time_ms BIGINT NOT "
                            "NULL, severity INTEGER NOT NULL, source TEXT NOT NULL, "
                            "kind TEXT NOT NULL, message TEXT NOT NULL)"),
             QStringLiteral("CREATE INDEX event_time ON event (time_ms)"),
             QStringLiteral(
                 "CREATE TABLE alarm_state (alarm_key TEXT PRIMARY KEY, "
                 "active INTEGER NOT NULL, acknowledged INTEGER NOT NULL, "
                 "shelved INTEGER NOT NULL, one_shot_shelve INTEGER NOT NULL, "
                 "out_of_service INTEGER NOT NULL, latched INTEGER NOT NULL, "
                 "value DOUBLE PRECISION, active_ms BIGINT NOT NULL, cleared_ms BIGINT NOT NULL, "
                 "ack_ms BIGINT NOT NULL, ack_user TEXT NOT NULL, ack_comment TEXT NOT NULL, "
                 "shelve_user TEXT NOT NULL, shelve_reason TEXT NOT NULL, "
                 "shelve_until_ms BIGINT NOT NULL, out_of_service_user TEXT NOT NULL, "
                 "detail TEXT NOT NULL, updated_ms BIGINT NOT NULL)"),
         }},
    };
    return list;
}

bool run(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    if (error)
        *error = QStringLiteral("%1 (%2)").arg(q.lastError().text(), sql.left(80));
    return false;
}

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

QString newerMessage(int version)
{
    return QStringLiteral("the journal database has schema version %1, newer than this Vigil "
                          "supports (%2): use a newer Vigil or another database_url")
        .arg(version)
        .arg(JournalSchema::latestVersion());
}

bool setVersion(QSqlDatabase &db, bool sqlite, int version, QString *error)
{
    if (sqlite)
        return run(db, QStringLiteral("PRAGMA user_version=%1").arg(version), error);
    return run(db,
               QStringLiteral("INSERT INTO journal_meta (key, value) VALUES ('schema_version', "
                              "'%1') ON CONFLICT (key) DO UPDATE SET value = excluded.value")
                   .arg(version),
               error);
}

bool apply(QSqlDatabase &db, bool sqlite, const Migration &m, QString *error)
{
    if (!db.transaction())
        return fail(error, db.lastError().text());
    bool ok = true;
    for (const QString &sql : sqlite ? m.sqlite : m.postgres) {
        if (!(ok = run(db, sql, error)))
            break;
    }
    ok = ok && setVersion(db, sqlite, m.version, error);
    if (!ok || !db.commit()) {
        if (ok && error)
            *error = db.lastError().text();
        db.rollback();
        return false;
    }
    qCInfo(lcJournal) << "journal schema migrated to version" << m.version << "-" << m.what;
    return true;
}

} // namespace

int JournalSchema::latestVersion()
{
    return migrations().last().version;
}

int JournalSchema::version(QSqlDatabase &db, bool sqlite, QString *error)
{
    QSqlQuery q(db);
    auto failed = [&] {
        if (error)
            *error = q.lastError().text();
        return -1;
    };
    if (sqlite) {
        if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next())
            return failed();
        return q.value(0).toInt();
    }
    if (!q.exec(QStringLiteral("SELECT to_regclass('journal_meta') IS NULL")) || !q.next())
        return failed();
    if (q.value(0).toBool() && !q.exec(QStringLiteral("CREATE TABLE journal_meta (key TEXT "
                                                      "PRIMARY KEY, value TEXT NOT NULL)")))
        return failed();
    if (!q.exec(QStringLiteral("SELECT value FROM journal_meta WHERE key = 'schema_version'")))
        return failed();
    return q.next() ? q.value(0).toInt() : 0;
}

bool JournalSchema::migrate(QSqlDatabase &db, bool sqlite, QString *error, int upTo)
{
    const int current = version(db, sqlite, error);
    if (current < 0)
        return false;
    if (current > latestVersion())
        return fail(error, newerMessage(current));
    for (const Migration &m : migrations()) {
        if (m.version <= current || (upTo >= 0 && m.version > upTo))
            continue;
        if (!apply(db, sqlite, m, error))
            return false;
    }
    return true;
}

bool JournalSchema::readable(QSqlDatabase &db, bool sqlite, QString *error)
{
    const int v = version(db, sqlite, error);
    if (v < 0)
        return false;
    if (v == latestVersion())
        return true;
    if (v > latestVersion())
        return fail(error, newerMessage(v));
    return fail(error,
                v == 0 ? QStringLiteral("the journal database holds no journal yet")
                       : QStringLiteral("the journal database has schema version %1, this Vigil "
                                        "reads version %2: it is migrated when this Vigil starts")
                             .arg(v)
                             .arg(latestVersion()));
}

} // namespace vigil
