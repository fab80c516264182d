#pragma once

#include "history/historyconnection.h"
#include "history/historyurl.h"

#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace vigil
{

// One connection to journal.db (the alarm journal, the events and the restorable alarm states),
// owned by the thread that created it. Same URLs and backends as history (sqlite:PATH,
// postgresql://…), but every commit is synced before it returns (SQLite WAL with
// synchronous=FULL): an acknowledge the writer has committed survives a power cut.
class JournalConnection
{
public:
    using Role = HistoryConnection::Role;

    JournalConnection(HistoryUrl url, Role role);

    // The deployment's database_url, with a message naming the setting when it is malformed.
    static std::optional<HistoryUrl> parseUrl(const QString &url, QString *error);

    bool open(QString *error);
    void close() { m_connection.close(); }
    bool isOpen() const { return m_connection.isOpen(); }
    QSqlDatabase database() const { return m_connection.database(); }
    const HistoryUrl &url() const { return m_connection.url(); }
    bool isSqlite() const { return m_connection.isSqlite(); }

private:
    HistoryConnection m_connection;
};

} // namespace vigil
