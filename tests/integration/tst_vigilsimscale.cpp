// vigil-sim's weigh scale WI-101 read by the serial driver through a socat pty pair, with the demo
// plant as shipped (its Modbus device on the same simulator): the weights match the process, the
// scale's commands reach it and are acknowledged or refused, line noise switched on at run time is
// counted without stopping the values, and the wiring survives socat being restarted.

#include "modbustesting.h"

#include <QRegularExpression>

using namespace vigil;
using namespace vigil::testing;

namespace
{

// The physics of WI-101 (app/sim/weighscale.h): empty vessel + level × 10 m³ × 1020 kg/m³.
double grossFor(double levelPercent)
{
    return 1850.0 + levelPercent / 100.0 * 10.0 * 1020.0;
}

} // namespace

class TstVigilSimScale : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void weightsMatchTheProcess();
    void commandsAreAcknowledgedOrRefused();
    void lineNoiseIsCountedAndValuesGoOn();
    void socatRestartIsSurvived();

private:
    quint32 tag(const char *id) const { return m_rig->tag(QString::fromLatin1(id)); }
    double value(const char *id) const { return m_rig->sink.value(tag(id)); }
    bool good(const char *id) const { return m_rig->sink.good(tag(id)); }
    // LT101 as the driver delivers it: analog input counts, 0..27648 = 0..100 %.
    double level() const { return value("LT101") / 27648.0 * 100.0; }
    Driver *scale() const { return m_rig->driver(QStringLiteral("scale1")); }
    QStringList modbus(const QStringList &ops);

    QTemporaryDir m_dir;
    std::unique_ptr<SerialCable> m_cable;
    Peer m_sim;
    int m_port = 0;
    std::unique_ptr<PlantRig> m_rig;
};

void TstVigilSimScale::initTestCase()
{
    m_cable = std::make_unique<SerialCable>(m_dir.path());
    QVERIFY2(m_cable->plugIn(), qPrintable(m_cable->error()));
    // 20 simulated seconds per second: the inlet valve closes in 0.4 s. Ten records a second.
    QVERIFY2(m_sim.start(QStringLiteral(VIGIL_BIN_DIR "/vigil-sim"),
                         {"--tcp", "127.0.0.1:0", "--speed", "20", "--serial", m_cable->deviceEnd(),
                          "--scale-period", "100"},
                         "ready"),
             qPrintable(m_sim.error()));
    const QRegularExpressionMatch m =
        QRegularExpression("modbus tcp on 127.0.0.1:(\\d+)").match(m_sim.output());
    QVERIFY2(m.hasMatch(), qPrintable(m_sim.output()));
    m_port = m.captured(1).toInt();

    QFile demo(QStringLiteral(VIGIL_SOURCE_DIR "/resources/demo/plant.toml"));
    QVERIFY(demo.open(QIODevice::ReadOnly));
    QString toml = QString::fromUtf8(demo.readAll());
    for (const char *expected : {"port = 15502", "port = \"/tmp/vigil-demo/wi101\""})
        QVERIFY2(toml.contains(QLatin1String(expected)), expected);
    toml.replace("port = 15502", QStringLiteral("port = %1").arg(m_port));
    toml.replace("port = \"/tmp/vigil-demo/wi101\"",
                 QStringLiteral("port = \"%1\"").arg(m_cable->driverEnd()));
    toml.replace("file = \"utilities.csv\"",
                 "file = \"" VIGIL_SOURCE_DIR "/resources/demo/utilities.csv\"");
    m_rig = std::make_unique<PlantRig>();
    QVERIFY2(m_rig->load(toml), qPrintable(m_rig->diagnostics()));
    m_rig->start();
}

void TstVigilSimScale::cleanupTestCase()
{
    if (m_rig)
        m_rig->stop();
    m_rig.reset();
    m_sim.stop();
    m_cable.reset();
}

QStringList TstVigilSimScale::modbus(const QStringList &ops)
{
    QProcess p;
    p.start(QString::fromLatin1(kPython),
            QStringList{supportFile("pymodbus_client.py"), "--tcp", QString::number(m_port)} + ops);
    if (!p.waitForFinished(10'000))
        return {"error: client hung"};
    return QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed().split(u'\n');
}

void TstVigilSimScale::weightsMatchTheProcess()
{
    QTRY_COMPARE_WITH_TIMEOUT(scale()->status().state, DriverState::Connected, 5000);
    for (const char *id : {"WT101", "WT101.NET", "WT101.STABLE", "LT101"})
        QTRY_VERIFY2_WITH_TIMEOUT(good(id), id, 5000);

    // Close the inlet and stop the pump (as read after the commands): the level holds, the scale
    // settles. Only records weighed from then on count: the scale looks back one second.
    QVERIFY(m_rig->write("XV101.CMD", false).ok);
    QVERIFY(m_rig->write("P101.CMD", false).ok);
    m_rig->sink.clear();
    QTRY_COMPARE_WITH_TIMEOUT(value("XV101.ZSC"), 1.0, 3000);
    QTRY_COMPARE_WITH_TIMEOUT(value("P101.RUN"), 0.0, 3000);
    m_rig->sink.clear();
    QTRY_COMPARE_WITH_TIMEOUT(m_rig->sink.value(tag("WT101.STABLE")), 1.0, 3000);
    QTRY_VERIFY_WITH_TIMEOUT(good("LT101"), 2000);

    // Gross weight = vessel + the level's product (LT101 over Modbus from the same process);
    // within noise, display divisions and the level's resolution.
    QTRY_VERIFY2_WITH_TIMEOUT(std::abs(value("WT101") - grossFor(level())) <= 2.0,
                              qPrintable(QStringLiteral("WT101 %1 kg, LT101 %2 % -> %3 kg")
                                             .arg(value("WT101"))
                                             .arg(level())
                                             .arg(grossFor(level()))),
                              3000);
    QVERIFY(value("WT101") > 1850.0 + 100.0);
    QCOMPARE(value("WT101.NET"), value("WT101")); // no tare yet
    QCOMPARE(scale()->statistics().rejected, quint64(0));
}

void TstVigilSimScale::commandsAreAcknowledgedOrRefused()
{
    // Tare while stable: T,OK; the net weight drops to about zero, the gross stays.
    const double gross = value("WT101");
    const WriteResult tare = m_rig->write("WT101.TARE", true);
    QVERIFY2(tare.ok, qPrintable(tare.error));
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(value("WT101.NET")) <= 1.0, 2000);
    QVERIFY(std::abs(value("WT101") - gross) <= 1.0);

    // Preset tare: SET TARE 1000.0 -> SET,OK.
    const WriteResult preset = m_rig->write("WT101.PT", 1000.0);
    QVERIFY2(preset.ok, qPrintable(preset.error));
    QTRY_VERIFY_WITH_TIMEOUT(std::abs(value("WT101.NET") - (value("WT101") - 1000.0)) <= 1.0, 2000);
    QCOMPARE(value("WT101.PT"), 1000.0); // a write-only tag shows what the device took

    // A fixed command is sent by writing true only.
    const WriteResult off = m_rig->write("WT101.TARE", false);
    QVERIFY(!off.ok);
    QVERIFY2(off.error.contains(u"fixed command"), qPrintable(off.error));

    // Start the pump: the tank empties fast, the scale is in motion and refuses to tare.
    QVERIFY(m_rig->write("P101.CMD", true).ok);
    QTRY_COMPARE_WITH_TIMEOUT(value("WT101.STABLE"), 0.0, 3000);
    const WriteResult moving = m_rig->write("WT101.TARE", true);
    QVERIFY(!moving.ok);
    QVERIFY2(moving.error.contains(u"refused") && moving.error.contains(u"T,NG"),
             qPrintable(moving.error));
    QVERIFY(std::abs(value("WT101.NET") - (value("WT101") - 1000.0)) <= 60.0); // tare kept
    QCOMPARE(scale()->statistics().rejected, quint64(0));
}

void TstVigilSimScale::lineNoiseIsCountedAndValuesGoOn()
{
    // hr9005: a line of noise bytes before every 2nd record (five a second).
    QCOMPARE(modbus({"write_reg:9005:2"}), QStringList{"ok"});
    QTRY_VERIFY_WITH_TIMEOUT(
        scale()->statistics().errorsByKind.value(QStringLiteral("garbage")) >= 3, 3000);
    m_rig->sink.clear();
    QTRY_VERIFY_WITH_TIMEOUT(good("WT101") && good("WT101.NET"), 2000);
    QCOMPARE(scale()->status().state, DriverState::Connected);
    QCOMPARE(modbus({"write_reg:9005:0", "read:hr:9005:1"}), (QStringList{"ok", "0"}));
    const quint64 garbage = scale()->statistics().errorsByKind.value(QStringLiteral("garbage"));
    QVERIFY(garbage >= 3);
    QCOMPARE(scale()->statistics().rejected, garbage);
}

void TstVigilSimScale::socatRestartIsSurvived()
{
    // The cable pulled: socat ends, both ptys vanish. The scale's tags go NotConnected.
    m_cable->pull();
    QTRY_COMPARE_WITH_TIMEOUT(scale()->status().state, DriverState::Disconnected, 3000);
    QTRY_COMPARE_WITH_TIMEOUT(m_rig->sink.quality(tag("WT101")), Quality::NotConnected, 2000);
    QTRY_VERIFY_WITH_TIMEOUT(good("LT101"), 2000); // the Modbus device is not affected

    // Plugged back in (new ptys, same links): vigil-sim and the driver reopen their ends.
    QVERIFY2(m_cable->plugIn(), qPrintable(m_cable->error()));
    QTRY_COMPARE_WITH_TIMEOUT(scale()->status().state, DriverState::Connected, 5000);
    m_rig->sink.clear();
    QTRY_VERIFY_WITH_TIMEOUT(good("WT101") && good("WT101.STABLE") && good("LT101"), 5000);
    QVERIFY(std::abs(value("WT101") - grossFor(level())) <= 300.0); // the pump is running
    QVERIFY(scale()->statistics().reconnects >= 1);
    const WriteResult preset = m_rig->write("WT101.PT", 0.0);
    QVERIFY2(preset.ok, qPrintable(preset.error));
}

QTEST_GUILESS_MAIN(TstVigilSimScale)
#include "tst_vigilsimscale.moc"
