#include "history/historyurl.h"
#include "journal/journalconnection.h"
#include "journal/journalschema.h"

#include <QFileInfo>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;

// journal.db's schema on real SQLite files: created from nothing, versioned, and a database
// from a newer Vigil refused with a message that says what to do.
class TstJournalSchema : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void createsFreshDatabase();
    void connectionSyncsEveryCommit();
    void migrateIsIdempotent();
    void newerVersionIsRefused();
    void readerRefusesAnEmptyDatabase();
    void malformedUrlNamesTheSetting();

private:
    std::unique_ptr<JournalConnection> open();
    QStringList columns(const QString &table);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<JournalConnection> m_connection;
};

void TstJournalSchema::init()
{
    m_connection.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_connection = open();
    QVERIFY(m_connection);
}

std::unique_ptr<JournalConnection> TstJournalSchema::open()
{
    const auto url = HistoryUrl::parse(QStringLiteral("sqlite:") + m_dir->filePath("journal.db"));
    auto c = std::make_unique<JournalConnection>(*url, JournalConnection::Role::Writer);
    QString error;
    if (!c->open(&error)) {
        qWarning() << error;
        return nullptr;
    }
    return c;
}

QStringList TstJournalSchema::columns(const QString &table)
{
    QStringList names;
    const QSqlRecord r = m_connection->database().record(table);
    for (int i = 0; i < r.count(); ++i)
        names.append(r.fieldName(i));
    return names;
}

void TstJournalSchema::createsFreshDatabase()
{
    QSqlDatabase db = m_connection->database();
    QCOMPARE(JournalSchema::version(db, true), 0);
    QString error;
    QVERIFY2(JournalSchema::migrate(db, true, &error), qPrintable(error));
    QCOMPARE(JournalSchema::version(db, true), JournalSchema::latestVersion());
    QCOMPARE(JournalSchema::latestVersion(), 2);
    QVERIFY2(JournalSchema::readable(db, true, &error), qPrintable(error));

    // The contract the history pages read.
    QCOMPARE(columns(QStringLiteral("alarm_journal")),
             QStringList({"id",          "time_ms",        "alarm_key",    "tag",
                          "device",      "source",         "type",         "priority",
                          "kind",        "active",         "acknowledged", "shelved",
                          "suppressed",  "out_of_service", "latched",      "value",
                          "limit_value", "user_name",      "comment",      "duration_ms",
                          "message"}));
    QCOMPARE(columns(QStringLiteral("event")),
             QStringList({"id", "time_ms", "severity", "source", "kind", "message"}));
    QVERIFY(columns(QStringLiteral("alarm_state")).contains(QStringLiteral("shelve_until_ms")));
    QCOMPARE(columns(QStringLiteral("app_user")),
             QStringList({"name", "role", "password", "disabled", "failed_logins",
                          "locked_until_ms", "created_ms", "changed_ms"}));
    QCOMPARE(columns(QStringLiteral("audit")),
             QStringList({"seq", "time_ms", "user_name", "action", "target", "detail", "result",
                          "prev_hash", "hash", "hmac"}));
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index' AND name "
                                  "NOT LIKE 'sqlite_%' ORDER BY name")));
    QStringList indexes;
    while (q.next())
        indexes.append(q.value(0).toString());
    QCOMPARE(indexes, QStringList({"alarm_journal_key_time", "alarm_journal_time", "audit_time",
                                   "event_time"}));

    // The file is private to Vigil's user.
    QCOMPARE(QFileInfo(m_dir->filePath("journal.db")).permissions() &
                 (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFile::Permissions());
}

void TstJournalSchema::connectionSyncsEveryCommit()
{
    QSqlQuery q(m_connection->database());
    QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
    QVERIFY(q.exec(QStringLiteral("PRAGMA synchronous")) && q.next());
    QCOMPARE(q.value(0).toInt(), 2); // FULL
}

void TstJournalSchema::migrateIsIdempotent()
{
    QSqlDatabase db = m_connection->database();
    QString error;
    QVERIFY2(JournalSchema::migrate(db, true, &error), qPrintable(error));
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("INSERT INTO event (time_ms, severity, source, kind, message) "
                                  "VALUES (1, 0, 'app', 'plant.loaded', 'x')")));
    m_connection = open();
    QVERIFY(m_connection);
    db = m_connection->database();
    QVERIFY2(JournalSchema::migrate(db, true, &error), qPrintable(error));
    QSqlQuery count(db);
    QVERIFY(count.exec(QStringLiteral("SELECT count(*) FROM event")) && count.next());
    QCOMPARE(count.value(0).toInt(), 1);
}

void TstJournalSchema::newerVersionIsRefused()
{
    QSqlDatabase db = m_connection->database();
    QString error;
    QVERIFY2(JournalSchema::migrate(db, true, &error), qPrintable(error));
    const int newer = JournalSchema::latestVersion() + 1;
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("PRAGMA user_version=%1").arg(newer)));

    QVERIFY(!JournalSchema::migrate(db, true, &error));
    QVERIFY2(error.contains(QStringLiteral("schema version %1, newer than this Vigil supports (%2)")
                                .arg(newer)
                                .arg(JournalSchema::latestVersion())),
             qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("database_url")), qPrintable(error));
    QVERIFY(!JournalSchema::readable(db, true, &error));
    QVERIFY2(error.contains(QStringLiteral("newer")), qPrintable(error));
    // Nothing was touched.
    QCOMPARE(JournalSchema::version(db, true), newer);
}

void TstJournalSchema::readerRefusesAnEmptyDatabase()
{
    QSqlDatabase db = m_connection->database();
    QString error;
    QVERIFY(!JournalSchema::readable(db, true, &error));
    QVERIFY2(error.contains(QStringLiteral("no journal yet")), qPrintable(error));
}

void TstJournalSchema::malformedUrlNamesTheSetting()
{
    QString error;
    QVERIFY(!JournalConnection::parseUrl(QStringLiteral("mysql://u:secret@h/db"), &error));
    QVERIFY2(error.startsWith(QStringLiteral("database_url: ")), qPrintable(error));
    QVERIFY2(!error.contains(QStringLiteral("secret")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TstJournalSchema)
#include "tst_journalschema.moc"
