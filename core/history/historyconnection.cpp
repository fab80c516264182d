#include "historyconnection.h"

#include "historylog.h"
#include "util/privatefiles.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlQuery>

#include <atomic>

namespace vigil
{

namespace
{

std::atomic<int> g_connectionCounter{0};

bool exec(QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    if (error)
        *error = QStringLiteral("%1: %2").arg(sql, q.lastError().text());
    return false;
}

} // namespace

HistoryConnection::HistoryConnection(HistoryUrl url, Role role)
    : HistoryConnection(std::move(url), role, Profile{})
{
}

HistoryConnection::HistoryConnection(HistoryUrl url, Role role, Profile profile)
    : m_url(std::move(url))
    , m_role(role)
    , m_profile(std::move(profile))
    , m_name(QStringLiteral("vigil.%1.%2.%3")
                 .arg(m_profile.name, role == Role::Writer ? u"writer" : u"reader")
                 .arg(++g_connectionCounter))
{
}

HistoryConnection::~HistoryConnection()
{
    close();
}

bool HistoryConnection::open(QString *error)
{
    close();
    QSqlDatabase db;
    if (m_url.isSqlite()) {
        // The writer creates the database private to Vigil's user; SQLite gives the -wal and
        // -shm files the database file's mode.
        if (m_role == Role::Writer &&
            (!PrivateFiles::makeDirectory(QFileInfo(m_url.path()).absolutePath(), error) ||
             !PrivateFiles::createFile(m_url.path(), error)))
            return false;
        if (m_role == Role::Writer) {
            for (const char *suffix : {"-wal", "-shm"})
                PrivateFiles::makePrivate(m_url.path() + QLatin1String(suffix));
        }
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(m_url.path());
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    } else {
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_name);
        db.setHostName(m_url.host());
        if (m_url.port() > 0)
            db.setPort(m_url.port());
        db.setUserName(m_url.user());
        db.setPassword(m_url.password());
        db.setDatabaseName(m_url.database());
        db.setConnectOptions(
            QStringLiteral("connect_timeout=5;application_name=vigil-%1").arg(m_profile.name));
    }
    if (!db.isValid()) {
        if (error)
            *error = QStringLiteral("the Qt SQL driver for %1 is not installed")
                         .arg(m_url.isSqlite() ? u"SQLite (QSQLITE)" : u"PostgreSQL (QPSQL)");
        return false;
    }
    if (!db.open()) {
        if (error)
            *error =
                QStringLiteral("cannot open %1: %2").arg(m_url.display(), db.lastError().text());
        return false;
    }
    if (m_url.isSqlite()) {
        // A reader must not create the file, but QSQLITE does: tolerate an empty database.
        QString problem;
        if (!exec(db, QStringLiteral("PRAGMA journal_mode=WAL"), &problem) ||
            !exec(db,
                  m_profile.fullSync ? QStringLiteral("PRAGMA synchronous=FULL")
                                     : QStringLiteral("PRAGMA synchronous=NORMAL"),
                  &problem) ||
            !exec(db, QStringLiteral("PRAGMA wal_autocheckpoint=4000"), &problem)) {
            if (error)
                *error = problem;
            return false;
        }
    }
    qCDebug(lcHistory) << "opened" << m_name << m_url.display();
    return true;
}

void HistoryConnection::close()
{
    if (!QSqlDatabase::contains(m_name))
        return;
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
}

bool HistoryConnection::isOpen() const
{
    return QSqlDatabase::contains(m_name) && database().isOpen();
}

bool HistoryConnection::isCorruption(const QSqlError &error)
{
    const QString code = error.nativeErrorCode();
    // SQLITE_CORRUPT (11) and SQLITE_NOTADB (26), also as extended codes (low byte).
    bool ok = false;
    const int n = code.toInt(&ok);
    if (ok && ((n & 0xFF) == 11 || (n & 0xFF) == 26))
        return true;
    return looksCorrupt(error.text());
}

bool HistoryConnection::looksCorrupt(const QString &message)
{
    return message.contains(u"malformed") || message.contains(u"not a database");
}

} // namespace vigil
