#include "historyschema.h"

#include "historylog.h"

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
         "tags, chunks, rollups, text samples, journal",
         {
             // Chunks are appended in id order (page-friendly writes); the index finds a tag's
             // chunks by time.
             QStringLiteral("CREATE TABLE tag (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)"),
             QStringLiteral("CREATE TABLE chunk (id INTEGER PRIMARY KEY, tag INTEGER NOT NULL, "
                            "start_time INTEGER NOT NULL, end_time INTEGER NOT NULL, "
                            "n INTEGER NOT NULL, data BLOB NOT NULL)"),
             QStringLiteral("CREATE INDEX chunk_tag_time ON chunk (tag, start_time)"),
             QStringLiteral("CREATE TABLE rollup (tag INTEGER NOT NULL, level INTEGER NOT NULL, "
                            "bucket INTEGER NOT NULL, n INTEGER NOT NULL, n_bad INTEGER NOT NULL, "
                            "v_min REAL, v_max REAL, v_sum REAL, v_first REAL, v_last REAL, "
                            "last_quality INTEGER NOT NULL, PRIMARY KEY (tag, level, bucket)) "
                            "WITHOUT ROWID"),
             QStringLiteral(
                 "CREATE TABLE text_sample (tag INTEGER NOT NULL, time INTEGER NOT NULL, "
                 "quality INTEGER NOT NULL, text TEXT NOT NULL)"),
             QStringLiteral("CREATE INDEX text_sample_tag_time ON text_sample (tag, time)"),
             QStringLiteral("CREATE TABLE journal (writer TEXT NOT NULL, seq INTEGER NOT NULL, "
                            "data BLOB NOT NULL, PRIMARY KEY (writer, seq))"),
             QStringLiteral("CREATE TABLE counter (name TEXT PRIMARY KEY, next INTEGER NOT NULL)"),
             QStringLiteral("INSERT INTO counter (name, next) VALUES ('chunk', 1)"),
         },
         {
             QStringLiteral("CREATE TABLE tag (id SERIAL PRIMARY KEY, name TEXT NOT NULL UNIQUE)"),
             QStringLiteral("CREATE TABLE chunk (id BIGINT PRIMARY KEY, tag INTEGER NOT NULL, "
                            "start_time BIGINT NOT NULL, end_time BIGINT NOT NULL, "
                            "n INTEGER NOT NULL, data BYTEA NOT NULL)"),
             QStringLiteral("CREATE INDEX chunk_tag_time ON chunk (tag, start_time)"),
             QStringLiteral("CREATE TABLE rollup (tag INTEGER NOT NULL, level SMALLINT NOT NULL, "
                            "bucket BIGINT NOT NULL, n INTEGER NOT NULL, n_bad INTEGER NOT NULL, "
                            "v_min DOUBLE PRECISION, v_max DOUBLE PRECISION, "
                            "v_sum DOUBLE PRECISION, v_first DOUBLE PRECISION, "
                            "v_last DOUBLE PRECISION, last_quality SMALLINT NOT NULL, "
                            "PRIMARY KEY (tag, level, bucket))"),
             QStringLiteral("CREATE TABLE text_sample (tag INTEGER NOT NULL, time BIGINT NOT NULL, "
                            "quality SMALLINT NOT NULL, text TEXT NOT NULL)"),
             QStringLiteral("CREATE INDEX text_sample_tag_time ON text_sample (tag, time)"),
             QStringLiteral("CREATE TABLE journal (writer TEXT NOT NULL, seq BIGINT NOT NULL, "
                            "data BYTEA NOT NULL, PRIMARY KEY (writer, seq))"),
             QStringLiteral("CREATE TABLE counter (name TEXT PRIMARY KEY, next BIGINT NOT NULL)"),
             QStringLiteral("INSERT INTO counter (name, next) VALUES ('chunk', 1)"),
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

} // namespace

int HistorySchema::latestVersion()
{
    return migrations().last().version;
}

int HistorySchema::version(QSqlDatabase &db, bool sqlite, QString *error)
{
    QSqlQuery q(db);
    if (sqlite) {
        if (!q.exec(QStringLiteral("PRAGMA user_version")) || !q.next()) {
            if (error)
                *error = q.lastError().text();
            return -1;
        }
        return q.value(0).toInt();
    }
    if (!q.exec(QStringLiteral("SELECT to_regclass('history_meta') IS NULL")) || !q.next()) {
        if (error)
            *error = q.lastError().text();
        return -1;
    }
    if (q.value(0).toBool() && !q.exec(QStringLiteral("CREATE TABLE history_meta (key TEXT "
                                                      "PRIMARY KEY, value TEXT NOT NULL)"))) {
        if (error)
            *error = q.lastError().text();
        return -1;
    }
    if (!q.exec(QStringLiteral("SELECT value FROM history_meta WHERE key = 'schema_version'"))) {
        if (error)
            *error = q.lastError().text();
        return -1;
    }
    return q.next() ? q.value(0).toInt() : 0;
}

bool HistorySchema::migrate(QSqlDatabase &db, bool sqlite, QString *error)
{
    const int current = version(db, sqlite, error);
    if (current < 0)
        return false;
    if (current > latestVersion()) {
        if (error)
            *error = QStringLiteral("the history database has schema version %1, newer than this "
                                    "Vigil supports (%2)")
                         .arg(current)
                         .arg(latestVersion());
        return false;
    }
    if (sqlite && current == 0) {
        // Must precede the first table: lets retention give space back to the file system.
        if (!run(db, QStringLiteral("PRAGMA auto_vacuum=INCREMENTAL"), error))
            return false;
    }
    for (const Migration &m : migrations()) {
        if (m.version <= current)
            continue;
        if (!db.transaction()) {
            if (error)
                *error = db.lastError().text();
            return false;
        }
        bool ok = true;
        for (const QString &sql : sqlite ? m.sqlite : m.postgres) {
            if (!(ok = run(db, sql, error)))
                break;
        }
        if (ok) {
            ok = sqlite ? run(db, QStringLiteral("PRAGMA user_version=%1").arg(m.version), error)
                        : run(db,
                              QStringLiteral("INSERT INTO history_meta (key, value) VALUES "
                                             "('schema_version', '%1') ON CONFLICT (key) DO "
                                             "UPDATE SET value = excluded.value")
                                  .arg(m.version),
                              error);
        }
        if (!ok || !db.commit()) {
            if (ok && error)
                *error = db.lastError().text();
            db.rollback();
            return false;
        }
        qCInfo(lcHistory) << "history schema migrated to version" << m.version << "-" << m.what;
    }
    return true;
}

} // namespace vigil
