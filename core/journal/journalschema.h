#pragma once

#include <QSqlDatabase>
#include <QString>

namespace vigil
{

// The journal.db schema and its ordered migrations: alarm_journal (one row per alarm
// transition), event (one row per system event), alarm_state (the restorable state per alarm
// key, written by the journal writer only), app_user (the panel's users) and audit (the
// hash-chained audit trail). SQLite keeps the version in PRAGMA user_version,
// PostgreSQL in journal_meta('schema_version'). Each migration runs in its own transaction
// together with the version bump, so a crash leaves a consistent version.
class JournalSchema
{
public:
    static int latestVersion();
    // The schema version of the database (0: empty; -1: it could not be read, see `error`).
    static int version(QSqlDatabase &db, bool sqlite, QString *error = nullptr);
    // Brings the database to the latest version (or to `upTo`, for tests of a migration). Fails
    // (without touching anything) if the database is newer than this program.
    static bool migrate(QSqlDatabase &db, bool sqlite, QString *error, int upTo = -1);
    // Whether a reader may query the database: it has this program's schema version. Readers
    // never migrate (the journal writer does, at its start); otherwise `error` says why not.
    static bool readable(QSqlDatabase &db, bool sqlite, QString *error);
};

} // namespace vigil
