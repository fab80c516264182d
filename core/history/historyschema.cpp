#include "historyschema.h"

#include "historylog.h"
#include "util/schemamigrator.h"

namespace vigil
{

namespace
{

// Migration 2 (SQLite and PostgreSQL alike): 1-minute rollups (level 1) become 10-minute ones.
// Each 10-minute bucket merges its minutes as RollupBucket::merge does (first/last of the
// minutes with usable samples, the quality the last one left); a tag's last 10-minute bucket
// is dropped when its minutes may not all have been rolled up yet (its last minute ends before
// the bucket does): the writer rebuilds it from the samples at start (catchUpRollups). Hours are
// merges of the same samples and stay.
const QStringList kFineRollups{
    QStringLiteral(
        "INSERT INTO rollup (tag, level, bucket, n, n_bad, v_min, v_max, v_sum, v_first, v_last, "
        "last_quality) SELECT g.tag, 3, g.b, g.n, g.n_bad, g.v_min, g.v_max, g.v_sum, "
        "(SELECT r.v_first FROM rollup r WHERE r.tag = g.tag AND r.level = 1 AND r.bucket >= g.b "
        "AND r.bucket < g.b + 600000 AND r.n > 0 ORDER BY r.bucket LIMIT 1), "
        "(SELECT r.v_last FROM rollup r WHERE r.tag = g.tag AND r.level = 1 AND r.bucket >= g.b "
        "AND r.bucket < g.b + 600000 AND r.n > 0 ORDER BY r.bucket DESC LIMIT 1), "
        "(SELECT r.last_quality FROM rollup r WHERE r.tag = g.tag AND r.level = 1 AND r.bucket >= "
        "g.b AND r.bucket < g.b + 600000 ORDER BY r.bucket DESC LIMIT 1) "
        "FROM (SELECT m.tag, m.b, sum(m.n) AS n, sum(m.n_bad) AS n_bad, min(m.v_min) AS v_min, "
        "max(m.v_max) AS v_max, CASE WHEN sum(CASE WHEN m.n > 0 AND m.v_sum IS NULL THEN 1 ELSE "
        "0 END) > 0 THEN NULL ELSE sum(m.v_sum) END AS v_sum FROM (SELECT tag, n, n_bad, v_min, "
        "v_max, v_sum, bucket - (((bucket % 600000) + 600000) % 600000) AS b FROM rollup WHERE "
        "level = 1) m GROUP BY m.tag, m.b) g"),
    QStringLiteral("DELETE FROM rollup WHERE level = 3 AND bucket + 600000 > (SELECT max(r.bucket) "
                   "+ 60000 FROM rollup r WHERE r.tag = rollup.tag AND r.level = 1)"),
    QStringLiteral("DELETE FROM rollup WHERE level = 1"),
    QStringLiteral("UPDATE rollup SET level = 1 WHERE level = 3"),
};

// Ordered; never edit a released migration, add a new one.
QList<SchemaMigration> migrations()
{
    return {
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
        {2, "10-minute rollups instead of 1-minute ones", kFineRollups, kFineRollups},
    };
}

const SchemaMigrator &migrator()
{
    static const SchemaMigrator instance({
        QStringLiteral("history"),
        QStringLiteral("history_meta"),
        migrations(),
        {
            QStringLiteral("the history database holds no history yet"),
            QStringLiteral("the history database has schema version %1, this Vigil reads version "
                           "%2: it is migrated when this Vigil starts recording into it"),
            QStringLiteral("the history database has schema version %1, newer than this Vigil "
                           "reads (%2)"),
            QStringLiteral("the history database has schema version %1, newer than this Vigil "
                           "supports (%2)"),
        },
        // Lets retention give space back to the file system; only takes effect before the
        // first table.
        {QStringLiteral("PRAGMA auto_vacuum=INCREMENTAL")},
        lcHistory,
    });
    return instance;
}

} // namespace

int HistorySchema::latestVersion()
{
    return migrator().latestVersion();
}

int HistorySchema::version(QSqlDatabase &db, bool sqlite, QString *error)
{
    return migrator().version(db, sqlite, error);
}

bool HistorySchema::migrate(QSqlDatabase &db, bool sqlite, QString *error, int upTo)
{
    return migrator().migrate(db, sqlite, error, upTo);
}

bool HistorySchema::readable(QSqlDatabase &db, bool sqlite, QString *error)
{
    return migrator().readable(db, sqlite, error);
}

} // namespace vigil
