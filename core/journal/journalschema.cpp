#include "journalschema.h"

#include "journallog.h"
#include "util/schemamigrator.h"

namespace vigil
{

namespace
{

// Ordered; never edit a released migration, add a new one.
QList<SchemaMigration> migrations()
{
    return {
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
        // Users (password: a PasswordHasher string; locked_until_ms: wall time, 0 = not
        // locked) and the audit trail, a hash chain: seq is assigned by the writer (1, 2, 3…
        // without gaps), prev_hash is the previous row's hash (64 zeros for seq 1), hash the
        // SHA-256 of prev_hash and the canonical row, hmac its HMAC-SHA256 with audit.key.
        {2,
         "users, audit trail",
         {
             QStringLiteral("CREATE TABLE app_user (name TEXT PRIMARY KEY, role INTEGER NOT NULL, "
                            "password TEXT NOT NULL, disabled INTEGER NOT NULL, "
                            "failed_logins INTEGER NOT NULL, locked_until_ms INTEGER NOT NULL, "
                            "created_ms INTEGER NOT NULL, changed_ms INTEGER NOT NULL)"),
             QStringLiteral("CREATE TABLE audit (seq INTEGER PRIMARY KEY, time_ms INTEGER NOT "
                            "NULL, user_name TEXT NOT NULL, action TEXT NOT NULL, "
                            "target TEXT NOT NULL, detail TEXT NOT NULL, result TEXT NOT NULL, "
                            "prev_hash TEXT NOT NULL, hash TEXT NOT NULL, hmac TEXT NOT NULL)"),
             QStringLiteral("CREATE INDEX audit_time ON audit (time_ms)"),
         },
         {
             QStringLiteral("CREATE TABLE app_user (name TEXT PRIMARY KEY, role INTEGER NOT NULL, "
                            "password TEXT NOT NULL, disabled INTEGER NOT NULL, "
                            "failed_logins INTEGER NOT NULL, locked_until_ms BIGINT NOT NULL, "
                            "created_ms BIGINT NOT NULL, changed_ms BIGINT NOT NULL)"),
             QStringLiteral("CREATE TABLE audit (seq BIGINT PRIMARY KEY, time_ms BIGINT NOT "
                            "NULL, user_name TEXT NOT NULL, action TEXT NOT NULL, "
                            "target TEXT NOT NULL, detail TEXT NOT NULL, result TEXT NOT NULL, "
                            "prev_hash TEXT NOT NULL, hash TEXT NOT NULL, hmac TEXT NOT NULL)"),
             QStringLiteral("CREATE INDEX audit_time ON audit (time_ms)"),
         }},
    };
}

// Readers and the writer alike: the database must be replaced or the program updated.
QString newerMessage()
{
    return QStringLiteral("the journal database has schema version %1, newer than this Vigil "
                          "supports (%2): use a newer Vigil or another database_url");
}

const SchemaMigrator &migrator()
{
    static const SchemaMigrator instance({
        QStringLiteral("journal"),
        QStringLiteral("journal_meta"),
        migrations(),
        {
            QStringLiteral("the journal database holds no journal yet"),
            QStringLiteral("the journal database has schema version %1, this Vigil reads version "
                           "%2: it is migrated when this Vigil starts"),
            newerMessage(),
            newerMessage(),
        },
        {},
        lcJournal,
    });
    return instance;
}

} // namespace

int JournalSchema::latestVersion()
{
    return migrator().latestVersion();
}

int JournalSchema::version(QSqlDatabase &db, bool sqlite, QString *error)
{
    return migrator().version(db, sqlite, error);
}

bool JournalSchema::migrate(QSqlDatabase &db, bool sqlite, QString *error, int upTo)
{
    return migrator().migrate(db, sqlite, error, upTo);
}

bool JournalSchema::readable(QSqlDatabase &db, bool sqlite, QString *error)
{
    return migrator().readable(db, sqlite, error);
}

} // namespace vigil
