#pragma once

#include <QList>
#include <QLoggingCategory>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

namespace vigil
{

// One step of a schema: its version, what it brings (for the log) and its SQL per database kind.
struct SchemaMigration {
    int version;
    const char *what;
    QStringList sqlite;
    QStringList postgres;
};

// What a database of another version is told. In the templates %1 is the database's version and
// %2 the latest one this program knows.
struct SchemaMessages {
    QString empty;          // readable(): never migrated (plain text, no placeholders)
    QString olderToRead;    // readable(): an older version
    QString newerToRead;    // readable(): a newer version
    QString newerToMigrate; // migrate(): a newer version
};

// Runs a schema's ordered migrations, shared by the databases Vigil writes (history, journal).
// SQLite keeps the version in PRAGMA user_version, PostgreSQL in <metaTable>('schema_version').
// Each migration runs in its own transaction together with the version bump, so a crash leaves
// a consistent version.
class SchemaMigrator
{
public:
    using LogCategory = const QLoggingCategory &(*)();

    struct Setup {
        QString name;                      // names the schema in log lines ("history")
        QString metaTable;                 // PostgreSQL table holding the version ("history_meta")
        QList<SchemaMigration> migrations; // ordered; never edit a released one
        SchemaMessages messages;
        // Run on an empty SQLite database before its first table (settings fixed at creation).
        QStringList sqliteBeforeFirstTable;
        LogCategory log;
    };

    explicit SchemaMigrator(Setup setup);

    int latestVersion() const;
    // The schema version of the database (0: empty; -1: it could not be read, see `error`).
    int version(QSqlDatabase &db, bool sqlite, QString *error) const;
    // Brings the database to the latest version (or to `upTo`). Fails (without touching
    // anything) if the database is newer than this program.
    bool migrate(QSqlDatabase &db, bool sqlite, QString *error, int upTo) const;
    // Whether the database has exactly the latest version; otherwise `error` says why not.
    bool readable(QSqlDatabase &db, bool sqlite, QString *error) const;

private:
    bool apply(QSqlDatabase &db, bool sqlite, const SchemaMigration &m, QString *error) const;
    bool setVersion(QSqlDatabase &db, bool sqlite, int version, QString *error) const;
    QString versionMessage(const QString &message, int version) const;

    Setup m_setup;
};

} // namespace vigil
