#include "schemamigrator.h"

#include <QSqlError>
#include <QSqlQuery>

namespace vigil
{

namespace
{

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

} // namespace

SchemaMigrator::SchemaMigrator(Setup setup)
    : m_setup(std::move(setup))
{
}

int SchemaMigrator::latestVersion() const
{
    return m_setup.migrations.last().version;
}

int SchemaMigrator::version(QSqlDatabase &db, bool sqlite, QString *error) const
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
    const QString &meta = m_setup.metaTable;
    if (!q.exec(QStringLiteral("SELECT to_regclass('%1') IS NULL").arg(meta)) || !q.next())
        return failed();
    if (q.value(0).toBool() &&
        !q.exec(QStringLiteral("CREATE TABLE %1 (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
                    .arg(meta)))
        return failed();
    if (!q.exec(QStringLiteral("SELECT value FROM %1 WHERE key = 'schema_version'").arg(meta)))
        return failed();
    return q.next() ? q.value(0).toInt() : 0;
}

bool SchemaMigrator::migrate(QSqlDatabase &db, bool sqlite, QString *error, int upTo) const
{
    const int current = version(db, sqlite, error);
    if (current < 0)
        return false;
    if (current > latestVersion())
        return fail(error, versionMessage(m_setup.messages.newerToMigrate, current));
    if (sqlite && current == 0) {
        for (const QString &sql : m_setup.sqliteBeforeFirstTable) {
            if (!run(db, sql, error))
                return false;
        }
    }
    for (const SchemaMigration &m : m_setup.migrations) {
        if (m.version <= current || (upTo >= 0 && m.version > upTo))
            continue;
        if (!apply(db, sqlite, m, error))
            return false;
    }
    return true;
}

bool SchemaMigrator::readable(QSqlDatabase &db, bool sqlite, QString *error) const
{
    const int v = version(db, sqlite, error);
    if (v < 0)
        return false;
    if (v == latestVersion())
        return true;
    const SchemaMessages &texts = m_setup.messages;
    if (v == 0)
        return fail(error, texts.empty);
    return fail(error,
                versionMessage(v < latestVersion() ? texts.olderToRead : texts.newerToRead, v));
}

bool SchemaMigrator::apply(QSqlDatabase &db, bool sqlite, const SchemaMigration &m,
                           QString *error) const
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
    qCInfo(m_setup.log).noquote() << m_setup.name << "schema migrated to version" << m.version
                                  << "-" << m.what;
    return true;
}

bool SchemaMigrator::setVersion(QSqlDatabase &db, bool sqlite, int version, QString *error) const
{
    if (sqlite)
        return run(db, QStringLiteral("PRAGMA user_version=%1").arg(version), error);
    return run(db,
               QStringLiteral("INSERT INTO %1 (key, value) VALUES ('schema_version', '%2') ON "
                              "CONFLICT (key) DO UPDATE SET value = excluded.value")
                   .arg(m_setup.metaTable)
                   .arg(version),
               error);
}

QString SchemaMigrator::versionMessage(const QString &message, int version) const
{
    return message.arg(version).arg(latestVersion());
}

} // namespace vigil
