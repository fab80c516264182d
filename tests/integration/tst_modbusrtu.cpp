// The Modbus driver on an RTU bus: pymodbus serving units 1 and 2 behind a socat pty pair (a
// virtual RS-485 cable), unit 3 dead. One device per serial port; the unit id is per tag, and one
// bus scheduler means requests never overlap. Covers a dead slave costing only its own timeout,
// writes, and pulling the cable (killing socat) and plugging it back in.

#include "modbus/modbusdriver.h"
#include "modbustesting.h"

using namespace vigil;
using namespace vigil::testing;

class TstModbusRtu : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void sharedBusReadsEveryUnit();
    void deadSlaveCostsOnlyItsTimeout();
    void writesOnTheBus();
    void cablePulledAndPluggedBackIn();

private:
    bool startServer();

    QTemporaryDir m_dir;
    std::unique_ptr<SerialCable> m_cable;
    Peer m_server;
    std::unique_ptr<PlantRig> m_rig;
    ModbusDriver *m_driver = nullptr;
    std::vector<double> m_cycles;
};

bool TstModbusRtu::startServer()
{
    return m_server.start(QString::fromLatin1(kPython),
                          {supportFile("pymodbus_server.py"), "--rtu", m_cable->deviceEnd(),
                           "--units", "1,2", "--set", "1:hr:0=111,112", "--set", "2:hr:0=221",
                           "--set", "2:ir:100=0x4049,0x0fd0", "--set", "2:co:3=1"},
                          "READY");
}

void TstModbusRtu::initTestCase()
{
    m_cable = std::make_unique<SerialCable>(m_dir.path());
    QVERIFY2(m_cable->plugIn(), qPrintable(m_cable->error()));
    QVERIFY2(startServer(), qPrintable(m_server.error()));
    const QString toml = QStringLiteral(R"(
tags = [
  { id = "U1A", device = "bus", address = "hr0", type = "uint16", unit = "-", range = [0, 1000] },
  { id = "U1B", device = "bus", address = "hr1", type = "uint16", unit = "-", range = [0, 1000] },
  { id = "U2A", device = "bus", address = "hr0", type = "uint16", unit = "-", range = [0, 1000], writable = true, write_limits = [0, 1000], options = { unit = 2 } },
  { id = "U2F", device = "bus", address = "ir100", type = "float32", unit = "-", range = [0, 10], options = { unit = 2 } },
  { id = "U2C", device = "bus", address = "co3", type = "bool", writable = true, options = { unit = 2 } },
  { id = "U3A", device = "bus", address = "hr0", type = "uint16", unit = "-", range = [0, 1000], options = { unit = 3 } },
  { id = "U3B", device = "bus", address = "hr500", type = "uint16", unit = "-", range = [0, 1000], options = { unit = 3 } },
  { id = "U3C", device = "bus", address = "ir7", type = "uint16", unit = "-", range = [0, 1000], options = { unit = 3 } },
]
[plant]
name = "rtu test"
[[devices]]
id = "bus"
driver = "modbus"
transport = "rtu"
serial = "%1"
baud = 19200
parity = "none"   # ptys cannot take parity (pyserial refuses it)
response_timeout = "200ms"
byte_timeout = "50ms"
retries = 2
scan = "300ms"
reconnect_min = "50ms"
reconnect_max = "200ms"
)")
                             .arg(m_cable->driverEnd());
    m_rig = std::make_unique<PlantRig>();
    QVERIFY2(m_rig->load(toml), qPrintable(m_rig->diagnostics()));
    m_driver = qobject_cast<ModbusDriver *>(m_rig->driver("bus"));
    QVERIFY(m_driver);
    QCOMPARE(m_driver->blocks().size(),
             size_t(7)); // u1 hr, u2 hr, u2 ir, u2 co, u3 hr0, hr500, u3 ir
    connect(m_driver, &ModbusDriver::cycleCompleted, this,
            [this](qint64, double ms) { m_cycles.push_back(ms); });
    m_rig->start();
}

void TstModbusRtu::cleanupTestCase()
{
    if (m_rig)
        m_rig->stop();
    m_rig.reset();
    m_server.stop();
}

void TstModbusRtu::sharedBusReadsEveryUnit()
{
    PlantRig &r = *m_rig;
    QTRY_VERIFY_WITH_TIMEOUT(r.sink.good(r.tag("U1A")) && r.sink.good(r.tag("U2F")) &&
                                 r.sink.good(r.tag("U2A")) && r.sink.good(r.tag("U2C")),
                             5000);
    QCOMPARE(r.sink.value(r.tag("U1A")), 111.0);
    QCOMPARE(r.sink.value(r.tag("U1B")), 112.0);
    QCOMPARE(r.sink.value(r.tag("U2A")), 221.0);
    QCOMPARE(float(r.sink.value(r.tag("U2F"))), 3.14159f);
    QCOMPARE(r.sink.value(r.tag("U2C")), 1.0);
}

void TstModbusRtu::deadSlaveCostsOnlyItsTimeout()
{
    PlantRig &r = *m_rig;
    QTRY_COMPARE_WITH_TIMEOUT(r.sink.quality(r.tag("U3A")), Quality::CommError, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(r.sink.quality(r.tag("U3C")), Quality::CommError, 5000);
    QVERIFY(r.sink.good(r.tag("U1A")));
    QCOMPARE(m_driver->status().state, DriverState::Degraded);
    // Once unit 3 is known dead, a cycle costs the good requests plus one timeout (one probe, no
    // retries), not 3 blocks x 3 tries x 200 ms. Two of its blocks have timed out, so it is dead;
    // the cycle running now may still have paid its retries: measure from the next one on.
    m_cycles.clear();
    QTRY_VERIFY_WITH_TIMEOUT(m_cycles.size() >= 2, 10'000);
    const quint64 timeoutsBefore = m_driver->statistics().timeouts;
    const quint64 overrunsBefore = m_driver->statistics().overruns;
    m_cycles.clear();
    QTRY_VERIFY_WITH_TIMEOUT(m_cycles.size() >= 4, 15'000);
    const quint64 timeouts = m_driver->statistics().timeouts - timeoutsBefore;
    const double worst = *std::max_element(m_cycles.begin(), m_cycles.end());
    // Below what three dead blocks with their retries cost (3 x 3 x 200 ms): the good requests
    // to a Python server over a pty take hundreds of ms on a busy machine, so a closer bound
    // would measure the load. The timeouts counted below show the one probe per cycle exactly.
    QVERIFY2(worst < 3 * 3 * 200, qPrintable(QStringLiteral("worst cycle %1 ms").arg(worst)));
    QVERIFY2(
        timeouts <= m_cycles.size() + 1,
        qPrintable(QStringLiteral("%1 timeouts in %2 cycles").arg(timeouts).arg(m_cycles.size())));
    // Overruns are the periods (300 ms) the measured cycles overran.
    qint64 overran = 0;
    for (double ms : m_cycles)
        overran += qint64(ms / 300.0);
    const qint64 counted = qint64(m_driver->statistics().overruns - overrunsBefore);
    QVERIFY2(counted >= overran && counted <= overran + 1, // +1: a cycle still in the queue
             qPrintable(QStringLiteral("%1 overruns counted, %2 seen").arg(counted).arg(overran)));
    QVERIFY(r.sink.good(r.tag("U2A")) && r.sink.good(r.tag("U1B")));
}

void TstModbusRtu::writesOnTheBus()
{
    PlantRig &r = *m_rig;
    WriteResult w = r.write("U2A", 500);
    QVERIFY2(w.ok, qPrintable(w.error));
    w = r.write("U2C", false);
    QVERIFY2(w.ok, qPrintable(w.error));
    QTRY_COMPARE_WITH_TIMEOUT(r.sink.value(r.tag("U2A")), 500.0, 2000);
    QTRY_COMPARE_WITH_TIMEOUT(r.sink.value(r.tag("U2C")), 0.0, 2000);
    QCOMPARE(r.sink.value(r.tag("U1A")), 111.0); // unit 1 untouched
}

void TstModbusRtu::cablePulledAndPluggedBackIn()
{
    PlantRig &r = *m_rig;
    QTRY_VERIFY_WITH_TIMEOUT(r.sink.good(r.tag("U1A")), 3000);
    const quint64 reconnects = m_driver->statistics().reconnects;
    m_cable->pull();
    m_server.stop();
    QTRY_COMPARE_WITH_TIMEOUT(m_driver->status().state, DriverState::Disconnected, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(isBad(r.sink.quality(r.tag("U1A"))), 3000);
    QVERIFY2(!m_driver->status().reason.isEmpty(), "the reason says why");

    QVERIFY2(m_cable->plugIn(), qPrintable(m_cable->error()));
    QVERIFY2(startServer(), qPrintable(m_server.error()));
    QTRY_VERIFY_WITH_TIMEOUT(r.sink.good(r.tag("U1A")) && r.sink.good(r.tag("U2F")), 8000);
    QCOMPARE(r.sink.value(r.tag("U1A")), 111.0);
    QVERIFY(m_driver->statistics().reconnects > reconnects);
    QTRY_COMPARE_WITH_TIMEOUT(r.sink.quality(r.tag("U3A")), Quality::CommError, 5000);
}

QTEST_GUILESS_MAIN(TstModbusRtu)
#include "tst_modbusrtu.moc"
