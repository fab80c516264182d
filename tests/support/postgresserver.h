#pragma once

// A throwaway PostgreSQL server for integration tests: initdb in a temporary directory owned by
// the postgres user (initdb and postgres refuse to run as root), started with pg_ctl listening
// only on a unix socket inside that directory (no TCP port to race for). Fails with a clear message
// when the server binaries are missing.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>

#include <grp.h>
#include <pwd.h>
#include <unistd.h>

namespace vigil::testing
{

class PostgresServer
{
public:
    static constexpr const char *kBin = "/usr/lib/postgresql/15/bin";

    ~PostgresServer() { stop(); }

    // Returns an empty string on success, else what went wrong.
    QString start(const QString &database = QStringLiteral("vigil"))
    {
        const QString bin = QString::fromLatin1(kBin);
        for (const char *tool : {"initdb", "pg_ctl", "createdb"}) {
            if (!QFile::exists(bin + u'/' + QLatin1String(tool)))
                return QStringLiteral("PostgreSQL 15 server binaries not found in %1 (install the "
                                      "postgresql package: scripts/setup.sh)")
                    .arg(bin);
        }
        const passwd *pw = getpwnam("postgres");
        if (!pw)
            return QStringLiteral("there is no 'postgres' user (install postgresql)");
        if (!m_tmp.isValid())
            return QStringLiteral("cannot create a temporary directory");
        m_root = m_tmp.filePath(QStringLiteral("pg"));
        QDir().mkpath(m_root);
        QFile::setPermissions(m_tmp.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                                QFile::ExeGroup | QFile::ExeOther);
        if (::chown(QFile::encodeName(m_root).constData(), pw->pw_uid, pw->pw_gid) != 0)
            return QStringLiteral("cannot hand %1 to the postgres user").arg(m_root);
        m_data = m_root + QStringLiteral("/data");
        QString out;
        if (!runAsPostgres(bin + QStringLiteral("/initdb"),
                           {QStringLiteral("-D"), m_data, QStringLiteral("-U"),
                            QStringLiteral("postgres"), QStringLiteral("--auth=trust"),
                            QStringLiteral("-E"), QStringLiteral("UTF8"),
                            QStringLiteral("--no-sync")},
                           &out))
            return QStringLiteral("initdb failed: ") + out;
        const QString options = QStringLiteral("-p %1 -k %2 -c listen_addresses='' -c fsync=off")
                                    .arg(m_port)
                                    .arg(m_root);
        if (!runAsPostgres(bin + QStringLiteral("/pg_ctl"),
                           {QStringLiteral("-D"), m_data, QStringLiteral("-l"),
                            m_root + QStringLiteral("/server.log"), QStringLiteral("-w"),
                            QStringLiteral("-t"), QStringLiteral("30"), QStringLiteral("-o"),
                            options, QStringLiteral("start")},
                           &out))
            return QStringLiteral("pg_ctl start failed: %1 %2").arg(out, serverLog());
        m_running = true;
        if (!runAsPostgres(bin + QStringLiteral("/createdb"),
                           {QStringLiteral("-h"), m_root, QStringLiteral("-p"),
                            QString::number(m_port), database},
                           &out))
            return QStringLiteral("createdb failed: ") + out;
        m_database = database;
        return QString();
    }

    void stop()
    {
        if (!m_running)
            return;
        runAsPostgres(QString::fromLatin1(kBin) + QStringLiteral("/pg_ctl"),
                      {QStringLiteral("-D"), m_data, QStringLiteral("-m"),
                       QStringLiteral("immediate"), QStringLiteral("stop")},
                      nullptr);
        m_running = false;
    }

    // postgresql://postgres@localhost:PORT/DB?host=SOCKETDIR
    QString url() const
    {
        return QStringLiteral("postgresql://postgres@localhost:%1/%2?host=%3")
            .arg(m_port)
            .arg(m_database, m_root);
    }
    QString serverLog() const
    {
        QFile f(m_root + QStringLiteral("/server.log"));
        return f.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(f.readAll()) : QString();
    }

private:
    static bool runAsPostgres(const QString &program, const QStringList &args, QString *output)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.setWorkingDirectory(QStringLiteral("/"));
        p.start(QStringLiteral("runuser"),
                QStringList{QStringLiteral("-u"), QStringLiteral("postgres"), QStringLiteral("--"),
                            program} +
                    args);
        const bool ok =
            p.waitForFinished(60000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
        if (output)
            *output = QString::fromLocal8Bit(p.readAll());
        return ok;
    }

    QTemporaryDir m_tmp;
    QString m_root;
    QString m_data;
    QString m_database;
    // Without TCP the port only names the socket file in our own directory; any number will do.
    quint16 m_port = 5432;
    bool m_running = false;
};

} // namespace vigil::testing
