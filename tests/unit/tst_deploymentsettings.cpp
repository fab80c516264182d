// DeploymentSettings: where an installation keeps its data and which database and broker it
// uses. Values come from [settings] of the plant file, VIGIL_* environment variables override
// them, and anything left unset gets a default. A bad value is an error that names its origin:
// the plant file's line and column, or the environment variable.

#include "config/configreader.h"
#include "config/deploymentsettings.h"
#include "config/diagnostics.h"
#include "config/tomldocument.h"

#include <QtTest>

using namespace vigil;
using Key = DeploymentSettings::Key;

Q_DECLARE_METATYPE(DeploymentSettings::Key)

namespace
{

const QString kPlant = QStringLiteral("plant.toml");

// Reads settings the way the plant loader does: from the [settings] table of a TOML text.
DeploymentSettings readFromToml(const QByteArray &toml, const QProcessEnvironment &env,
                                Diagnostics &diag, const QString &plantDir = QString())
{
    const std::optional<ConfigNode> root = TomlDocument::parse(toml, kPlant, diag);
    if (!root || !root->member(u"settings")) {
        qWarning("test plant text has no [settings] table");
        return {};
    }
    ConfigReader reader(*root->member(u"settings"), QStringLiteral("settings"), diag);
    DeploymentSettings settings = DeploymentSettings::read(&reader, env, diag, plantDir);
    reader.finish();
    return settings;
}

QProcessEnvironment environment(std::initializer_list<std::pair<QString, QString>> vars)
{
    QProcessEnvironment env;
    for (const auto &[name, value] : vars)
        env.insert(name, value);
    return env;
}

QString expectedDefaultDataDir()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("vigil"));
}

const QByteArray kFullSettings = "[settings]\n"
                                 "data_dir = \"/srv/vigil\"\n"
                                 "database_url = \"postgresql://vigil@db.plant.local:5432/vigil\"\n"
                                 "history_url = \"sqlite:/var/lib/vigil/history.db\"\n"
                                 "broker_url = \"mqtts://broker.plant.local:8883\"\n";

} // namespace

class TstDeploymentSettings : public QObject
{
    Q_OBJECT

private slots:
    void relativePathsInThePlantFileFollowThePlantFile();
    void initTestCase();
    void defaultsWithoutSettingsOrEnvironment();
    void readsEveryValueFromThePlantFile();
    void databaseDefaultsFollowTheDataDirectory();
    void environmentOverridesThePlantFile_data();
    void environmentOverridesThePlantFile();
    void environmentWorksWithoutASettingsTable();
    void environmentDataDirectoryMovesTheDefaultDatabases();
    void expandsTildeInTheDataDirectory();
    void acceptsValidUrls_data();
    void acceptsValidUrls();
    void badEnvironmentValuesNameTheVariable_data();
    void badEnvironmentValuesNameTheVariable();
    void badPlantFileValuesNameFileLineAndColumn_data();
    void badPlantFileValuesNameFileLineAndColumn();
    void environmentReplacesABadPlantFileValue();
    void wrongTypeInThePlantFileIsAnErrorAndFallsBackToTheDefault();
    void reportsEveryBadValueAtOnce();
    void badUrlsAreReportedWithoutTheirPassword();
};

void TstDeploymentSettings::initTestCase()
{
    // Keep the default data directory away from the real user's.
    QStandardPaths::setTestModeEnabled(true);
}

void TstDeploymentSettings::defaultsWithoutSettingsOrEnvironment()
{
    Diagnostics diag;
    const DeploymentSettings s = DeploymentSettings::read(nullptr, QProcessEnvironment(), diag);
    QCOMPARE(diag.items().size(), 0);

    const QString dataDir = expectedDefaultDataDir();
    QVERIFY(QDir::isAbsolutePath(dataDir));
    QCOMPARE(s.dataDir(), dataDir);
    QCOMPARE(s.databaseUrl(), QStringLiteral("sqlite:") + dataDir + QStringLiteral("/journal.db"));
    QCOMPARE(s.historyUrl(), QStringLiteral("sqlite:") + dataDir + QStringLiteral("/history.db"));
    QCOMPARE(s.brokerUrl(), QStringLiteral("mqtt://127.0.0.1:1883"));
    for (const DeploymentSettings::Entry &e : DeploymentSettings::entries())
        QCOMPARE(s.origin(e.key), QStringLiteral("default"));
}

void TstDeploymentSettings::readsEveryValueFromThePlantFile()
{
    Diagnostics diag;
    const DeploymentSettings s = readFromToml(kFullSettings, QProcessEnvironment(), diag);
    QCOMPARE(diag.toStringList(), QStringList());
    QCOMPARE(s.dataDir(), QStringLiteral("/srv/vigil"));
    QCOMPARE(s.databaseUrl(), QStringLiteral("postgresql://vigil@db.plant.local:5432/vigil"));
    QCOMPARE(s.historyUrl(), QStringLiteral("sqlite:/var/lib/vigil/history.db"));
    QCOMPARE(s.brokerUrl(), QStringLiteral("mqtts://broker.plant.local:8883"));
    for (const DeploymentSettings::Entry &e : DeploymentSettings::entries())
        QCOMPARE(s.origin(e.key), QStringLiteral("plant file"));
}

void TstDeploymentSettings::databaseDefaultsFollowTheDataDirectory()
{
    Diagnostics diag;
    const DeploymentSettings s =
        readFromToml("[settings]\ndata_dir = \"/srv/vigil\"\n", QProcessEnvironment(), diag);
    QCOMPARE(diag.toStringList(), QStringList());
    QCOMPARE(s.origin(Key::DataDir), QStringLiteral("plant file"));
    QCOMPARE(s.databaseUrl(), QStringLiteral("sqlite:/srv/vigil/journal.db"));
    QCOMPARE(s.origin(Key::DatabaseUrl), QStringLiteral("default"));
    QCOMPARE(s.historyUrl(), QStringLiteral("sqlite:/srv/vigil/history.db"));
    QCOMPARE(s.origin(Key::HistoryUrl), QStringLiteral("default"));
    QCOMPARE(s.brokerUrl(), QStringLiteral("mqtt://127.0.0.1:1883"));
}

void TstDeploymentSettings::environmentOverridesThePlantFile_data()
{
    QTest::addColumn<DeploymentSettings::Key>("key");
    QTest::addColumn<QString>("variable");
    QTest::addColumn<QString>("value");

    QTest::newRow("data dir") << Key::DataDir << "VIGIL_DATA_DIR"
                              << "/data/station2";
    QTest::newRow("database") << Key::DatabaseUrl << "VIGIL_DATABASE_URL"
                              << "postgresql://hmi@10.1.2.3:5433/journal";
    QTest::newRow("history") << Key::HistoryUrl << "VIGIL_HISTORY_URL"
                             << "postgres://hmi@10.1.2.3/history";
    QTest::newRow("broker") << Key::BrokerUrl << "VIGIL_BROKER_URL"
                            << "mqtt://10.1.2.4:1884";
}

void TstDeploymentSettings::environmentOverridesThePlantFile()
{
    QFETCH(DeploymentSettings::Key, key);
    QFETCH(QString, variable);
    QFETCH(QString, value);

    Diagnostics diag;
    const DeploymentSettings s =
        readFromToml(kFullSettings, environment({{variable, value}}), diag);
    QCOMPARE(diag.toStringList(), QStringList());
    QCOMPARE(s.value(key), value);
    QCOMPARE(s.origin(key), variable);
    // The other values still come from the plant file.
    for (const DeploymentSettings::Entry &e : DeploymentSettings::entries()) {
        if (e.key != key)
            QCOMPARE(s.origin(e.key), QStringLiteral("plant file"));
    }
}

void TstDeploymentSettings::environmentWorksWithoutASettingsTable()
{
    Diagnostics diag;
    const DeploymentSettings s = DeploymentSettings::read(
        nullptr, environment({{"VIGIL_BROKER_URL", "mqtt://broker.local:1883"}}), diag);
    QCOMPARE(diag.toStringList(), QStringList());
    QCOMPARE(s.brokerUrl(), QStringLiteral("mqtt://broker.local:1883"));
    QCOMPARE(s.origin(Key::BrokerUrl), QStringLiteral("VIGIL_BROKER_URL"));
    QCOMPARE(s.origin(Key::DataDir), QStringLiteral("default"));
}

void TstDeploymentSettings::environmentDataDirectoryMovesTheDefaultDatabases()
{
    Diagnostics diag;
    const DeploymentSettings s =
        readFromToml("[settings]\ndata_dir = \"/srv/vigil\"\n",
                     environment({{"VIGIL_DATA_DIR", "/mnt/usb/vigil"}}), diag);
    QCOMPARE(diag.toStringList(), QStringList());
    QCOMPARE(s.dataDir(), QStringLiteral("/mnt/usb/vigil"));
    QCOMPARE(s.databaseUrl(), QStringLiteral("sqlite:/mnt/usb/vigil/journal.db"));
    QCOMPARE(s.historyUrl(), QStringLiteral("sqlite:/mnt/usb/vigil/history.db"));
}

void TstDeploymentSettings::expandsTildeInTheDataDirectory()
{
    const QString expected = QDir::home().filePath(QStringLiteral(".local/share/vigil/demo"));
    {
        Diagnostics diag;
        const DeploymentSettings s = readFromToml(
            "[settings]\ndata_dir = \"~/.local/share/vigil/demo\"\n", QProcessEnvironment(), diag);
        QCOMPARE(diag.toStringList(), QStringList());
        QCOMPARE(s.dataDir(), expected);
        QCOMPARE(s.historyUrl(),
                 QStringLiteral("sqlite:") + expected + QStringLiteral("/history.db"));
    }
    {
        Diagnostics diag;
        const DeploymentSettings s = DeploymentSettings::read(
            nullptr, environment({{"VIGIL_DATA_DIR", "~/.local/share/vigil/demo"}}), diag);
        QCOMPARE(diag.toStringList(), QStringList());
        QCOMPARE(s.dataDir(), expected);
    }
}

void TstDeploymentSettings::acceptsValidUrls_data()
{
    QTest::addColumn<QString>("variable");
    QTest::addColumn<QString>("value");

    QTest::newRow("sqlite absolute") << "VIGIL_DATABASE_URL"
                                     << "sqlite:/var/lib/vigil/journal.db";
    QTest::newRow("sqlite relative") << "VIGIL_HISTORY_URL"
                                     << "sqlite:history.db";
    QTest::newRow("postgresql with user and port")
        << "VIGIL_DATABASE_URL"
        << "postgresql://vigil@db.plant.local:5432/vigil";
    QTest::newRow("postgres scheme") << "VIGIL_HISTORY_URL"
                                     << "postgres://db/history";
    QTest::newRow("mqtt with port") << "VIGIL_BROKER_URL"
                                    << "mqtt://broker:1883";
    QTest::newRow("mqtt without port") << "VIGIL_BROKER_URL"
                                       << "mqtt://10.0.0.5";
    QTest::newRow("mqtts") << "VIGIL_BROKER_URL"
                           << "mqtts://broker.plant.local:8883";
    QTest::newRow("highest port") << "VIGIL_BROKER_URL"
                                  << "mqtt://broker:65535";
}

void TstDeploymentSettings::acceptsValidUrls()
{
    QFETCH(QString, variable);
    QFETCH(QString, value);
    Diagnostics diag;
    const DeploymentSettings s =
        DeploymentSettings::read(nullptr, environment({{variable, value}}), diag);
    QCOMPARE(diag.toStringList(), QStringList());
    bool found = false;
    for (const DeploymentSettings::Entry &e : DeploymentSettings::entries()) {
        if (QStringView(e.envName) == variable) {
            QCOMPARE(s.value(e.key), value);
            found = true;
        }
    }
    QVERIFY(found);
}

void TstDeploymentSettings::badEnvironmentValuesNameTheVariable_data()
{
    QTest::addColumn<QString>("variable");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("message");

    const QString notDatabase = QStringLiteral("is not a database URL (use sqlite:PATH or "
                                               "postgresql://user@host:port/database)");
    const QString notBroker =
        QStringLiteral("is not a broker URL (use mqtt://host:port or mqtts://host:port)");
    const QString pgNeeds = QStringLiteral("PostgreSQL URL needs a host and a database, e.g. "
                                           "postgresql://vigil@db.plant.local:5432/vigil");

    QTest::newRow("empty data dir") << "VIGIL_DATA_DIR"
                                    << ""
                                    << "environment VIGIL_DATA_DIR: data_dir must not be empty";
    QTest::newRow("blank data dir") << "VIGIL_DATA_DIR"
                                    << "   "
                                    << "environment VIGIL_DATA_DIR: data_dir must not be empty";
    QTest::newRow("unknown database scheme")
        << "VIGIL_DATABASE_URL"
        << "mysql://db/vigil"
        << "environment VIGIL_DATABASE_URL: 'mysql://db/vigil' " + notDatabase;
    QTest::newRow("plain path as database")
        << "VIGIL_DATABASE_URL"
        << "/var/lib/vigil/journal.db"
        << "environment VIGIL_DATABASE_URL: '/var/lib/vigil/journal.db' " + notDatabase;
    QTest::newRow("sqlite without path")
        << "VIGIL_HISTORY_URL"
        << "sqlite:"
        << "environment VIGIL_HISTORY_URL: sqlite URL needs a file path, e.g. "
           "sqlite:/var/lib/vigil/history.db";
    QTest::newRow("postgresql without database") << "VIGIL_HISTORY_URL"
                                                 << "postgresql://db.plant.local:5432"
                                                 << "environment VIGIL_HISTORY_URL: " + pgNeeds;
    QTest::newRow("postgresql with empty database") << "VIGIL_DATABASE_URL"
                                                    << "postgresql://db.plant.local/"
                                                    << "environment VIGIL_DATABASE_URL: " + pgNeeds;
    QTest::newRow("postgresql without host") << "VIGIL_DATABASE_URL"
                                             << "postgresql:///vigil"
                                             << "environment VIGIL_DATABASE_URL: " + pgNeeds;
    QTest::newRow("tcp broker") << "VIGIL_BROKER_URL"
                                << "tcp://broker:1883"
                                << "environment VIGIL_BROKER_URL: 'tcp://broker:1883' " + notBroker;
    QTest::newRow("broker without scheme")
        << "VIGIL_BROKER_URL"
        << "broker.plant.local"
        << "environment VIGIL_BROKER_URL: 'broker.plant.local' " + notBroker;
    QTest::newRow("broker without host") << "VIGIL_BROKER_URL"
                                         << "mqtt://"
                                         << "environment VIGIL_BROKER_URL: 'mqtt://' " + notBroker;
    QTest::newRow("broker port zero")
        << "VIGIL_BROKER_URL"
        << "mqtt://broker:0"
        << "environment VIGIL_BROKER_URL: broker port must be between 1 and 65535";
    QTest::newRow("broker port too large")
        << "VIGIL_BROKER_URL"
        << "mqtt://broker:70000"
        << "environment VIGIL_BROKER_URL: 'mqtt://broker:70000' " + notBroker;
    // The driver would connect without the credentials (or to host "" forever); the message
    // must not repeat the password.
    QTest::newRow("broker with user and password")
        << "VIGIL_BROKER_URL"
        << "mqtt://op:s3cret@broker:1883"
        << "environment VIGIL_BROKER_URL: broker URL mqtt://broker:1883 must not contain a user "
           "name or password: set username and password_file (or password_env) on the device";
    QTest::newRow("broker with user")
        << "VIGIL_BROKER_URL"
        << "mqtts://op@broker"
        << "environment VIGIL_BROKER_URL: broker URL mqtts://broker must not contain a user name "
           "or password: set username and password_file (or password_env) on the device";
    QTest::newRow("broker with path")
        << "VIGIL_BROKER_URL"
        << "mqtt://broker:1883/plant"
        << "environment VIGIL_BROKER_URL: broker URL 'mqtt://broker:1883/plant' must not have a "
           "path, query or fragment (use mqtt://host:port or mqtts://host:port)";
    QTest::newRow("broker with query")
        << "VIGIL_BROKER_URL"
        << "mqtt://broker:1883?tls=1"
        << "environment VIGIL_BROKER_URL: broker URL 'mqtt://broker:1883?tls=1' must not have a "
           "path, query or fragment (use mqtt://host:port or mqtts://host:port)";
}

void TstDeploymentSettings::badEnvironmentValuesNameTheVariable()
{
    QFETCH(QString, variable);
    QFETCH(QString, value);
    QFETCH(QString, message);
    Diagnostics diag;
    // The plant file's values are fine; only the environment is wrong.
    readFromToml(kFullSettings, environment({{variable, value}}), diag);
    QCOMPARE(diag.toStringList(), QStringList{message});
    QCOMPARE(diag.errorCount(), 1);
}

void TstDeploymentSettings::badUrlsAreReportedWithoutTheirPassword()
{
    Diagnostics diag;
    readFromToml(kFullSettings,
                 environment({{QStringLiteral("VIGIL_HISTORY_URL"),
                               QStringLiteral("mysql://vigil:s3cret@db/history")},
                              {QStringLiteral("VIGIL_BROKER_URL"),
                               QStringLiteral("tcp://panel:hunter2@broker:1883")}}),
                 diag);
    const QString messages = diag.toStringList().join(u'\n');
    QCOMPARE(diag.errorCount(), 2);
    QVERIFY2(messages.contains(u"mysql://vigil:***@db/history"), qPrintable(messages));
    QVERIFY2(messages.contains(u"tcp://panel:***@broker:1883"), qPrintable(messages));
    QVERIFY2(!messages.contains(u"s3cret") && !messages.contains(u"hunter2"), qPrintable(messages));
}

void TstDeploymentSettings::badPlantFileValuesNameFileLineAndColumn_data()
{
    QTest::addColumn<QByteArray>("toml");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty data dir") << QByteArray("[settings]\ndata_dir = \"\"\n")
                                    << "plant.toml:2:12: settings: data_dir must not be empty";
    QTest::newRow("bad database url")
        << QByteArray("[settings]\n"
                      "data_dir = \"/srv/vigil\"\n"
                      "database_url = \"mysql://db/vigil\"\n")
        << "plant.toml:3:16: settings: 'mysql://db/vigil' is not a database URL (use "
           "sqlite:PATH or postgresql://user@host:port/database)";
    QTest::newRow("sqlite without path")
        << QByteArray("[settings]\n"
                      "\n"
                      "history_url = \"sqlite:  \"\n")
        << "plant.toml:3:15: settings: sqlite URL needs a file path, e.g. "
           "sqlite:/var/lib/vigil/history.db";
    QTest::newRow("bad broker url") << QByteArray("[settings]\n"
                                                  "  broker_url = \"localhost:1883\"\n")
                                    << "plant.toml:2:16: settings: 'localhost:1883' is not a "
                                       "broker URL (use mqtt://host:port or mqtts://host:port)";
}

void TstDeploymentSettings::badPlantFileValuesNameFileLineAndColumn()
{
    QFETCH(QByteArray, toml);
    QFETCH(QString, message);
    Diagnostics diag;
    readFromToml(toml, QProcessEnvironment(), diag);
    QCOMPARE(diag.toStringList(), QStringList{message});
}

void TstDeploymentSettings::environmentReplacesABadPlantFileValue()
{
    // Only the value in effect is checked: a station whose environment points elsewhere must not
    // fail because of the plant file's value.
    Diagnostics diag;
    const DeploymentSettings s =
        readFromToml("[settings]\nbroker_url = \"tcp://old-broker\"\n",
                     environment({{"VIGIL_BROKER_URL", "mqtt://new-broker:1883"}}), diag);
    QCOMPARE(diag.toStringList(), QStringList());
    QCOMPARE(s.brokerUrl(), QStringLiteral("mqtt://new-broker:1883"));
}

void TstDeploymentSettings::wrongTypeInThePlantFileIsAnErrorAndFallsBackToTheDefault()
{
    Diagnostics diag;
    const DeploymentSettings s =
        readFromToml("[settings]\ndata_dir = 42\nbroker_url = true\n", QProcessEnvironment(), diag);
    QCOMPARE(
        diag.toStringList(),
        QStringList({"plant.toml:2:12: settings: 'data_dir' must be a string, got integer",
                     "plant.toml:3:14: settings: 'broker_url' must be a string, got boolean"}));
    QCOMPARE(s.dataDir(), expectedDefaultDataDir());
    QCOMPARE(s.origin(Key::DataDir), QStringLiteral("default"));
}

void TstDeploymentSettings::reportsEveryBadValueAtOnce()
{
    Diagnostics diag;
    readFromToml("[settings]\n"
                 "database_url = \"journal.db\"\n"
                 "broker_url = \"mqtt://broker:0\"\n",
                 environment({{"VIGIL_HISTORY_URL", "sqlite:"}}), diag);
    QCOMPARE(diag.errorCount(), 3);
    QVERIFY(diag.contains(QStringLiteral("plant.toml:2:16: settings: 'journal.db' is not a "
                                         "database URL")));
    QVERIFY(diag.contains(QStringLiteral("environment VIGIL_HISTORY_URL: sqlite URL needs a "
                                         "file path")));
    QVERIFY(diag.contains(
        QStringLiteral("plant.toml:3:14: settings: broker port must be between 1 and 65535")));
}

void TstDeploymentSettings::relativePathsInThePlantFileFollowThePlantFile()
{
    Diagnostics diag;
    const QByteArray toml = "[settings]\n"
                            "data_dir = \"data\"\n"
                            "history_url = \"sqlite:../hist/history.db\"\n";
    const DeploymentSettings s = readFromToml(toml, QProcessEnvironment(), diag, "/etc/vigil/site");
    QVERIFY2(!diag.hasErrors(), qPrintable(diag.toStringList().join(u'\n')));
    QCOMPARE(s.dataDir(), QStringLiteral("/etc/vigil/site/data"));
    QCOMPARE(s.historyUrl(), QStringLiteral("sqlite:/etc/vigil/hist/history.db"));
    QCOMPARE(s.databaseUrl(), QStringLiteral("sqlite:/etc/vigil/site/data/journal.db"));

    // From the environment, relative paths stay relative to the working directory.
    const DeploymentSettings e =
        readFromToml(toml, environment({{QStringLiteral("VIGIL_DATA_DIR"), QStringLiteral("rel")}}),
                     diag, "/etc/vigil/site");
    QCOMPARE(e.dataDir(), QStringLiteral("rel"));
}

QTEST_GUILESS_MAIN(TstDeploymentSettings)
#include "tst_deploymentsettings.moc"
