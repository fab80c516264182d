#pragma once

#include "historyurl.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

namespace vigil
{

// One database connection of the historian, owned by the thread that created it (QtSql
// connections must be used on their thread only). Each gets a unique connection name.
class HistoryConnection
{
public:
    enum class Role {
        Writer,
        Reader
    };

    // How a database other than history.db (journal.db) differs: its connection names, its
    // PostgreSQL application name and whether each commit is synced to disk before it returns.
    struct Profile {
        QString name = QStringLiteral("history");
        bool fullSync = false; // SQLite synchronous=FULL instead of NORMAL
    };

    HistoryConnection(HistoryUrl url, Role role); // history.db's profile
    HistoryConnection(HistoryUrl url, Role role, Profile profile);
    ~HistoryConnection();
    HistoryConnection(const HistoryConnection &) = delete;
    HistoryConnection &operator=(const HistoryConnection &) = delete;

    // Opens the connection and applies the connection settings (SQLite: WAL,
    // synchronous=NORMAL or FULL as the profile says, busy timeout). The schema is the owner's
    // business (HistorySchema, JournalSchema).
    bool open(QString *error);
    void close();
    bool isOpen() const;

    QSqlDatabase database() const { return QSqlDatabase::database(m_name, false); }
    const HistoryUrl &url() const { return m_url; }
    bool isSqlite() const { return m_url.isSqlite(); }

    // SQLite result codes that mean the file is not (or no longer) a sound database.
    static bool isCorruption(const QSqlError &error);
    // The same, from an error message.
    static bool looksCorrupt(const QString &message);

private:
    HistoryUrl m_url;
    Role m_role;
    Profile m_profile;
    QString m_name;
};

} // namespace vigil
