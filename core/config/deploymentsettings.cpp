#include "deploymentsettings.h"

#include "brokerurl.h"
#include "configreader.h"
#include "diagnostics.h"
#include "util/urlredaction.h"

#include <QDir>
#include <QStandardPaths>
#include <QUrl>

namespace vigil
{

namespace
{

QString defaultDataDir()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return QDir(base.isEmpty() ? QDir::homePath() : base).filePath(QStringLiteral("vigil"));
}

// sqlite:PATH, or postgresql://[user@]host[:port]/database
QString checkDatabaseUrl(const QString &url)
{
    if (url.startsWith(u"sqlite:")) {
        if (url.mid(7).trimmed().isEmpty())
            return QStringLiteral(
                "sqlite URL needs a file path, e.g. sqlite:/var/lib/vigil/history.db");
        return QString();
    }
    const QUrl u(url, QUrl::StrictMode);
    if (u.isValid() && (u.scheme() == u"postgresql" || u.scheme() == u"postgres")) {
        if (u.host().isEmpty() || u.path().size() < 2)
            return QStringLiteral("PostgreSQL URL needs a host and a database, e.g. "
                                  "postgresql://vigil@db.plant.local:5432/vigil");
        return QString();
    }
    return QStringLiteral("'%1' is not a database URL (use sqlite:PATH or "
                          "postgresql://user@host:port/database)")
        .arg(UrlRedaction::redact(url));
}

} // namespace

const std::array<DeploymentSettings::Entry, 4> &DeploymentSettings::entries()
{
    static const std::array<Entry, 4> table{{
        {Key::DataDir, u"data_dir", u"VIGIL_DATA_DIR"},
        {Key::DatabaseUrl, u"database_url", u"VIGIL_DATABASE_URL"},
        {Key::HistoryUrl, u"history_url", u"VIGIL_HISTORY_URL"},
        {Key::BrokerUrl, u"broker_url", u"VIGIL_BROKER_URL"},
    }};
    return table;
}

QString DeploymentSettings::value(Key key) const
{
    return m_values[int(key)];
}

QString DeploymentSettings::origin(Key key) const
{
    return m_origins[int(key)];
}

DeploymentSettings DeploymentSettings::read(ConfigReader *settings, const QProcessEnvironment &env,
                                            Diagnostics &diagnostics, const QString &plantDir)
{
    DeploymentSettings out;
    SourceLocation where[4];
    for (const Entry &e : entries()) {
        const int k = int(e.key);
        const QString tomlKey = QString::fromUtf16(e.tomlKey);
        const QString envName = QString::fromUtf16(e.envName);
        if (settings) {
            const ConfigNode *node = settings->node().member(tomlKey);
            if (const std::optional<QString> v = settings->string(tomlKey)) {
                out.m_values[k] = *v;
                out.m_origins[k] = QStringLiteral("plant file");
                where[k] = node->location;
            }
        }
        if (env.contains(envName)) {
            out.m_values[k] = env.value(envName);
            out.m_origins[k] = envName;
            where[k] = SourceLocation{};
        }
    }

    auto fail = [&](Key key, const QString &message) {
        const int k = int(key);
        if (where[k].isValid())
            diagnostics.error(where[k], QStringLiteral("settings"), message);
        else
            diagnostics.error({}, QStringLiteral("environment %1").arg(out.m_origins[k]), message);
    };

    QString &dataDir = out.m_values[int(Key::DataDir)];
    if (out.m_origins[int(Key::DataDir)].isEmpty()) {
        dataDir = defaultDataDir();
        out.m_origins[int(Key::DataDir)] = QStringLiteral("default");
    } else if (dataDir.trimmed().isEmpty()) {
        fail(Key::DataDir, QStringLiteral("data_dir must not be empty"));
    } else if (dataDir.startsWith(u"~/")) {
        dataDir = QDir::home().filePath(dataDir.mid(2));
    } else if (QDir::isRelativePath(dataDir) && out.m_origins[int(Key::DataDir)] == u"plant file" &&
               !plantDir.isEmpty()) {
        dataDir = QDir::cleanPath(QDir(plantDir).filePath(dataDir));
    }

    const QDir data(dataDir);
    for (Key key : {Key::DatabaseUrl, Key::HistoryUrl}) {
        const int k = int(key);
        if (out.m_origins[k].isEmpty()) {
            const QString file = key == Key::DatabaseUrl ? QStringLiteral("journal.db")
                                                         : QStringLiteral("history.db");
            out.m_values[k] = QStringLiteral("sqlite:") + data.filePath(file);
            out.m_origins[k] = QStringLiteral("default");
        } else if (const QString problem = checkDatabaseUrl(out.m_values[k]); !problem.isEmpty()) {
            fail(key, problem);
        } else if (out.m_values[k].startsWith(u"sqlite:") && out.m_origins[k] == u"plant file" &&
                   !plantDir.isEmpty() && QDir::isRelativePath(out.m_values[k].mid(7))) {
            out.m_values[k] = QStringLiteral("sqlite:") +
                              QDir::cleanPath(QDir(plantDir).filePath(out.m_values[k].mid(7)));
        }
    }
    const int b = int(Key::BrokerUrl);
    if (out.m_origins[b].isEmpty()) {
        out.m_values[b] = QStringLiteral("mqtt://127.0.0.1:1883");
        out.m_origins[b] = QStringLiteral("default");
    } else if (const QString problem = checkBrokerUrl(out.m_values[b]); !problem.isEmpty()) {
        fail(Key::BrokerUrl, problem);
    }
    return out;
}

} // namespace vigil
