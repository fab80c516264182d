// vigil-sim's MQTT front-end against a real mosquitto: the unit published as JSON (checked by
// mosquitto_sub), commands taken from mosquitto_pub, and the demo plant running against it over
// Modbus and MQTT side by side: a command written through the MQTT driver reaches the process
// and reads back over both protocols; losing the broker costs only the MQTT tags.

#include "modbustesting.h"
#include "mosquittobroker.h"
#include "mosquittoclients.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace vigil;
using namespace vigil::testing;

class TstVigilSimMqtt : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<MosquittoBroker> m_broker;
    Peer m_sim;
    int m_modbusPort = 0;
    std::unique_ptr<PlantRig> m_rig;

    // The latest retained state document.
    QJsonObject state()
    {
        QByteArray out;
        QString error;
        if (!MosquittoBroker::run(QStringLiteral("mosquitto_sub"),
                                  MosquittoClients::connection(m_broker->port(), {})
                                      << QStringLiteral("-t")
                                      << QStringLiteral("riverside/unit1/state")
                                      << QStringLiteral("-C") << QStringLiteral("1")
                                      << QStringLiteral("-W") << QStringLiteral("3"),
                                  &error, &out))
            return {};
        return QJsonDocument::fromJson(out.trimmed()).object();
    }

    void command(const QString &name, const QByteArray &payload)
    {
        QString error;
        QVERIFY2(MosquittoClients::publish(m_broker->port(),
                                           QStringLiteral("riverside/unit1/cmd/") + name, payload,
                                           &error),
                 qPrintable(error));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_broker = std::make_unique<MosquittoBroker>(m_dir.path());
        QString error;
        QVERIFY2(m_broker->start(&error), qPrintable(error));
        // 20 simulated seconds per second keep the pump start and the valve travel short.
        QVERIFY2(m_sim.start(QStringLiteral(VIGIL_BIN_DIR "/vigil-sim"),
                             {"--tcp", "127.0.0.1:0", "--speed", "20", "--mqtt",
                              QStringLiteral("127.0.0.1:%1").arg(m_broker->port()), "--mqtt-period",
                              "100"},
                             "ready"),
                 qPrintable(m_sim.error()));
        const QRegularExpressionMatch m =
            QRegularExpression("modbus tcp on 127.0.0.1:(\\d+)").match(m_sim.output());
        QVERIFY2(m.hasMatch(), qPrintable(m_sim.output()));
        m_modbusPort = m.captured(1).toInt();
    }

    void cleanupTestCase()
    {
        if (m_rig)
            m_rig->stop();
        m_rig.reset();
        m_sim.stop();
        m_broker.reset();
    }

    void simPublishesTheUnit()
    {
        QJsonObject s;
        QTRY_VERIFY_WITH_TIMEOUT(!(s = state()).isEmpty(), 5000);
        QVERIFY(s.value(u"ts").toDouble() > 1.6e12);
        const double level = s.value(u"tank").toObject().value(u"level").toDouble(-1);
        QVERIFY2(level > 0 && level < 100, qPrintable(QString::number(level)));
        QCOMPARE(s.value(u"flow").toArray().size(), 2);
        QVERIFY(s.value(u"pump").toObject().value(u"running").isBool());
        QCOMPARE(s.value(u"mode").toString(), QStringLiteral("AUTO"));
        QCOMPARE(s.value(u"setpoints").toObject().value(u"temperature").toDouble(), 60.0);

        QByteArray status;
        QString error;
        QVERIFY2(MosquittoBroker::run(QStringLiteral("mosquitto_sub"),
                                      MosquittoClients::connection(m_broker->port(), {})
                                          << QStringLiteral("-t")
                                          << QStringLiteral("riverside/unit1/sim/status")
                                          << QStringLiteral("-C") << QStringLiteral("1")
                                          << QStringLiteral("-W") << QStringLiteral("3"),
                                      &error, &status),
                 qPrintable(error));
        QCOMPARE(status.trimmed(), QByteArray("online"));
    }

    void simTakesCommands()
    {
        command(QStringLiteral("pump_speed"), R"({"value": 55})");
        QTRY_COMPARE_WITH_TIMEOUT(
            state().value(u"setpoints").toObject().value(u"pump_speed").toDouble(), 55.0, 5000);
        command(QStringLiteral("pump_speed"), "80"); // a bare value works too
        QTRY_COMPARE_WITH_TIMEOUT(
            state().value(u"setpoints").toObject().value(u"pump_speed").toDouble(), 80.0, 5000);
        // Nonsense is ignored, with a line on the simulator's stderr.
        command(QStringLiteral("pump_speed"), "fast");
        command(QStringLiteral("self_destruct"), "true");
        QByteArray stderrText;
        QTRY_VERIFY2_WITH_TIMEOUT(
            (stderrText += m_sim.process()->readAllStandardError()).contains("ignored"),
            stderrText.constData(), 3000);
        QCOMPARE(state().value(u"setpoints").toObject().value(u"pump_speed").toDouble(), 80.0);
    }

    void demoPlantOverModbusAndMqtt()
    {
        QFile demo(QStringLiteral(VIGIL_SOURCE_DIR "/resources/demo/plant.toml"));
        QVERIFY(demo.open(QIODevice::ReadOnly));
        QString toml = QString::fromUtf8(demo.readAll());
        QVERIFY(toml.contains("port = 15502"));
        toml.replace("port = 15502", QStringLiteral("port = %1").arg(m_modbusPort));
        toml.replace("file = \"utilities.csv\"",
                     "file = \"" VIGIL_SOURCE_DIR "/resources/demo/utilities.csv\"");
        // The MQTT device takes the deployment's broker URL: point it at the test's broker.
        qputenv("VIGIL_BROKER_URL",
                QStringLiteral("mqtt://127.0.0.1:%1").arg(m_broker->port()).toUtf8());
        m_rig = std::make_unique<PlantRig>();
        QVERIFY2(m_rig->load(toml), qPrintable(m_rig->diagnostics()));
        qunsetenv("VIGIL_BROKER_URL");
        m_rig->start();
        PlantRig &r = *m_rig;
        QTRY_COMPARE_WITH_TIMEOUT(r.driver("unit1")->status().state, DriverState::Connected, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(r.driver("unit1-mqtt")->status().state, DriverState::Connected,
                                  5000);
        for (const char *id : {"MQ.LT101", "MQ.TT101", "MQ.FT102", "MQ.VT101", "MQ.P101.RUN",
                               "MQ.MODE", "MQ.TIC101.SP", "MQ.P101.CMD", "MQ.SIM.STATUS", "LT101"})
            QTRY_VERIFY2_WITH_TIMEOUT(r.sink.good(r.tag(id)), id, 5000);
        QCOMPARE(r.sink.text(r.tag("MQ.MODE")), QStringLiteral("AUTO"));
        QCOMPARE(r.sink.text(r.tag("MQ.SIM.STATUS")), QStringLiteral("online"));
        // The same process seen over both protocols.
        QTRY_VERIFY_WITH_TIMEOUT(std::abs(r.sink.value(r.tag("MQ.LT101")) -
                                          r.sink.value(r.tag("LT101")) * 100.0 / 27648.0) < 2.0,
                                 5000);
        QCOMPARE(r.driver("unit1-mqtt")->statistics().rejected, quint64(0));
    }

    void hmiCommandReachesTheSimOverMqtt()
    {
        PlantRig &r = *m_rig;
        WriteResult w = r.write("MQ.TIC101.SP", 72.5);
        QVERIFY2(w.ok, qPrintable(w.error));
        // Read back over MQTT and over Modbus (hr0 is the same setpoint).
        QTRY_COMPARE_WITH_TIMEOUT(r.sink.value(r.tag("MQ.TIC101.SP")), 72.5, 3000);
        QTRY_COMPARE_WITH_TIMEOUT(r.sink.value(r.tag("TIC101.SP")), 72.5, 3000);
        // A later Modbus command does not undo the setpoint given over MQTT.
        w = r.write("XV101.CMD", true);
        QVERIFY2(w.ok, qPrintable(w.error));
        // The sim took the command before it answered; the third reading of the setpoint from now
        // on (over each protocol) was made after it: up to two older ones may still be on their
        // way.
        const quint64 mqSeen = r.sink.received(r.tag("MQ.TIC101.SP"));
        const quint64 mbSeen = r.sink.received(r.tag("TIC101.SP"));
        QTRY_VERIFY_WITH_TIMEOUT(r.sink.received(r.tag("MQ.TIC101.SP")) >= mqSeen + 3 &&
                                     r.sink.received(r.tag("TIC101.SP")) >= mbSeen + 3,
                                 5000);
        QCOMPARE(r.sink.value(r.tag("MQ.TIC101.SP")), 72.5);
        QCOMPARE(r.sink.value(r.tag("TIC101.SP")), 72.5);

        w = r.write("MQ.P101.CMD", false);
        QVERIFY2(w.ok, qPrintable(w.error));
        QTRY_COMPARE_WITH_TIMEOUT(r.sink.value(r.tag("MQ.P101.RUN")), 0.0, 3000);
        QTRY_COMPARE_WITH_TIMEOUT(r.sink.value(r.tag("P101.RUN")), 0.0, 3000);
        w = r.write("MQ.P101.CMD", true);
        QVERIFY2(w.ok, qPrintable(w.error));
        QTRY_COMPARE_WITH_TIMEOUT(r.sink.value(r.tag("MQ.P101.RUN")), 1.0, 3000);
        QVERIFY(!r.write("MQ.TIC101.SP", 95.0).ok); // outside the write limits: never sent
    }

    void brokerLossCostsOnlyTheMqttTags()
    {
        PlantRig &r = *m_rig;
        m_broker->kill9();
        QTRY_COMPARE_WITH_TIMEOUT(r.sink.quality(r.tag("MQ.LT101")), Quality::CommError, 3000);
        QCOMPARE(r.sink.quality(r.tag("MQ.SIM.STATUS")), Quality::CommError);
        r.sink.clear();
        QTRY_VERIFY_WITH_TIMEOUT(r.sink.good(r.tag("LT101")), 3000); // Modbus carries on
        QVERIFY(!r.write("MQ.TIC101.SP", 50.0).ok);                  // fails at once

        QString error;
        QVERIFY2(m_broker->start(&error), qPrintable(error));
        // Both the simulator and the HMI reconnect by themselves.
        QTRY_VERIFY_WITH_TIMEOUT(r.sink.good(r.tag("MQ.LT101")), 10000);
        QCOMPARE(r.driver("unit1-mqtt")->statistics().reconnects, quint64(1));
        QTRY_COMPARE_WITH_TIMEOUT(r.sink.value(r.tag("MQ.TIC101.SP")), 72.5, 3000);
    }
};

QTEST_GUILESS_MAIN(TstVigilSimMqtt)
#include "tst_vigilsimmqtt.moc"
