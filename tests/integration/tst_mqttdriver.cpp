// The mqtt driver end to end, against real mosquitto brokers started by the test (one plain, one
// with TLS, client certificates and a password file): topic mapping into the tag table, a
// foreign publisher and subscriber (mosquitto_pub/mosquitto_sub), bad payloads rejected and
// counted, commands (QoS 1, not retained, completed on PUBACK), the retained status, staleness,
// a stalled broker, and the broker killed and restarted.

#include "builtindrivers.h"
#include "config/plantloader.h"
#include "devicehost.h"
#include "devicelistmodel.h"
#include "driverregistry.h"
#include "metatypes.h"
#include "mosquittobroker.h"
#include "mosquittoclients.h"
#include "mqtt/mqttdriver.h"
#include "mqtt/mqttdriverfactory.h"
#include "tags/tagtable.h"
#include "testcertificates.h"
#include "util/manualclock.h"

#include <QMutex>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace vigil;

namespace
{

QMutex logMutex;
QStringList logLines;
QtMessageHandler previousHandler = nullptr;

void captureLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&logMutex);
        logLines.append(message);
    }
    previousHandler(type, context, message);
}

int countLog(const QString &fragment)
{
    QMutexLocker lock(&logMutex);
    int n = 0;
    for (const QString &line : std::as_const(logLines))
        n += line.contains(fragment) ? 1 : 0;
    return n;
}

} // namespace

class TestMqttDriver : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ManualClock m_clock;
    DriverRegistry m_registry;
    std::unique_ptr<MosquittoBroker> m_broker;
    std::unique_ptr<MosquittoBroker> m_secureBroker;
    std::optional<PlantConfig> m_plant;
    std::unique_ptr<TagTable> m_table;
    std::unique_ptr<DeviceHost> m_host;
    Driver *m_driver = nullptr;

    quint32 tag(const QString &id) const { return *m_plant->tags->indexOf(id); }
    Quality quality(const QString &id) const { return m_table->quality(tag(id)); }
    double value(const QString &id) const { return m_table->value(tag(id)); }
    QString text(const QString &id) const { return m_table->current(tag(id)).text; }

    void pub(const QString &topic, const QByteArray &payload)
    {
        QString error;
        QVERIFY2(MosquittoClients::publish(m_broker->port(), topic, payload, &error),
                 qPrintable(error));
    }

    // The driver subscribes asynchronously after connecting: publish until a value arrives.
    bool publishUntil(const QString &topic, const QByteArray &payload,
                      const std::function<bool()> &arrived)
    {
        QString error;
        for (int i = 0; i < 50; ++i) {
            if (!MosquittoClients::publish(m_broker->port(), topic, payload, &error))
                return false;
            if (QTest::qWaitFor(arrived, 100))
                return true;
        }
        return false;
    }

    WriteResult write(const QString &id, const QVariant &v)
    {
        QFuture<WriteResult> f = m_host->write(WriteRequest{tag(id), v});
        if (!QTest::qWaitFor([&] { return f.isFinished(); }, 5000))
            return WriteResult{tag(id), false, QStringLiteral("write did not finish")};
        return f.result();
    }

private slots:
    void initTestCase()
    {
        previousHandler = qInstallMessageHandler(captureLog);
        registerCoreMetaTypes();
        qRegisterMetaType<DriverStatus>();
        registerBuiltinDrivers(m_registry);
        QVERIFY(m_dir.isValid());
        QString error;

        QDir(m_dir.path()).mkpath(QStringLiteral("pki"));
        TestCertificates certs(m_dir.filePath(QStringLiteral("pki")));
        QVERIFY2(certs.generate(&error), qPrintable(error));
        const QString passwd = m_dir.filePath(QStringLiteral("mosquitto.passwd"));
        QVERIFY2(MosquittoBroker::addUser(passwd, QStringLiteral("operator"),
                                          QStringLiteral("right one"), &error),
                 qPrintable(error));
        QFile pw(m_dir.filePath(QStringLiteral("password.txt")));
        QVERIFY(pw.open(QIODevice::WriteOnly));
        pw.write("right one\n");
        pw.close();
        QVERIFY(pw.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner));
        qputenv("VIGIL_TEST_WRONG_PASSWORD", "wrong one");
        qunsetenv("VIGIL_TEST_UNSET_PASSWORD");

        QDir(m_dir.path()).mkpath(QStringLiteral("plain"));
        QDir(m_dir.path()).mkpath(QStringLiteral("tls"));
        m_broker = std::make_unique<MosquittoBroker>(m_dir.filePath(QStringLiteral("plain")));
        QVERIFY2(m_broker->start(&error), qPrintable(error));
        MosquittoBroker::Options tls;
        tls.passwordFile = passwd;
        tls.caFile = certs.caFile();
        tls.certFile = certs.serverCert();
        tls.keyFile = certs.serverKey();
        tls.requireClientCertificate = true;
        m_secureBroker =
            std::make_unique<MosquittoBroker>(m_dir.filePath(QStringLiteral("tls")), tls);
        QVERIFY2(m_secureBroker->start(&error), qPrintable(error));

        QFile templ(QStringLiteral(VIGIL_TEST_DATA_DIR "/mqtt/driver_plant.toml"));
        QVERIFY(templ.open(QIODevice::ReadOnly));
        QString toml = QString::fromUtf8(templ.readAll());
        toml.replace(QStringLiteral("@PORT@"), QString::number(m_broker->port()));
        toml.replace(QStringLiteral("@TLSPORT@"), QString::number(m_secureBroker->port()));
        toml.replace(QStringLiteral("@DIR@"), m_dir.path());
        const QString plantFile = m_dir.filePath(QStringLiteral("plant.toml"));
        QFile out(plantFile);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(toml.toUtf8());
        out.close();

        PlantLoader::Result loaded = PlantLoader(m_registry).load(plantFile);
        QVERIFY2(loaded.plant, qPrintable(loaded.diagnostics.toStringList().join(u'\n')));
        m_plant = std::move(loaded.plant);
        m_table = std::make_unique<TagTable>(m_plant->tags, m_clock);
        m_host = std::make_unique<DeviceHost>(m_registry, *m_plant, m_clock);
        for (Driver *d : m_host->drivers())
            connect(d, &Driver::samplesReady, m_table.get(), &TagTable::ingest);
        m_driver = m_host->driver(QStringLiteral("mq"));
        m_host->startAll();
        QTRY_COMPARE(m_driver->status().state, DriverState::Connected);
    }

    void cleanupTestCase()
    {
        m_host.reset();
        qInstallMessageHandler(previousHandler);
    }

    void keepaliveMapsToTheClient()
    {
        auto *mqtt = qobject_cast<MqttDriver *>(m_driver);
        QVERIFY(mqtt);
        MqttClientOptions o;
        QMetaObject::invokeMethod(
            mqtt, [&] { o = mqtt->client()->options(); }, Qt::BlockingQueuedConnection);
        QCOMPARE(o.keepAliveSeconds, 5);             // pings after half the keepalive of silence
        QCOMPARE(o.silenceTimeoutMs, qint64(10000)); // bad within the keepalive window
        QCOMPARE(o.willTopic, QByteArray("vigil/test/status"));
        QCOMPARE(o.willPayload, QByteArray("offline"));
        QVERIFY(o.willRetain);
        QVERIFY(mqtt->configurationWarnings().isEmpty()); // loopback: plain MQTT is fine
    }

    // allow_insecure towards a non-loopback broker is accepted, and shown on the Devices page.
    void insecureWarningOnTheDevicesPage()
    {
        DeviceConfig device;
        device.id = QStringLiteral("remote");
        device.driver = QStringLiteral("mqtt");
        device.node = ConfigNode::makeTable({});
        device.node.setMember(QStringLiteral("broker"),
                              ConfigNode::makeText(QStringLiteral("mqtt://192.0.2.10:1883"), {}));
        ConfigNode allow;
        allow.kind = ConfigNode::Kind::Boolean;
        allow.boolean = true;
        device.node.setMember(QStringLiteral("allow_insecure"), allow);
        auto tags = std::make_shared<const TagDirectory>();
        std::unique_ptr<Driver> remote =
            MqttDriverFactory().create(DriverContext{device, tags, {}, &m_clock, {}});
        QCOMPARE(remote->configurationWarnings().size(), 1);
        DeviceListModel model({remote.get(), m_driver});
        const QString warning =
            model.data(model.index(0), DeviceListModel::WarningsRole).toString();
        QVERIFY2(warning.contains(u"insecure: plain MQTT without TLS to 192.0.2.10:1883"),
                 qPrintable(warning));
        QCOMPARE(model.data(model.index(1), DeviceListModel::WarningsRole).toString(), QString());
    }

    // A password file others can read is accepted with a warning on the Devices page.
    void readablePasswordFileOnTheDevicesPage()
    {
        const QString file = m_dir.filePath(QStringLiteral("shared-password.txt"));
        QFile pw(file);
        QVERIFY(pw.open(QIODevice::WriteOnly));
        pw.write("right one\n");
        pw.close();
        QVERIFY(pw.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                  QFileDevice::ReadGroup | QFileDevice::ReadOther));
        DeviceConfig device;
        device.id = QStringLiteral("shared");
        device.driver = QStringLiteral("mqtt");
        device.node = ConfigNode::makeTable({});
        device.node.setMember(QStringLiteral("broker"),
                              ConfigNode::makeText(QStringLiteral("mqtt://127.0.0.1:1883"), {}));
        device.node.setMember(QStringLiteral("username"),
                              ConfigNode::makeText(QStringLiteral("operator"), {}));
        device.node.setMember(QStringLiteral("password_file"), ConfigNode::makeText(file, {}));
        auto tags = std::make_shared<const TagDirectory>();
        std::unique_ptr<Driver> shared =
            MqttDriverFactory().create(DriverContext{device, tags, {}, &m_clock, {}});
        DeviceListModel model({shared.get()});
        const QString warning =
            model.data(model.index(0), DeviceListModel::WarningsRole).toString();
        QCOMPARE(warning, QStringLiteral("password file '%1' is readable by all users: restrict "
                                         "it to its owner (chmod 600)")
                              .arg(file));
    }

    // Two devices with one client id knock each other off the broker: their status on the
    // Devices page, the error statistics and the log name the cause.
    void sharedClientIdIsReported()
    {
        Driver *twins[] = {m_host->driver(QStringLiteral("twin1")),
                           m_host->driver(QStringLiteral("twin2"))};
        const QString cause = QStringLiteral("another client uses client id vigil-test-twin");
        for (Driver *twin : twins) {
            QTRY_VERIFY_WITH_TIMEOUT(
                twin->statistics().errorsByKind.value(QStringLiteral("client id taken over")) >= 1,
                20'000);
        }
        QTRY_VERIFY(countLog(cause) >= 2);
        // The one that was taken over last shows it while it waits for its next attempt.
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(std::begin(twins), std::end(twins),
                                             [&](Driver *d) {
                                                 const DriverStatus st = d->status();
                                                 return st.state == DriverState::Disconnected &&
                                                        st.reason.contains(cause);
                                             }),
                                 20'000);
        for (Driver *twin : twins)
            twin->stop();
    }

    void plainAndJsonMapping()
    {
        QVERIFY(publishUntil(QStringLiteral("plant/u1/temp"), "21.5",
                             [&] { return quality(QStringLiteral("TT1")) == Quality::Good; }));
        QCOMPARE(value(QStringLiteral("TT1")), 21.5);

        // One message feeds three tags; the timestamp comes from the payload.
        pub(QStringLiteral("plant/u1/state"),
            R"({"data":{"flow":12.5},"values":[1,350,3],"mode":"AUTO","ts":1700000005000})");
        QTRY_COMPARE(text(QStringLiteral("U1.MODE")), QStringLiteral("AUTO"));
        QTRY_COMPARE(value(QStringLiteral("U1.FLOW")), 12.5);
        QCOMPARE(value(QStringLiteral("U1.P2")), 350.0);
        QCOMPARE(m_table->current(tag(QStringLiteral("U1.FLOW"))).sourceTime,
                 Q_INT64_C(1700000005000));
        QCOMPARE(quality(QStringLiteral("U1.P2")), Quality::Good);

        // Wildcard: any unit's level feeds LEVEL.
        pub(QStringLiteral("plant/tank9/level"), "64.25");
        QTRY_COMPARE(value(QStringLiteral("LEVEL")), 64.25);
        QVERIFY(m_driver->statistics().messagesIn >= 3);
    }

    void badPayloadsAreRejectedAndCounted_data()
    {
        QTest::addColumn<QString>("topic");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("reason");
        QTest::newRow("invalid JSON")
            << "plant/u1/state" << QByteArray("{\"data\":") << "invalid JSON";
        QTest::newRow("wrong type")
            << "plant/u1/state"
            << QByteArray(R"({"data":{"flow":"fast"},"values":[1,2],"mode":"A","ts":1})")
            << "wrong type";
        QTest::newRow("missing field")
            << "plant/u1/state" << QByteArray(R"({"values":[1,2],"mode":"A"})") << "missing field";
        QTest::newRow("invalid UTF-8") << "plant/u1/temp" << QByteArray("2\xff") << "invalid UTF-8";
        QTest::newRow("oversized")
            << "plant/u1/temp" << QByteArray(300 * 1024, '7') << "payload too large";
        QTest::newRow("NaN") << "plant/u1/temp" << QByteArray("NaN") << "not a finite number";
        QTest::newRow("Inf") << "plant/u1/temp" << QByteArray("inf") << "not a finite number";
        QTest::newRow("not a number") << "plant/u1/temp" << QByteArray("warm") << "wrong type";
    }
    void badPayloadsAreRejectedAndCounted()
    {
        QFETCH(QString, topic);
        QFETCH(QByteArray, payload);
        QFETCH(QString, reason);
        // Known good values first.
        pub(QStringLiteral("plant/u1/temp"), "30");
        pub(QStringLiteral("plant/u1/state"),
            R"({"data":{"flow":7},"values":[0,5],"mode":"MAN","ts":1700000006000})");
        QTRY_COMPARE(value(QStringLiteral("TT1")), 30.0);
        QTRY_COMPARE(value(QStringLiteral("U1.FLOW")), 7.0);
        const DriverStatistics before = m_driver->statistics();
        const int logged =
            countLog(QStringLiteral("message on '%1' rejected: %2").arg(topic, reason));

        pub(topic, payload);
        QTRY_COMPARE(m_driver->statistics().rejected, before.rejected + 1);
        const DriverStatistics after = m_driver->statistics();
        QCOMPARE(after.errorsByKind.value(reason), before.errorsByKind.value(reason) + 1);
        QVERIFY2(after.lastError.contains(topic) && after.lastError.contains(reason),
                 qPrintable(after.lastError));
        // The tags keep their last values and stay good.
        QCOMPARE(value(QStringLiteral("TT1")), 30.0);
        QCOMPARE(value(QStringLiteral("U1.FLOW")), 7.0);
        QCOMPARE(quality(QStringLiteral("TT1")), Quality::Good);
        QCOMPARE(quality(QStringLiteral("U1.FLOW")), Quality::Good);
        // A log line names the topic and the reason; the same reason again at once is not logged
        // again (rate limit), but still counted.
        QTRY_COMPARE(countLog(QStringLiteral("message on '%1' rejected: %2").arg(topic, reason)),
                     logged + 1);
        pub(topic, payload);
        QTRY_COMPARE(m_driver->statistics().rejected, before.rejected + 2);
        QCOMPARE(countLog(QStringLiteral("message on '%1' rejected: %2").arg(topic, reason)),
                 logged + 1);
        m_clock.advance(11000); // after the interval the next one is logged again
    }

    // A year-3000 source time and one in epoch seconds are refused and counted with the reason;
    // neither holds back the good sample after them, which keeps its own time.
    void sourceTimesOutsideTheWindowAreRejected()
    {
        const qint64 now = m_clock.nowMs();
        auto state = [](double flow, qint64 ts) {
            return QStringLiteral(R"({"data":{"flow":%1},"values":[0,5],"mode":"MAN","ts":%2})")
                .arg(flow)
                .arg(ts)
                .toUtf8();
        };
        pub(QStringLiteral("plant/u1/state"), state(8, now - 2000));
        QTRY_COMPARE(value(QStringLiteral("U1.FLOW")), 8.0);
        const DriverStatistics before = m_driver->statistics();
        const QString reason = QStringLiteral("bad timestamp");

        pub(QStringLiteral("plant/u1/state"), state(9, 32'503'680'000'000));
        QTRY_COMPARE(m_driver->statistics().rejected, before.rejected + 1);
        QVERIFY2(m_driver->statistics().lastError.contains(u"3000-01-01T00:00:00.000Z") &&
                     m_driver->statistics().lastError.contains(u"ahead of the panel clock"),
                 qPrintable(m_driver->statistics().lastError));

        pub(QStringLiteral("plant/u1/state"), state(10, now / 1000));
        QTRY_COMPARE(m_driver->statistics().rejected, before.rejected + 2);
        QVERIFY2(m_driver->statistics().lastError.contains(u"it looks like epoch s"),
                 qPrintable(m_driver->statistics().lastError));
        QCOMPARE(m_driver->statistics().errorsByKind.value(reason),
                 before.errorsByKind.value(reason) + 2);
        QCOMPARE(value(QStringLiteral("U1.FLOW")), 8.0);

        pub(QStringLiteral("plant/u1/state"), state(11, now - 1000));
        QTRY_COMPARE(value(QStringLiteral("U1.FLOW")), 11.0);
        QCOMPARE(m_table->current(tag(QStringLiteral("U1.FLOW"))).sourceTime, now - 1000);
        QCOMPARE(m_driver->statistics().rejected, before.rejected + 2);
    }

    void commandsReachAForeignSubscriber()
    {
        MosquittoClients::Subscriber sub;
        QString error;
        QVERIFY2(sub.start(m_broker->port(), QStringLiteral("plant/u1/+/set"),
                           QStringLiteral("plant/u1/probe/set"), &error),
                 qPrintable(error));
        const quint64 outBefore = m_driver->statistics().messagesOut;
        WriteResult r = write(QStringLiteral("SP"), 55.5);
        QVERIFY2(r.ok, qPrintable(r.error)); // completed on the broker's PUBACK
        QVERIFY(sub.waitFor(R"(plant/u1/sp/set {"sp":55.5,"by":"SP"})"));
        r = write(QStringLiteral("RUN"), true);
        QVERIFY2(r.ok, qPrintable(r.error));
        QVERIFY(sub.waitFor("plant/u1/run/set true"));
        QCOMPARE(m_driver->statistics().messagesOut, outBefore + 2);

        // Refused before anything is sent: outside the write limits.
        r = write(QStringLiteral("SP"), 95.0);
        QVERIFY(!r.ok);
        QVERIFY(r.error.contains(u"outside the write limits"));

        // Commands are never retained: a late subscriber gets nothing.
        QByteArray retained;
        MosquittoBroker::run(QStringLiteral("mosquitto_sub"),
                             MosquittoClients::connection(m_broker->port(), {})
                                 << QStringLiteral("-t") << QStringLiteral("plant/u1/+/set")
                                 << QStringLiteral("--retained-only") << QStringLiteral("-W")
                                 << QStringLiteral("1"),
                             &error, &retained);
        QVERIFY2(!retained.contains("sp/set") && !retained.contains("run/set"),
                 retained.constData());
    }

    void retainedOnlineStatus()
    {
        QByteArray out;
        QString error;
        QVERIFY2(MosquittoBroker::run(QStringLiteral("mosquitto_sub"),
                                      MosquittoClients::connection(m_broker->port(), {})
                                          << QStringLiteral("-t")
                                          << QStringLiteral("vigil/test/status")
                                          << QStringLiteral("-C") << QStringLiteral("1")
                                          << QStringLiteral("-W") << QStringLiteral("3"),
                                      &error, &out),
                 qPrintable(error));
        QCOMPARE(out.trimmed(), QByteArray("online"));
    }

    void staleAfterSilence()
    {
        QVERIFY(publishUntil(QStringLiteral("plant/u1/stale"), "42",
                             [&] { return value(QStringLiteral("STALE")) == 42.0; }));
        QCOMPARE(quality(QStringLiteral("STALE")), Quality::Good);
        m_clock.advance(900);
        // Proves an absence, so it waits: the staleness check (every 250 ms for stale_after 1 s)
        // runs at least once at 0.9 s within these two periods and must leave the tag good.
        QTest::qWait(500);
        QCOMPARE(quality(QStringLiteral("STALE")), Quality::Good);
        m_clock.advance(200); // 1.1 s without a message, stale_after is 1 s
        QTRY_COMPARE(quality(QStringLiteral("STALE")), Quality::Stale);
        QCOMPARE(value(QStringLiteral("STALE")), 42.0);          // last value kept
        QCOMPARE(quality(QStringLiteral("TT1")), Quality::Good); // no stale_after: stays good
        pub(QStringLiteral("plant/u1/stale"), "43");
        QTRY_COMPARE(quality(QStringLiteral("STALE")), Quality::Good);
    }

    void tlsPasswordAndClientCertificate()
    {
        Driver *secure = m_host->driver(QStringLiteral("secure"));
        QTRY_COMPARE(secure->status().state, DriverState::Connected);
        QString error;
        const QStringList tlsArgs{
            QStringLiteral("--cafile"), m_dir.filePath(QStringLiteral("pki/ca.crt")),
            QStringLiteral("--cert"),   m_dir.filePath(QStringLiteral("pki/client.crt")),
            QStringLiteral("--key"),    m_dir.filePath(QStringLiteral("pki/client.key")),
            QStringLiteral("-u"),       QStringLiteral("operator"),
            QStringLiteral("-P"),       QStringLiteral("right one"),
            QStringLiteral("-h"),       QStringLiteral("localhost")};
        QVERIFY2(MosquittoClients::publish(m_secureBroker->port(), QStringLiteral("secure/t"), "77",
                                           &error, tlsArgs + QStringList{QStringLiteral("-r")}),
                 qPrintable(error));
        QTRY_COMPARE(value(QStringLiteral("SECURE.T")), 77.0);

        // The wrong password (from password_env) is refused and shown as the device's state.
        Driver *bad = m_host->driver(QStringLiteral("badlogin"));
        QTRY_COMPARE(bad->status().state, DriverState::Disconnected);
        QVERIFY2(
            bad->status().reason.contains(u"Not authorized (check the username and the password)"),
            qPrintable(bad->status().reason));
        QCOMPARE(quality(QStringLiteral("BAD.T")), Quality::CommError);
        const WriteResult r = write(QStringLiteral("BAD.T"), 1.0);
        QVERIFY(!r.ok);
    }

    void missingSecretStopsOnlyThatDevice()
    {
        Driver *d = m_host->driver(QStringLiteral("nosecret"));
        QTRY_COMPARE(d->status().state, DriverState::Disconnected);
        QCOMPARE(d->status().reason, QStringLiteral("environment variable "
                                                    "VIGIL_TEST_UNSET_PASSWORD (password_env) is "
                                                    "not set"));
        QTRY_COMPARE(quality(QStringLiteral("NOSECRET.T")), Quality::ConfigError);
        QCOMPARE(m_driver->status().state, DriverState::Connected);
    }

    void stalledBrokerFailsTheWriteAtTheTimeout()
    {
        QElapsedTimer t;
        m_broker->pause(); // SIGSTOP: the connection stays open, nothing answers
        t.start();
        const WriteResult r = write(QStringLiteral("SP"), 20.0);
        m_broker->resume();
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(u"no acknowledgement (PUBACK) from the broker within 0.5 s"),
                 qPrintable(r.error));
        QVERIFY2(t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));
        // The connection holding the unacknowledged command was dropped; a new one comes up.
        QTRY_COMPARE(m_driver->status().state, DriverState::Connected);
    }

    void brokerKilledAndRestarted()
    {
        QVERIFY(publishUntil(QStringLiteral("plant/u1/temp"), "25",
                             [&] { return value(QStringLiteral("TT1")) == 25.0; }));
        const quint64 reconnects = m_driver->statistics().reconnects;
        QElapsedTimer t;
        t.start();
        m_broker->kill9();
        QTRY_COMPARE_WITH_TIMEOUT(m_driver->status().state, DriverState::Disconnected, 2000);
        QTRY_COMPARE(quality(QStringLiteral("TT1")), Quality::CommError);
        QVERIFY2(t.elapsed() < 2000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(value(QStringLiteral("TT1")), 25.0); // last value kept, marked bad
        for (const QString &id : {QStringLiteral("U1.FLOW"), QStringLiteral("LEVEL"),
                                  QStringLiteral("SP"), QStringLiteral("RUN")})
            QVERIFY(isBad(quality(id)));
        // Only this device's tags: the TLS device is unaffected.
        QCOMPARE(quality(QStringLiteral("SECURE.T")), Quality::Good);
        QVERIFY(!m_driver->statistics().lastError.isEmpty());

        // A write while disconnected fails at once and is not queued.
        t.restart();
        const WriteResult r = write(QStringLiteral("SP"), 33.0);
        QVERIFY(!r.ok);
        QVERIFY2(r.error.contains(u"is not connected to the broker") &&
                     r.error.contains(u"command to 'SP' not sent"),
                 qPrintable(r.error));
        QVERIFY(t.elapsed() < 500);

        MosquittoClients::Subscriber late; // proves nothing stale arrives after the restart
        QString error;
        QVERIFY2(m_broker->start(&error), qPrintable(error));
        QVERIFY2(late.start(m_broker->port(), QStringLiteral("plant/u1/sp/set"),
                            QStringLiteral("plant/u1/sp/set"), &error),
                 qPrintable(error));
        QTRY_COMPARE(m_driver->status().state, DriverState::Connected);
        QTRY_COMPARE(m_driver->statistics().reconnects, reconnects + 1);
        QVERIFY(publishUntil(QStringLiteral("plant/u1/temp"), "26",
                             [&] { return value(QStringLiteral("TT1")) == 26.0; }));
        QCOMPARE(quality(QStringLiteral("TT1")), Quality::Good);
        // A command sent now arrives after anything the client had kept from before the restart
        // (one publisher, one topic: in order), so once it is in, a kept "33" would be too.
        QVERIFY2(write(QStringLiteral("SP"), 34.0).ok, "command after the restart");
        QVERIFY2(late.waitFor("\"sp\":34"), late.output().constData());
        QVERIFY2(!late.output().contains("33"), late.output().constData());
    }

    void stopPublishesOffline()
    {
        m_host->driver(QStringLiteral("mq"))->stop();
        QByteArray out;
        QString error;
        QVERIFY2(MosquittoBroker::run(QStringLiteral("mosquitto_sub"),
                                      MosquittoClients::connection(m_broker->port(), {})
                                          << QStringLiteral("-t")
                                          << QStringLiteral("vigil/test/status")
                                          << QStringLiteral("-C") << QStringLiteral("1")
                                          << QStringLiteral("-W") << QStringLiteral("3"),
                                      &error, &out),
                 qPrintable(error));
        QCOMPARE(out.trimmed(), QByteArray("offline"));
        QCOMPARE(m_driver->status().state, DriverState::Stopped);
    }
};

QTEST_GUILESS_MAIN(TestMqttDriver)
#include "tst_mqttdriver.moc"
