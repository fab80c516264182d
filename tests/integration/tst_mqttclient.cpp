// MqttClient against a real mosquitto broker started by the test: publish/subscribe both ways
// with the mosquitto command line clients, MQTT 3.1.1 and 5, password authentication, TLS with
// certificates made by openssl (good, wrong CA, wrong host name, client certificate), the Last
// Will, and reconnection after the broker is killed and restarted.

#include "mosquittobroker.h"
#include "mosquittoclients.h"
#include "mqtt/mqttclient.h"
#include "mqtt/mqttdevicesettings.h"
#include "testcertificates.h"

#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/socket.h>

using namespace vigil;

class TestMqttClient : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<TestCertificates> m_certs;

    MqttClientOptions options(quint16 port)
    {
        MqttClientOptions o;
        o.port = port;
        o.clientId = QStringLiteral("tst-client-%1").arg(QCoreApplication::applicationPid());
        o.reconnectMinMs = 50;
        o.reconnectMaxMs = 200;
        o.connectTimeoutMs = 3000;
        return o;
    }

    QString subdir(const QString &name)
    {
        QDir(m_dir.path()).mkpath(name);
        return QDir(m_dir.path()).filePath(name);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_certs = std::make_unique<TestCertificates>(subdir(QStringLiteral("pki")));
        QString error;
        QVERIFY2(m_certs->generate(&error), qPrintable(error));
    }

    void publishAndSubscribe_data()
    {
        QTest::addColumn<int>("version");
        QTest::newRow("MQTT 3.1.1") << 4;
        QTest::newRow("MQTT 5") << 5;
    }

    void publishAndSubscribe()
    {
        QFETCH(int, version);
        MosquittoBroker broker(subdir(QStringLiteral("pubsub%1").arg(version)));
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));
        // A retained value published before we connect arrives on subscription.
        QVERIFY2(MosquittoClients::publish(broker.port(), QStringLiteral("plant/t1"), "21.5",
                                           &error, {QStringLiteral("-r")}),
                 qPrintable(error));

        MqttClientOptions o = options(broker.port());
        o.protocolVersion = version;
        MqttClient client(o);
        QList<QPair<QByteArray, QByteArray>> received;
        QList<bool> retained;
        connect(&client, &MqttClient::messageReceived, this, [&](const MqttMessage &m) {
            received.append({m.topic.toByteArray(), m.payload.toByteArray()});
            retained.append(m.retained);
        });
        QSignalSpy subscribed(&client, &MqttClient::subscribed);
        QSignalSpy batches(&client, &MqttClient::receiveBatchFinished);
        client.addSubscription(QStringLiteral("plant/#"), 1);
        client.connectToHost();
        QCOMPARE(client.state(), MqttClient::State::Connecting);
        QTRY_COMPARE(client.state(), MqttClient::State::Connected);
        QTRY_COMPARE(subscribed.size(), 1);
        QTRY_COMPARE(received.size(), 1);
        QCOMPARE(received.at(0).first, QByteArray("plant/t1"));
        QCOMPARE(received.at(0).second, QByteArray("21.5"));
        QVERIFY(retained.at(0));
        QVERIFY(batches.size() >= 1);

        QVERIFY2(
            MosquittoClients::publish(broker.port(), QStringLiteral("plant/a/b"), "live", &error),
            qPrintable(error));
        QTRY_COMPARE(received.size(), 2);
        QCOMPARE(received.at(1).first, QByteArray("plant/a/b"));
        QVERIFY(!retained.at(1));

        // The other direction: a foreign subscriber sees what we publish, acknowledged (QoS 1).
        MosquittoClients::Subscriber sub;
        QVERIFY2(
            sub.start(broker.port(), QStringLiteral("cmd/#"), QStringLiteral("cmd/probe"), &error),
            qPrintable(error));
        QSignalSpy published(&client, &MqttClient::published);
        const int mid = client.publish("cmd/valve", "open", 1, false, &error);
        QVERIFY2(mid > 0, qPrintable(error));
        QTRY_COMPARE(published.size(), 1);
        QCOMPARE(published.at(0).at(0).toInt(), mid);
        QVERIFY(published.at(0).at(1).toInt() < 0x80);
        QVERIFY(sub.waitFor("cmd/valve open"));
    }

    void publishWhileDisconnectedFails()
    {
        const vigil::testing::PortReservation nobodyListens;
        MqttClient client(options(nobodyListens.port()));
        QString error;
        QCOMPARE(client.publish("x", "1", 1, false, &error), 0);
        QVERIFY(error.contains(u"not connected"));
    }

    void connectionRefusedIsRetried()
    {
        // Refuses connections, and stays ours until the broker listens on it.
        const vigil::testing::PortReservation reserved;
        const quint16 port = reserved.port();
        MqttClient client(options(port));
        QSignalSpy failed(&client, &MqttClient::connectionFailed);
        client.connectToHost();
        QTRY_VERIFY(failed.size() >= 2); // refused, then retried after the backoff
        QVERIFY2(client.lastError().contains(u"refused", Qt::CaseInsensitive),
                 qPrintable(client.lastError()));
        QCOMPARE(failed.at(0).at(1).toBool(), false);

        // The broker appears on that port: the client gets in by itself.
        MosquittoBroker broker(subdir(QStringLiteral("late")));
        broker.setPort(port);
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));
        QTRY_COMPARE(client.state(), MqttClient::State::Connected);
        QCOMPARE(client.reconnects(), quint64(0)); // first connection, not a reconnection
    }

    void password_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("right password") << QStringLiteral("s3cret pass") << true;
        QTest::newRow("wrong password") << QStringLiteral("guess") << false;
    }

    void password()
    {
        QFETCH(QString, password);
        QFETCH(bool, accepted);
        const QString dir = subdir(QStringLiteral("pw-%1").arg(accepted));
        const QString pwFile = QDir(dir).filePath(QStringLiteral("passwd"));
        QString error;
        QVERIFY2(MosquittoBroker::addUser(pwFile, QStringLiteral("operator"),
                                          QStringLiteral("s3cret pass"), &error),
                 qPrintable(error));
        MosquittoBroker::Options bo;
        bo.passwordFile = pwFile;
        MosquittoBroker broker(dir, bo);
        QVERIFY2(broker.start(&error), qPrintable(error));

        MqttClientOptions o = options(broker.port());
        o.username = QStringLiteral("operator");
        o.password = password.toUtf8();
        MqttClient client(o);
        QSignalSpy failed(&client, &MqttClient::connectionFailed);
        client.connectToHost();
        if (accepted) {
            QTRY_COMPARE(client.state(), MqttClient::State::Connected);
            QCOMPARE(failed.size(), 0);
        } else {
            QTRY_VERIFY(failed.size() >= 1);
            QVERIFY2(client.lastError().contains(u"refused the connection") &&
                         client.lastError().contains(u"password", Qt::CaseInsensitive),
                     qPrintable(client.lastError()));
            QVERIFY(client.state() != MqttClient::State::Connected);
        }
    }

    void tls_data()
    {
        QTest::addColumn<QString>("serverCert");
        QTest::addColumn<QString>("serverKey");
        QTest::addColumn<QString>("clientCa");
        QTest::addColumn<bool>("requireClientCert");
        QTest::addColumn<bool>("giveClientCert");
        QTest::addColumn<QString>("expectedError"); // empty: connects

        QTest::newRow("verified") << m_certs->serverCert() << m_certs->serverKey()
                                  << m_certs->caFile() << false << false << QString();
        QTest::newRow("client certificate") << m_certs->serverCert() << m_certs->serverKey()
                                            << m_certs->caFile() << true << true << QString();
        QTest::newRow("client certificate missing")
            << m_certs->serverCert() << m_certs->serverKey() << m_certs->caFile() << true << false
            << QStringLiteral("certificate");
        QTest::newRow("wrong CA") << m_certs->serverCert() << m_certs->serverKey()
                                  << m_certs->otherCaFile() << false << false
                                  << QStringLiteral("certificate is not trusted");
        QTest::newRow("wrong host name")
            << m_certs->wrongNameCert() << m_certs->wrongNameKey() << m_certs->caFile() << false
            << false << QStringLiteral("not valid for host '127.0.0.1'");
        // No ca_file: the system's trust store verifies the broker. The test CA is not in it, so
        // the handshake fails on verification (not on the TLS setup, as it did when the library
        // was given no CA at all and never tried to connect).
        QTest::newRow("no ca_file, CA not trusted by the system")
            << m_certs->serverCert() << m_certs->serverKey() << QString() << false << false
            << QStringLiteral("not signed by a CA the system trusts (no ca_file given)");
    }

    void tls()
    {
        QFETCH(QString, serverCert);
        QFETCH(QString, serverKey);
        QFETCH(QString, clientCa);
        QFETCH(bool, requireClientCert);
        QFETCH(bool, giveClientCert);
        QFETCH(QString, expectedError);

        MosquittoBroker::Options bo;
        bo.caFile = m_certs->caFile();
        bo.certFile = serverCert;
        bo.keyFile = serverKey;
        bo.requireClientCertificate = requireClientCert;
        MosquittoBroker broker(subdir(QStringLiteral("tls-%1").arg(QTest::currentDataTag())), bo);
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));

        MqttClientOptions o = options(broker.port());
        o.tls = true;
        o.caFile = clientCa;
        if (giveClientCert) {
            o.certFile = m_certs->clientCert();
            o.keyFile = m_certs->clientKey();
        }
        MqttClient client(o);
        QSignalSpy failed(&client, &MqttClient::connectionFailed);
        client.connectToHost();
        if (expectedError.isEmpty()) {
            QTRY_COMPARE(client.state(), MqttClient::State::Connected);
            QCOMPARE(failed.size(), 0);
        } else {
            QTRY_VERIFY(failed.size() >= 1);
            QVERIFY2(client.lastError().contains(expectedError, Qt::CaseInsensitive),
                     qPrintable(client.lastError()));
            QVERIFY(client.state() != MqttClient::State::Connected);
        }
    }

    // No ca_file, and the broker's CA in the system trust store: it connects. OpenSSL's default
    // verify paths honour SSL_CERT_FILE, which stands in for installing the test CA system-wide.
    void tlsWithSystemTrustStore()
    {
        MosquittoBroker::Options bo;
        bo.caFile = m_certs->caFile();
        bo.certFile = m_certs->serverCert();
        bo.keyFile = m_certs->serverKey();
        MosquittoBroker broker(subdir(QStringLiteral("tls-system")), bo);
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));
        qputenv("SSL_CERT_FILE", m_certs->caFile().toLocal8Bit());
        const auto restore = qScopeGuard([] { qunsetenv("SSL_CERT_FILE"); });

        MqttClientOptions o = options(broker.port());
        o.tls = true;
        MqttClient client(o);
        QSignalSpy failed(&client, &MqttClient::connectionFailed);
        client.connectToHost();
        QTRY_COMPARE(client.state(), MqttClient::State::Connected);
        QCOMPARE(failed.size(), 0);
    }

    // Two clients with one client id: the broker hands the session back and forth. Each side
    // says "another client uses client id X", and the reconnects slow down with the backoff
    // instead of going on at its shortest delay. Debian's mosquitto 2.0.11 closes the taken-over
    // connection without sending DISCONNECT 0x8E even to MQTT 5 clients, so both rows see the
    // pattern (connections closed right after being accepted); brokers that send 0x8E are
    // recognised at the first take-over (tst_mqtttakeoverdetector).
    void sameClientIdIsReportedAndBackedOff_data()
    {
        QTest::addColumn<int>("version");
        QTest::newRow("MQTT 3.1.1") << 4;
        QTest::newRow("MQTT 5") << 5;
    }

    void sameClientIdIsReportedAndBackedOff()
    {
        QFETCH(int, version);
        MosquittoBroker broker(subdir(QStringLiteral("takeover%1").arg(version)));
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));
        MqttClientOptions o = options(broker.port());
        o.protocolVersion = version;
        o.clientId = QStringLiteral("vigil-cloned-panel-mq");
        o.reconnectMinMs = 100;
        o.reconnectMaxMs = 6400;
        MqttClient first(o);
        MqttClient second(o);
        QSignalSpy firstConnects(&first, &MqttClient::connected);
        QSignalSpy secondConnects(&second, &MqttClient::connected);
        first.connectToHost();
        QTRY_COMPARE(first.state(), MqttClient::State::Connected);

        QElapsedTimer window;
        window.start();
        second.connectToHost();
        // Eleven take-overs (six of the first client, five of the second). With the backoff
        // the n-th of a client waits at least 50 * 2^(n-1) ms: 4.7 s in all. Reconnecting at
        // the shortest delay (100 ms) as before, they took about 1.2 s.
        QTRY_VERIFY_WITH_TIMEOUT(firstConnects.size() >= 7 && secondConnects.size() >= 6, 40'000);
        const qint64 elapsed = window.elapsed();
        QVERIFY2(elapsed >= 4'500, qPrintable(QStringLiteral("%1 + %2 connects in %3 ms")
                                                  .arg(firstConnects.size())
                                                  .arg(secondConnects.size())
                                                  .arg(elapsed)));
        const QString expected =
            QStringLiteral("another client uses client id vigil-cloned-panel-mq");
        QVERIFY2(first.lastError().startsWith(expected), qPrintable(first.lastError()));
        QVERIFY2(second.lastError().startsWith(expected), qPrintable(second.lastError()));
    }

    // Two panels loading the same plant file get different default client ids (their host
    // names differ) and stay connected side by side.
    void defaultClientIdsOfTwoPanelsCoexist()
    {
        MosquittoBroker broker(subdir(QStringLiteral("twopanels")));
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));
        MqttClientOptions a = options(broker.port());
        a.clientId = MqttDeviceSettings::defaultClientId(QStringLiteral("mq"),
                                                         QStringLiteral("panel-a"), "11111111");
        MqttClientOptions b = options(broker.port());
        b.clientId = MqttDeviceSettings::defaultClientId(QStringLiteral("mq"),
                                                         QStringLiteral("panel-b"), "11111111");
        MqttClient panelA(a);
        MqttClient panelB(b);
        QSignalSpy failedA(&panelA, &MqttClient::connectionFailed);
        QSignalSpy failedB(&panelB, &MqttClient::connectionFailed);
        QSignalSpy publishedA(&panelA, &MqttClient::published);
        panelA.connectToHost();
        QTRY_COMPARE(panelA.state(), MqttClient::State::Connected);
        panelB.connectToHost();
        QTRY_COMPARE(panelB.state(), MqttClient::State::Connected);
        // A round trip on the first connection after the second one was accepted: a broker
        // that took the session over would have closed it by then.
        QVERIFY(panelA.publish("vigil/probe", "1", 1, false, &error) > 0);
        QTRY_COMPARE(publishedA.size(), 1);
        QCOMPARE(panelA.state(), MqttClient::State::Connected);
        QCOMPARE(failedA.size(), 0);
        QCOMPARE(failedB.size(), 0);
    }

    void lastWillOnAbruptLoss()
    {
        MosquittoBroker broker(subdir(QStringLiteral("will")));
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));
        MosquittoClients::Subscriber sub;
        QVERIFY2(sub.start(broker.port(), QStringLiteral("vigil/#"), QStringLiteral("vigil/probe"),
                           &error),
                 qPrintable(error));

        MqttClientOptions o = options(broker.port());
        o.willTopic = "vigil/tst/status";
        o.willPayload = "offline";
        MqttClient client(o);
        client.connectToHost();
        QTRY_COMPARE(client.state(), MqttClient::State::Connected);
        QVERIFY(client.publish("vigil/tst/status", "online", 1, true) > 0);
        QVERIFY(sub.waitFor("vigil/tst/status online"));

        // The connection breaks without a DISCONNECT: the broker publishes the Last Will.
        QVERIFY(::shutdown(client.socketDescriptor(), SHUT_RDWR) == 0);
        QVERIFY(sub.waitFor("vigil/tst/status offline"));
        // And the client comes back by itself.
        QTRY_COMPARE(client.state(), MqttClient::State::Connected);
        QCOMPARE(client.reconnects(), quint64(1));
    }

    void connectTimeout()
    {
        MosquittoBroker broker(subdir(QStringLiteral("stalled")));
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));
        broker.pause(); // the kernel still accepts the TCP connection; no CONNACK ever comes
        MqttClientOptions o = options(broker.port());
        o.connectTimeoutMs = 500;
        MqttClient client(o);
        QSignalSpy failed(&client, &MqttClient::connectionFailed);
        client.connectToHost();
        QTRY_VERIFY_WITH_TIMEOUT(failed.size() >= 1, 3000);
        QVERIFY2(client.lastError().contains(u"no answer from 127.0.0.1"),
                 qPrintable(client.lastError()));
        broker.resume();
        QTRY_COMPARE(client.state(), MqttClient::State::Connected);
    }

    // An idle link stays up (the library's pings are answered); a silent broker is detected
    // within the silence timeout.
    void silentBrokerDetected()
    {
        MosquittoBroker broker(subdir(QStringLiteral("silent")));
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));
        MqttClientOptions o = options(broker.port());
        o.keepAliveSeconds = 5;
        o.silenceTimeoutMs = 7000;
        MqttClient client(o);
        QSignalSpy failed(&client, &MqttClient::connectionFailed);
        client.connectToHost();
        QTRY_COMPARE(client.state(), MqttClient::State::Connected);
        // Proves an absence, so it waits: idle past the 7 s silence timeout, only the 5 s
        // keepalive pings are heard, and that is no silence. (The library refuses a keepalive
        // under 5 s, and the 2 s between ping and timeout must absorb a busy machine.)
        QTest::qWait(8000);
        QCOMPARE(failed.size(), 0);
        QCOMPARE(client.state(), MqttClient::State::Connected);

        QElapsedTimer t;
        t.start();
        broker.pause();
        QTRY_VERIFY_WITH_TIMEOUT(failed.size() >= 1, 9000);
        QVERIFY2(t.elapsed() <= 7500, qPrintable(QString::number(t.elapsed())));
        QVERIFY2(client.lastError().contains(u"did not answer within the keepalive time"),
                 qPrintable(client.lastError()));
        broker.resume();
        QTRY_COMPARE(client.state(), MqttClient::State::Connected);
    }

    void reconnectAfterBrokerKill()
    {
        MosquittoBroker broker(subdir(QStringLiteral("kill")));
        QString error;
        QVERIFY2(broker.start(&error), qPrintable(error));
        MqttClient client(options(broker.port()));
        QByteArrayList payloads;
        connect(&client, &MqttClient::messageReceived, this,
                [&](const MqttMessage &m) { payloads.append(m.payload.toByteArray()); });
        QSignalSpy subscribed(&client, &MqttClient::subscribed);
        QSignalSpy failed(&client, &MqttClient::connectionFailed);
        client.addSubscription(QStringLiteral("k/#"), 0);
        client.connectToHost();
        QTRY_COMPARE(subscribed.size(), 1);

        broker.kill9();
        QTRY_VERIFY_WITH_TIMEOUT(failed.size() >= 1, 2000);
        QCOMPARE(failed.at(0).at(1).toBool(), true); // was connected
        QVERIFY(client.state() != MqttClient::State::Connected);
        QString publishError;
        QCOMPARE(client.publish("k/x", "1", 1, false, &publishError), 0);

        QVERIFY2(broker.start(&error), qPrintable(error));
        QTRY_COMPARE(client.state(), MqttClient::State::Connected);
        QTRY_COMPARE(subscribed.size(), 2); // restored
        QCOMPARE(client.reconnects(), quint64(1));
        QVERIFY2(MosquittoClients::publish(broker.port(), QStringLiteral("k/x"), "after", &error),
                 qPrintable(error));
        QTRY_COMPARE(payloads, QByteArrayList{"after"});
    }
};

QTEST_GUILESS_MAIN(TestMqttClient)
#include "tst_mqttclient.moc"
