// Commands from the command service through the real drivers to vigil-sim and back: the demo
// plant with its Modbus TCP unit, its MQTT device on a real mosquitto broker and its weigh scale
// on a socat serial line. A command succeeds when its read-back shows the target (P101.RUN for
// the pump, the state topic for the MQTT setpoint, the scale's T,OK for the tare); a read-back
// that never comes fails the command and raises the tag's command-failure alarm.

#include "commandrig.h"
#include "mosquittobroker.h"

#include <QRegularExpression>

using namespace vigil;
using namespace vigil::testing;

class TstCommandSim : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void pumpStopsAndStartsOverModbus();
    void criticalSetpointNeedsASecondPerson();
    void setpointOverMqttReadsBackFromTheStateTopic();
    void tareOverSerialIsConfirmedByTheScale();
    void readBackThatNeverComesRaisesTheAlarm();

private:
    // The demo plant pointed at this test's simulator, broker and serial line. E101.CMD reads
    // back XV101.ZSC, which does not follow it: its commands cannot be confirmed.
    QString plantText() const;
    void waitForGood(std::initializer_list<const char *> ids);

    QTemporaryDir m_dir;
    std::unique_ptr<MosquittoBroker> m_broker;
    std::unique_ptr<SerialCable> m_cable;
    Peer m_sim;
    int m_modbusPort = 0;
    std::unique_ptr<CommandRig> m_rig;
};

void TstCommandSim::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_broker = std::make_unique<MosquittoBroker>(m_dir.path());
    QString error;
    QVERIFY2(m_broker->start(&error), qPrintable(error));
    m_cable = std::make_unique<SerialCable>(m_dir.path());
    QVERIFY2(m_cable->plugIn(), qPrintable(m_cable->error()));
    // 20 simulated seconds per second: P-101 runs 50 ms after its start command.
    QVERIFY2(m_sim.start(QStringLiteral(VIGIL_BIN_DIR "/vigil-sim"),
                         {"--tcp", "127.0.0.1:0", "--speed", "20", "--mqtt",
                          QStringLiteral("127.0.0.1:%1").arg(m_broker->port()), "--mqtt-period",
                          "200", "--serial", m_cable->deviceEnd(), "--scale-period", "100"},
                         "ready"),
             qPrintable(m_sim.error()));
    const QRegularExpressionMatch m =
        QRegularExpression("modbus tcp on 127.0.0.1:(\\d+)").match(m_sim.output());
    QVERIFY2(m.hasMatch(), qPrintable(m_sim.output()));
    m_modbusPort = m.captured(1).toInt();

    qputenv("VIGIL_BROKER_URL", m_broker->url().toUtf8());
    m_rig = std::make_unique<CommandRig>();
    const bool loaded = m_rig->load(plantText());
    qunsetenv("VIGIL_BROKER_URL");
    QVERIFY2(loaded, qPrintable(m_rig->diagnostics()));
    m_rig->start();
}

void TstCommandSim::cleanupTestCase()
{
    if (m_rig)
        m_rig->stop();
    m_rig.reset();
    m_sim.stop();
    m_cable.reset();
    m_broker.reset();
}

QString TstCommandSim::plantText() const
{
    QFile demo(QStringLiteral(VIGIL_SOURCE_DIR "/resources/demo/plant.toml"));
    if (!demo.open(QIODevice::ReadOnly))
        return {};
    QString toml = QString::fromUtf8(demo.readAll());
    const auto replace = [&toml](const QString &from, const QString &to) {
        if (!toml.contains(from))
            qFatal("the demo plant no longer contains %s", qPrintable(from));
        toml.replace(from, to);
    };
    replace(QStringLiteral("port = 15502"), QStringLiteral("port = %1").arg(m_modbusPort));
    replace(QStringLiteral("port = \"/tmp/vigil-demo/wi101\""),
            QStringLiteral("port = \"%1\"").arg(m_cable->driverEnd()));
    replace(QStringLiteral("file = \"utilities.csv\""),
            QStringLiteral("file = \"" VIGIL_SOURCE_DIR "/resources/demo/utilities.csv\""));
    // Stop and start follow each other at once here.
    replace(QStringLiteral("command_interval = \"2s\""), QString());
    replace(QStringLiteral("labels = [\"Off\", \"On\"]"),
            QStringLiteral("labels = [\"Off\", \"On\"]\nfeedback = \"XV101.ZSC\"\n"
                           "feedback_timeout = \"1s\""));
    return toml;
}

void TstCommandSim::waitForGood(std::initializer_list<const char *> ids)
{
    for (const char *id : ids)
        QTRY_VERIFY2_WITH_TIMEOUT(m_rig->good(QString::fromLatin1(id)), id, 10'000);
}

void TstCommandSim::pumpStopsAndStartsOverModbus()
{
    waitForGood({"P101.CMD", "P101.RUN", "LT101"});
    QVERIFY(m_rig->value("LT101") > 10.0); // no dry-run interlock

    const CommandStatus stop = m_rig->command("P101.CMD", false);
    QCOMPARE(commandStateName(stop.state), QStringLiteral("succeeded"));
    QCOMPARE(stop.message, QStringLiteral("P101.CMD: P101.RUN reached 0"));
    QCOMPARE(m_rig->value("P101.RUN"), 0.0);

    const CommandStatus start = m_rig->command("P101.CMD", true);
    QCOMPARE(commandStateName(start.state), QStringLiteral("succeeded"));
    QCOMPARE(start.message, QStringLiteral("P101.CMD: P101.RUN reached 1"));
    QCOMPARE(m_rig->value("P101.RUN"), 1.0);
    QStringList steps;
    for (const CommandStatus &s : m_rig->statuses(start.id))
        steps << commandStateName(s.state);
    QCOMPARE(steps, QStringList({"selected", "sending", "verifying", "succeeded"}));
}

void TstCommandSim::criticalSetpointNeedsASecondPerson()
{
    waitForGood({"TIC101.SP"});
    const CommandStatus alone = m_rig->command("TIC101.SP", 65.0, 1000);
    QCOMPARE(commandStateName(alone.state), QStringLiteral("awaiting-confirmation"));
    m_rig->service().cancel(alone.id, QStringLiteral("alice"));

    const CommandStatus s = m_rig->command("TIC101.SP", 65.0, 10'000, QStringLiteral("bob"));
    QCOMPARE(commandStateName(s.state), QStringLiteral("succeeded"));
    QCOMPARE(s.confirmer, QStringLiteral("bob"));
    QCOMPARE(m_rig->value("TIC101.SP"), 65.0);
}

void TstCommandSim::setpointOverMqttReadsBackFromTheStateTopic()
{
    waitForGood({"MQ.TIC101.SP"});
    const double target = m_rig->value("MQ.TIC101.SP") == 72.5 ? 71.0 : 72.5;
    const CommandStatus s = m_rig->command("MQ.TIC101.SP", target);
    QCOMPARE(commandStateName(s.state), QStringLiteral("succeeded"));
    QCOMPARE(s.message,
             QStringLiteral("MQ.TIC101.SP: MQ.TIC101.SP reached %1").arg(QString::number(target)));
    // The same process over Modbus.
    QTRY_COMPARE_WITH_TIMEOUT(m_rig->value("TIC101.SP"), target, 5000);
}

void TstCommandSim::tareOverSerialIsConfirmedByTheScale()
{
    // The scale tares only while the weight is steady: inlet closed, pump stopped.
    QCOMPARE(commandStateName(m_rig->command("XV101.CMD", false).state),
             QStringLiteral("succeeded"));
    QCOMPARE(commandStateName(m_rig->command("P101.CMD", false).state),
             QStringLiteral("succeeded"));
    QTRY_COMPARE_WITH_TIMEOUT(m_rig->value("XV101.ZSC"), 1.0, 5000);
    waitForGood({"WT101.STABLE"});
    QTRY_COMPARE_WITH_TIMEOUT(m_rig->value("WT101.STABLE"), 1.0, 5000);

    const CommandStatus tare = m_rig->command("WT101.TARE", true);
    QCOMPARE(commandStateName(tare.state), QStringLiteral("succeeded"));
    QCOMPARE(tare.message, QStringLiteral("WT101.TARE: 1 written, confirmed by the device"));
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(m_rig->value("WT101.NET")) < 5.0, 5000);
}

void TstCommandSim::readBackThatNeverComesRaisesTheAlarm()
{
    // The inlet is closed (previous test): XV101.ZSC stays 1 whatever E101.CMD does.
    QTRY_COMPARE_WITH_TIMEOUT(m_rig->value("XV101.ZSC"), 1.0, 5000);
    waitForGood({"E101.CMD"});
    const CommandStatus s = m_rig->command("E101.CMD", false, 5000);
    QCOMPARE(commandStateName(s.state), QStringLiteral("failed"));
    QCOMPARE(s.message,
             QStringLiteral("E101.CMD: XV101.ZSC did not reach 0 within 1 s (read-back 1)"));

    const std::optional<quint32> alarm =
        m_rig->alarms().idOf(QStringLiteral("E101.CMD/commandfailure"));
    QVERIFY(alarm);
    const AlarmSnapshot raised = m_rig->alarms().snapshot(*alarm);
    QVERIFY(raised.flags.active);
    QVERIFY2(raised.detail.contains(u"did not reach 0"), qPrintable(raised.detail));

    // The command did reach the process (the coil reads back 0): only its confirmation failed.
    QTRY_COMPARE_WITH_TIMEOUT(m_rig->value("E101.CMD"), 0.0, 5000);
}

QTEST_GUILESS_MAIN(TstCommandSim)
#include "tst_commandsim.moc"
