// Validation of MQTT devices and tag mappings through the plant loader, as `vigil
// --check-config` runs it: every problem with its file:line:column.

#include "builtindrivers.h"
#include "config/plantloader.h"
#include "driverregistry.h"
#include "mqtt/mqttdevicesettings.h"

#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

class TestMqttConfig : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    DriverRegistry m_registry;
    int m_counter = 0;

    // A plant with one mqtt device (extra device keys) and one tag (extra tag keys).
    PlantLoader::Result load(const QString &deviceKeys, const QString &tagKeys,
                             const QString &settings = QString(),
                             QProcessEnvironment env = QProcessEnvironment())
    {
        const QString path = m_dir.filePath(QStringLiteral("plant%1.toml").arg(++m_counter));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(QStringLiteral("[plant]\nname = \"t\"\n%1\n[[devices]]\nid = \"mq\"\ndriver = "
                               "\"mqtt\"\n%2\n\n[[tags]]\nid = \"T1\"\ndevice = \"mq\"\n%3\n")
                    .arg(settings, deviceKeys, tagKeys)
                    .toUtf8());
        f.close();
        return PlantLoader(m_registry, env).load(path);
    }

    static QString numericTag(const QString &address, const QString &more = QString())
    {
        return QStringLiteral("address = \"%1\"\ntype = \"float64\"\nunit = \"u\"\nrange = [0, "
                              "1]\n%2")
            .arg(address, more);
    }

private slots:
    void initTestCase() { registerBuiltinDrivers(m_registry); }

    void validDevice()
    {
        const QString pw = m_dir.filePath(QStringLiteral("pw"));
        QFile f(pw);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("secret\n");
        f.close();
        QVERIFY(f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        const PlantLoader::Result r =
            load(QStringLiteral("broker = \"mqtt://localhost:1884\"\nclient_id = \"hmi-1\"\n"
                                "mqtt_version = \"3.1.1\"\nkeepalive = \"20s\"\nclean_session = "
                                "false\nusername = \"vigil\"\npassword_file = \"pw\"\n"
                                "subscriptions = [\"plant/#\", { topic = \"other/+\", qos = 0 }]\n"
                                "status_topic = \"hmi/status\"\nreconnect_min = \"1s\"\n"
                                "reconnect_max = \"1m\"\nwrite_timeout = \"3s\"\n"
                                "max_payload_bytes = 4096"),
                 numericTag(QStringLiteral("plant/+/temp"),
                            QStringLiteral("writable = true\nwrite_limits = [0, 1]\noptions = { "
                                           "path = \"v\", timestamp = \"ts\", stale_after = "
                                           "\"30s\", command_topic = \"plant/cmd\", "
                                           "command_format = \"json\", command_template = "
                                           "'{\"sp\": ${value}}' }")));
        QVERIFY2(r.plant, qPrintable(r.diagnostics.toStringList().join(u'\n')));
        QCOMPARE(r.diagnostics.warningCount(), 0);
    }

    void errors_data()
    {
        QTest::addColumn<QString>("deviceKeys");
        QTest::addColumn<QString>("tagKeys");
        QTest::addColumn<QString>("expected"); // ":line:col: object: message" fragment
        const QString ok = numericTag(QStringLiteral("plant/t"));
        // The device's first extra key is on line 7; the tag's address on line 12 (after one
        // line of device keys).
        QTest::newRow("unknown device key")
            << "brokr = \"mqtt://127.0.0.1\"" << ok << ":7:1: device 'mq': unknown key 'brokr'";
        QTest::newRow("bad broker URL")
            << "broker = \"tcp://127.0.0.1:1883\"" << ok
            << ":7:10: device 'mq': 'tcp://127.0.0.1:1883' is not a broker URL";
        QTest::newRow("inline password")
            << "username = \"u\"\npassword = \"x\"" << ok
            << ":8:12: device 'mq': passwords are not written in the plant file";
        QTest::newRow("password file missing")
            << "username = \"u\"\npassword_file = \"nope.txt\"" << ok << "password file";
        QTest::newRow("both password sources")
            << "username = \"u\"\npassword_env = \"A\"\npassword_file = \"/etc/hostname\"" << ok
            << "either password_file or password_env";
        QTest::newRow("password without user")
            << "password_env = \"PATH\"" << ok << "a password needs a username";
        QTest::newRow("mqtt version")
            << "mqtt_version = \"4\"" << ok << "'mqtt_version' must be one of 3.1.1, 5";
        QTest::newRow("keepalive too short")
            << "keepalive = \"2s\"" << ok << "'keepalive' must be between 10 s";
        QTest::newRow("ca_file without TLS")
            << "broker = \"mqtt://127.0.0.1:1883\"\nca_file = \"/etc/hostname\"" << ok
            << ":8:11: device 'mq': ca_file needs TLS";
        QTest::newRow("cert without key")
            << "broker = \"mqtts://127.0.0.1\"\ncert_file = \"/etc/hostname\"" << ok
            << "needs both cert_file and key_file";
        QTest::newRow("missing CA file")
            << "broker = \"mqtts://127.0.0.1\"\nca_file = \"ca.pem\"" << ok << "ca_file '";
        QTest::newRow("insecure remote")
            << "broker = \"mqtt://broker.plant.local:1883\"" << ok
            << ":7:10: device 'mq': broker 'mqtt://broker.plant.local:1883' is plain MQTT (no TLS) "
               "to the non-loopback host";
        QTest::newRow("bad subscription")
            << "subscriptions = [\"a/#/b\"]" << ok << "subscription: in 'a/#/b'";
        QTest::newRow("subscription does not cover tag")
            << "subscriptions = [\"other/#\"]" << ok
            << ":12:11: tag 'T1': topic 'plant/t' is not covered by the subscriptions";
        QTest::newRow("reconnect order") << "reconnect_min = \"5s\"\nreconnect_max = \"1s\"" << ok
                                         << "reconnect_max must not be shorter";
        QTest::newRow("bad topic filter")
            << "" << numericTag(QStringLiteral("plant/#/x"))
            << ":12:11: tag 'T1': address must be an MQTT topic filter";
        QTest::newRow("path needs json")
            << ""
            << numericTag(QStringLiteral("p"),
                          QStringLiteral("options = { format = \"plain\", path = \"a\" }"))
            << "'path' needs format = \"json\"";
        QTest::newRow("bad path") << ""
                                  << numericTag(QStringLiteral("p"),
                                                QStringLiteral("options = { path = \"a..b\" }"))
                                  << "invalid field path 'a..b'";
        QTest::newRow("timestamp needs json")
            << ""
            << numericTag(QStringLiteral("p"), QStringLiteral("options = { timestamp = \"ts\" }"))
            << "'timestamp' names a JSON field";
        QTest::newRow("unknown option")
            << "" << numericTag(QStringLiteral("p"), QStringLiteral("options = { pth = \"a\" }"))
            << "unknown key 'pth' (did you mean 'path'?)";
        QTest::newRow("timestamp unit")
            << ""
            << numericTag(QStringLiteral("p"),
                          QStringLiteral("options = { path = \"v\", timestamp = \"ts\", "
                                         "timestamp_unit = \"sec\" }"))
            << "timestamp_unit";
        QTest::newRow("timestamp window without timestamp")
            << ""
            << numericTag(
                   QStringLiteral("p"),
                   QStringLiteral("options = { path = \"v\", timestamp_max_ahead = \"5s\" }"))
            << "'timestamp_max_ahead' needs a 'timestamp' field";
        QTest::newRow("timestamp max age too short")
            << ""
            << numericTag(QStringLiteral("p"),
                          QStringLiteral("options = { path = \"v\", timestamp = \"ts\", "
                                         "timestamp_max_age = \"10ms\" }"))
            << "timestamp_max_age";
        QTest::newRow("bad stale_after")
            << ""
            << numericTag(QStringLiteral("p"), QStringLiteral("options = { stale_after = 5 }"))
            << "stale_after";
        QTest::newRow("writable without command topic")
            << ""
            << numericTag(QStringLiteral("p"),
                          QStringLiteral("writable = true\nwrite_limits = [0, 1]"))
            << "a writable MQTT tag needs options.command_topic";
        QTest::newRow("command topic with wildcard")
            << ""
            << numericTag(QStringLiteral("p"),
                          QStringLiteral("writable = true\nwrite_limits = [0, 1]\noptions = { "
                                         "command_topic = \"c/+\" }"))
            << "command_topic: 'c/+' contains a wildcard";
        QTest::newRow("command topic on read-only tag")
            << ""
            << numericTag(QStringLiteral("p"),
                          QStringLiteral("options = { command_topic = \"c\" }"))
            << "command_topic given but the tag is not writable";
        QTest::newRow("command template without value")
            << ""
            << numericTag(QStringLiteral("p"),
                          QStringLiteral("writable = true\nwrite_limits = [0, 1]\noptions = { "
                                         "command_topic = \"c\", command_template = \"GO\" }"))
            << "command_template must contain ${value}";
        QTest::newRow("command template not JSON")
            << ""
            << numericTag(
                   QStringLiteral("p"),
                   QStringLiteral(
                       "writable = true\nwrite_limits = [0, 1]\noptions = { command_topic = \"c\", "
                       "command_format = \"json\", command_template = \"v=${value}\" }"))
            << "command_template is not valid JSON";
        QTest::newRow("qos") << ""
                             << numericTag(QStringLiteral("p"),
                                           QStringLiteral("options = { qos = 3 }"))
                             << "'qos' must be between 0 and 2";
    }
    void errors()
    {
        QFETCH(QString, deviceKeys);
        QFETCH(QString, tagKeys);
        QFETCH(QString, expected);
        const PlantLoader::Result r = load(deviceKeys, tagKeys);
        QVERIFY(!r.plant);
        QVERIFY2(r.diagnostics.contains(expected),
                 qPrintable(r.diagnostics.toStringList().join(u'\n')));
    }

    void allowInsecureIsAWarning()
    {
        const PlantLoader::Result r =
            load(QStringLiteral("broker = \"mqtt://10.1.2.3:1883\"\nallow_insecure = true"),
                 numericTag(QStringLiteral("p")));
        QVERIFY2(r.plant, qPrintable(r.diagnostics.toStringList().join(u'\n')));
        QCOMPARE(r.diagnostics.warningCount(), 1);
        QVERIFY2(r.diagnostics.contains(QStringLiteral(":8:18: warning: device 'mq': insecure: "
                                                       "plain MQTT without TLS to 10.1.2.3:1883")),
                 qPrintable(r.diagnostics.toStringList().join(u'\n')));
    }

    void deploymentBrokerIsChecked()
    {
        // No broker in the device: the deployment's broker_url applies, and is checked too.
        PlantLoader::Result r = load(QString(), numericTag(QStringLiteral("p")),
                                     QStringLiteral("[settings]\nbroker_url = "
                                                    "\"mqtt://scada.example.com:1883\"\n"));
        QVERIFY(!r.plant);
        QVERIFY2(r.diagnostics.contains(QStringLiteral("device 'mq': broker "
                                                       "'mqtt://scada.example.com:1883' "
                                                       "(deployment broker_url from plant file) "
                                                       "is plain MQTT")),
                 qPrintable(r.diagnostics.toStringList().join(u'\n')));

        QProcessEnvironment env;
        env.insert(QStringLiteral("VIGIL_BROKER_URL"), QStringLiteral("mqtts://scada.example.com"));
        r = load(QString(), numericTag(QStringLiteral("p")),
                 QStringLiteral("[settings]\nbroker_url = \"mqtt://scada.example.com:1883\"\n"),
                 env);
        QVERIFY2(r.plant, qPrintable(r.diagnostics.toStringList().join(u'\n')));

        r = load(QString(), numericTag(QStringLiteral("p"))); // default: mqtt://127.0.0.1:1883
        QVERIFY2(r.plant, qPrintable(r.diagnostics.toStringList().join(u'\n')));
    }

    // A password file others can read gives the password away: a warning at check-config,
    // naming the file; the owner-only file gives none (validDevice).
    void readablePasswordFileWarns_data()
    {
        QTest::addColumn<int>("permissions");
        QTest::addColumn<QString>("who");
        QTest::newRow("0644") << int(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                     QFileDevice::ReadGroup | QFileDevice::ReadOther)
                              << QStringLiteral("all users");
        QTest::newRow("0640") << int(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                     QFileDevice::ReadGroup)
                              << QStringLiteral("its group");
    }
    void readablePasswordFileWarns()
    {
        QFETCH(int, permissions);
        QFETCH(QString, who);
        const QString pw = m_dir.filePath(QStringLiteral("pw-%1").arg(permissions));
        QFile f(pw);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("secret\n");
        f.close();
        QVERIFY(f.setPermissions(QFileDevice::Permissions(permissions)));
        const PlantLoader::Result r =
            load(QStringLiteral("username = \"vigil\"\npassword_file = \"%1\"")
                     .arg(QFileInfo(pw).fileName()),
                 numericTag(QStringLiteral("p")));
        QVERIFY2(r.plant, qPrintable(r.diagnostics.toStringList().join(u'\n')));
        QCOMPARE(r.diagnostics.warningCount(), 1);
        QVERIFY2(r.diagnostics.contains(QStringLiteral(":8:17: warning: device 'mq': password "
                                                       "file '%1' is readable by %2: restrict "
                                                       "it to its owner (chmod 600)")
                                            .arg(pw, who)),
                 qPrintable(r.diagnostics.toStringList().join(u'\n')));
    }

    // A device broker with credentials, a path or a query is refused, without the password.
    void brokerUrlWithUserInfoIsRefused()
    {
        const PlantLoader::Result r =
            load(QStringLiteral("broker = \"mqtts://op:s3cret@broker.plant.local:8883\""),
                 numericTag(QStringLiteral("p")));
        QVERIFY(!r.plant);
        const QString all = r.diagnostics.toStringList().join(u'\n');
        QVERIFY2(all.contains(QStringLiteral(":7:10: device 'mq': broker URL "
                                             "mqtts://broker.plant.local:8883 must not contain a "
                                             "user name or password")),
                 qPrintable(all));
        QVERIFY2(!all.contains(u"s3cret"), qPrintable(all));
    }

    // Two panels loading one plant file get different default client ids; a host name that
    // names no machine is replaced by the machine id.
    void defaultClientIdNamesTheMachine()
    {
        QCOMPARE(MqttDeviceSettings::defaultClientId(QStringLiteral("mq"),
                                                     QStringLiteral("panel-a"), "0123456789abcdef"),
                 QStringLiteral("vigil-panel-a-mq"));
        QVERIFY(MqttDeviceSettings::defaultClientId(QStringLiteral("mq"), QStringLiteral("panel-a"),
                                                    {}) !=
                MqttDeviceSettings::defaultClientId(QStringLiteral("mq"), QStringLiteral("panel-b"),
                                                    {}));
        for (const QString &host :
             {QString(), QStringLiteral("localhost"), QStringLiteral("localhost.localdomain")})
            QCOMPARE(
                MqttDeviceSettings::defaultClientId(QStringLiteral("mq"), host, "0123456789abcdef"),
                QStringLiteral("vigil-0123456789ab-mq"));
        QVERIFY(
            MqttDeviceSettings::defaultClientId(QStringLiteral("mq"), QString(), {})
                .startsWith(QStringLiteral("vigil-%1-").arg(QCoreApplication::applicationPid())));
    }

    void demoPlantIsValid()
    {
        const PlantLoader::Result r =
            PlantLoader(m_registry)
                .load(QStringLiteral(VIGIL_SOURCE_DIR "/resources/demo/plant.toml"));
        QVERIFY2(r.plant, qPrintable(r.diagnostics.toStringList().join(u'\n')));
    }
};

QTEST_GUILESS_MAIN(TestMqttConfig)
#include "tst_mqttconfig.moc"
