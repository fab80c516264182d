// vigil-sim: read and written by a pymodbus client (physics respond to commands), and the demo
// plant running against it over Modbus TCP: commands written through the driver reach the process.

#include "modbustesting.h"

#include <QRegularExpression>

using namespace vigil;
using namespace vigil::testing;

class TstVigilSim : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void pymodbusClientReadsTheProcess();
    void pymodbusClientCommandsTheProcess();
    void demoPlantRunsOverModbus();
    void commandsFromTheDriverReachTheProcess();

private:
    QStringList client(const QStringList &ops);
    static double float32(const QString &hi, const QString &lo);

    Peer m_sim;
    int m_port = 0;
    std::unique_ptr<PlantRig> m_rig;
};

void TstVigilSim::initTestCase()
{
    // 20 simulated seconds per second keep valve travel (8 s) and the heater lag short.
    QVERIFY2(m_sim.start(QStringLiteral(VIGIL_BIN_DIR "/vigil-sim"),
                         {"--tcp", "127.0.0.1:0", "--speed", "20"}, "ready"),
             qPrintable(m_sim.error()));
    const QRegularExpressionMatch m =
        QRegularExpression("modbus tcp on 127.0.0.1:(\\d+)").match(m_sim.output());
    QVERIFY2(m.hasMatch(), qPrintable(m_sim.output()));
    m_port = m.captured(1).toInt();
}

void TstVigilSim::cleanupTestCase()
{
    if (m_rig)
        m_rig->stop();
    m_rig.reset();
    m_sim.stop();
}

QStringList TstVigilSim::client(const QStringList &ops)
{
    QProcess p;
    p.start(QString::fromLatin1(kPython),
            QStringList{supportFile("pymodbus_client.py"), "--tcp", QString::number(m_port)} + ops);
    if (!p.waitForFinished(10'000))
        return {"error: client hung"};
    return QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed().split(u'\n');
}

double TstVigilSim::float32(const QString &hi, const QString &lo)
{
    const quint32 bits = (hi.toUInt() << 16) | lo.toUInt();
    float f;
    std::memcpy(&f, &bits, sizeof f);
    return f;
}

void TstVigilSim::pymodbusClientReadsTheProcess()
{
    const QStringList out = client({"read:ir:0:29", "read:di:0:3", "read:hr:10:4"});
    QCOMPARE(out.size(), 3);
    const QStringList ir = out[0].split(u',');
    QCOMPARE(ir.size(), 29);
    const double level = qint16(ir[0].toInt()) / 27648.0 * 100.0;
    QVERIFY2(level > 20 && level < 80, qPrintable(out[0]));
    const double temperature = float32(ir[1], ir[2]);
    QVERIFY2(temperature > 15 && temperature < 100, qPrintable(QString::number(temperature)));
    QCOMPARE(out[2], QStringLiteral("16725,21583,0,0")); // "AUTO"
}

void TstVigilSim::pymodbusClientCommandsTheProcess()
{
    // Stop the pump: its run feedback drops and the motor current decays to zero.
    QCOMPARE(client({"write_coil:1:0"}), QStringList{"ok"});
    QTRY_COMPARE_WITH_TIMEOUT(client({"read:di:2:1"}), QStringList{"0"}, 3000);
    QTRY_VERIFY_WITH_TIMEOUT(client({"read:ir:13:2"}).first() == QStringLiteral("0,0"), 3000);
    // With the valve open and the pump stopped the tank fills.
    const int before = client({"read:ir:0:1"}).first().toInt();
    QTRY_VERIFY_WITH_TIMEOUT(client({"read:ir:0:1"}).first().toInt() > before + 10, 5000);
    // Start it again.
    QCOMPARE(client({"write_coil:1:1"}), QStringList{"ok"});
    QTRY_COMPARE_WITH_TIMEOUT(client({"read:di:2:1"}), QStringList{"1"}, 3000);
}

void TstVigilSim::demoPlantRunsOverModbus()
{
    QFile demo(QStringLiteral(VIGIL_SOURCE_DIR "/resources/demo/plant.toml"));
    QVERIFY(demo.open(QIODevice::ReadOnly));
    QString toml = QString::fromUtf8(demo.readAll());
    QVERIFY(toml.contains("port = 15502"));
    toml.replace("port = 15502", QStringLiteral("port = %1").arg(m_port));
    toml.replace("file = \"utilities.csv\"",
                 "file = \"" VIGIL_SOURCE_DIR "/resources/demo/utilities.csv\"");
    m_rig = std::make_unique<PlantRig>();
    QVERIFY2(m_rig->load(toml), qPrintable(m_rig->diagnostics()));
    m_rig->start();
    PlantRig &r = *m_rig;
    Driver *unit = r.driver("unit1");
    QTRY_COMPARE_WITH_TIMEOUT(unit->status().state, DriverState::Connected, 5000);
    for (const char *id : {"LT101", "TT101", "TIC101.SP", "XV101.POS", "FT101", "P101.RUN", "IT101",
                           "VT101", "PT101", "FQ101", "P101.MODE", "TA101", "E101.ON"})
        QTRY_VERIFY2_WITH_TIMEOUT(r.sink.good(r.tag(id)), id, 5000);
    QCOMPARE(r.sink.text(r.tag("P101.MODE")), QStringLiteral("AUTO"));
    QCOMPARE(r.sink.value(r.tag("TA101")), 1500.0); // raw, BADC decoded (0.01 °C)
    QCOMPARE(r.sink.value(r.tag("P101.RUN")), 1.0);
    QVERIFY(unit->statistics().errors == 0);
}

void TstVigilSim::commandsFromTheDriverReachTheProcess()
{
    PlantRig &r = *m_rig;
    QVERIFY(r.write("TIC101.SP", 45.0).ok);
    const QStringList sp = client({"read:hr:0:2"}).first().split(u',');
    QCOMPARE(float32(sp[0], sp[1]), 45.0);
    QTRY_COMPARE_WITH_TIMEOUT(r.sink.value(r.tag("TIC101.SP")), 45.0, 2000);

    // Close the inlet valve: position travels to 0, the closed limit switch follows.
    QVERIFY(r.write("XV101.CMD", false).ok);
    QTRY_COMPARE_WITH_TIMEOUT(r.sink.value(r.tag("XV101.ZSC")), 1.0, 3000);
    QTRY_COMPARE_WITH_TIMEOUT(r.sink.value(r.tag("XV101.POS")), 0.0, 2000);
    QTRY_COMPARE_WITH_TIMEOUT(r.sink.value(r.tag("FT101")), 0.0, 2000);

    // Stop the pump: run feedback and current go to zero; the outlet flow stops.
    QVERIFY(r.write("P101.CMD", false).ok);
    QTRY_COMPARE_WITH_TIMEOUT(r.sink.value(r.tag("P101.RUN")), 0.0, 2000);
    QTRY_VERIFY_WITH_TIMEOUT(r.sink.value(r.tag("IT101")) < 0.5, 3000);
    QCOMPARE(r.sink.value(r.tag("FT102")), 0.0);

    // Speed setpoint reaches the process; restart and reopen.
    QVERIFY(r.write("P101.SPD", 50).ok);
    QCOMPARE(client({"read:hr:2:1"}), QStringList{"50"});
    QVERIFY(r.write("P101.CMD", true).ok);
    QVERIFY(r.write("XV101.CMD", true).ok);
    QTRY_COMPARE_WITH_TIMEOUT(r.sink.value(r.tag("P101.RUN")), 1.0, 3000);
    QTRY_COMPARE_WITH_TIMEOUT(r.sink.value(r.tag("XV101.ZSO")), 1.0, 3000);
    // Out-of-limit commands never reach the process.
    QVERIFY(!r.write("TIC101.SP", 95.0).ok);
    QCOMPARE(client({"read:hr:0:2"}).first().split(u',').first(), sp[0]);
}

QTEST_GUILESS_MAIN(TstVigilSim)
#include "tst_vigilsim.moc"
