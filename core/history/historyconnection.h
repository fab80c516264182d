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

    HistoryConnection(HistoryUrl url, Role role);
    ~HistoryConnection();
    HistoryConnection(const HistoryConnection &) = delete;
    HistoryConnection &operator=(const HistoryConnection &) = delete;

    // Opens the connection and applies the connection settings (SQLite: WAL,
    // synchronous=NORMAL, busy timeout). The schema is HistorySchema's business.
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
    QString m_name;
};

} // namespace vigil
