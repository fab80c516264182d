#pragma once

#include <QString>

#include <optional>

namespace vigil
{

// Where history is stored, from a history URL:
//   sqlite:/var/lib/vigil/history.db
//   postgresql://user[:password]@host[:port]/database[?host=/unix/socket/dir]
// (a password can also come from PGPASSWORD or ~/.pgpass, as libpq reads them).
class HistoryUrl
{
public:
    enum class Backend {
        Sqlite,
        Postgres
    };

    static std::optional<HistoryUrl> parse(const QString &url, QString *error = nullptr);

    Backend backend() const { return m_backend; }
    bool isSqlite() const { return m_backend == Backend::Sqlite; }
    QString path() const { return m_path; } // SQLite file
    QString host() const { return m_host; } // host name, or a unix socket directory
    int port() const { return m_port; }
    QString user() const { return m_user; }
    QString password() const { return m_password; }
    QString database() const { return m_database; }
    // For messages: the URL without its password.
    QString display() const;

private:
    Backend m_backend = Backend::Sqlite;
    QString m_path;
    QString m_host;
    int m_port = -1;
    QString m_user;
    QString m_password;
    QString m_database;
};

} // namespace vigil
