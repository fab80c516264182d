#pragma once

#include <QSqlDatabase>
#include <QString>

namespace vigil
{

// The history schema and its ordered migrations. SQLite keeps the version in
// PRAGMA user_version, PostgreSQL in history_meta('schema_version'). Each migration runs in its
// own transaction together with the version bump, so a crash leaves a consistent version.
class HistorySchema
{
public:
    static int latestVersion();
    // The schema version of the database (0: empty).
    static int version(QSqlDatabase &db, bool sqlite, QString *error = nullptr);
    // Brings the database to the latest version (or to `upTo`, for tests of a migration). Fails
    // (without touching anything) if the database is newer than this program.
    static bool migrate(QSqlDatabase &db, bool sqlite, QString *error, int upTo = -1);
    // Whether a reader may query the database: it has this program's schema version. Readers
    // never migrate (the historian's writer does, at its start); otherwise `error` says which
    // version it has and what to do.
    static bool readable(QSqlDatabase &db, bool sqlite, QString *error);
};

} // namespace vigil
