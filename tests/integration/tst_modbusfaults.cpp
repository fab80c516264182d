// The Modbus faults a field link shows, from vigil-sim's switches: delayed responses (timeouts),
// exception codes with readable messages, dropped connections, the server going away and coming
// back (reconnect with backoff), corrupted RTU frames (CRC errors counted), and 1,000 reconnects
// without leaking file descriptors or memory.

#include "modbus/modbusdriver.h"
#include "modbustesting.h"

#include <QRegularExpression>

#include <malloc.h>

using namespace vigil;
using namespace vigil::testing;

namespace
{

int openFds()
{
    return int(QDir(QStringLiteral("/proc/self/fd"))
                   .entryList(QDir::NoDotAndDotDot | QDir::System)
                   .size());
}

qint64 heapBytes()
{
    return qint64(mallinfo2().uordblks);
}

QString tcpPlant(int port, const QString &extra = QString())
{
    return QStringLiteral(R"(
tags = [
  { id = "LT", device = "plc", address = "ir0", type = "int16", unit = "-", range = [0, 30000] },
  { id = "TT", device = "plc", address = "ir1", type = "float32", unit = "-", range = [0, 120] },
  { id = "SPD", device = "plc", address = "hr2", type = "uint16", unit = "-", range = [0, 100], writable = true, write_limits = [0, 100] },
]
[plant]
name = "faults"
[[devices]]
id = "plc"
driver = "modbus"
transport = "tcp"
host = "127.0.0.1"
port = %1
response_timeout = "200ms"
retries = 0
scan = "100ms"
%2
)")
        .arg(port)
        .arg(extra.isEmpty() ? QStringLiteral("reconnect_min = \"50ms\"\nreconnect_max = \"400ms\"")
                             : extra);
}

} // namespace

class TstModbusFaults : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void delayedResponsesTimeOut();
    void exceptionCodesAreReadable();
    void droppedConnectionsReconnect();
    void serverGoneAndBack();
    void corruptedRtuFramesAreCounted();
    void thousandReconnectsLeakNothing();

private:
    bool startSim(Peer &sim, const QStringList &args, int *port);
    bool setFault(int reg, int value);

    Peer m_sim;
    int m_port = 0;
    std::unique_ptr<PlantRig> m_rig;
};

bool TstModbusFaults::startSim(Peer &sim, const QStringList &args, int *port)
{
    if (!sim.start(QStringLiteral(VIGIL_BIN_DIR "/vigil-sim"), args, "ready"))
        return false;
    const QRegularExpressionMatch m =
        QRegularExpression("modbus tcp on 127.0.0.1:(\\d+)").match(sim.output());
    if (port && m.hasMatch())
        *port = m.captured(1).toInt();
    return true;
}

bool TstModbusFaults::setFault(int reg, int value)
{
    QProcess p;
    p.start(QString::fromLatin1(kPython),
            {supportFile("pymodbus_client.py"), "--tcp", QString::number(m_port),
             QStringLiteral("write_reg:%1:%2").arg(reg).arg(value)});
    return p.waitForFinished(10'000) && p.readAllStandardOutput().trimmed() == "ok";
}

void TstModbusFaults::initTestCase()
{
    // One malloc arena, so that mallinfo2() also sees what the driver threads allocate.
    mallopt(M_ARENA_MAX, 1);
    QVERIFY2(startSim(m_sim, {"--tcp", "127.0.0.1:0"}, &m_port), qPrintable(m_sim.error()));
    m_rig = std::make_unique<PlantRig>();
    QVERIFY2(m_rig->load(tcpPlant(m_port)), qPrintable(m_rig->diagnostics()));
    m_rig->start();
    QTRY_VERIFY_WITH_TIMEOUT(m_rig->sink.good(m_rig->tag("TT")), 5000);
}

void TstModbusFaults::cleanupTestCase()
{
    if (m_rig)
        m_rig->stop();
    m_rig.reset();
    m_sim.stop();
}

void TstModbusFaults::delayedResponsesTimeOut()
{
    PlantRig &r = *m_rig;
    Driver *plc = r.driver("plc");
    const quint64 timeouts = plc->statistics().timeouts;
    const quint64 overruns = plc->statistics().overruns;
    QVERIFY(setFault(9000, 400)); // answers 400 ms late; the driver waits 200 ms
    QTRY_COMPARE_WITH_TIMEOUT(r.sink.quality(r.tag("TT")), Quality::CommError, 3000);
    QTRY_VERIFY_WITH_TIMEOUT(plc->statistics().timeouts >= timeouts + 2, 3000);
    QTRY_COMPARE_WITH_TIMEOUT(plc->status().state, DriverState::Disconnected, 3000);
    QVERIFY2(plc->status().reason.contains("timeout"), qPrintable(plc->status().reason));
    QVERIFY(plc->statistics().errorsByKind.value("timeout") >= 2);
    // A 200 ms timeout in a 100 ms scan class: the schedule is kept and the overruns counted.
    QTRY_VERIFY_WITH_TIMEOUT(plc->statistics().overruns > overruns, 3000);
    QVERIFY(setFault(9000, 0));
    QTRY_VERIFY_WITH_TIMEOUT(r.sink.good(r.tag("TT")) && r.sink.good(r.tag("LT")), 3000);
    QTRY_COMPARE_WITH_TIMEOUT(plc->status().state, DriverState::Connected, 3000);
}

void TstModbusFaults::exceptionCodesAreReadable()
{
    PlantRig &r = *m_rig;
    Driver *plc = r.driver("plc");
    QVERIFY(setFault(9001, 6));
    QTRY_COMPARE_WITH_TIMEOUT(r.sink.quality(r.tag("LT")), Quality::CommError, 3000);
    DriverStatistics s = plc->statistics();
    QVERIFY2(s.lastError.contains("exception 6, server device busy"), qPrintable(s.lastError));
    QVERIFY(s.errorsByKind.value("exception 6") > 0);
    QCOMPARE(plc->status().state, DriverState::Degraded); // it answers: not dead

    QVERIFY(setFault(9001, 4));
    const WriteResult w = r.write("SPD", 10);
    QVERIFY(!w.ok);
    QVERIFY2(w.error.contains("exception 4, server device failure"), qPrintable(w.error));

    QVERIFY(setFault(9001, 0));
    QTRY_VERIFY_WITH_TIMEOUT(r.sink.good(r.tag("LT")), 3000);
    QVERIFY(r.write("SPD", 70).ok);
    QTRY_COMPARE_WITH_TIMEOUT(r.sink.value(r.tag("SPD")), 70.0, 2000);
}

void TstModbusFaults::droppedConnectionsReconnect()
{
    PlantRig &r = *m_rig;
    Driver *plc = r.driver("plc");
    QTRY_COMPARE_WITH_TIMEOUT(plc->status().state, DriverState::Connected, 3000);
    const quint64 reconnects = plc->statistics().reconnects;
    QVERIFY(setFault(9002, 1));
    QTRY_VERIFY_WITH_TIMEOUT(plc->statistics().reconnects > reconnects, 3000);
    QVERIFY(plc->statistics().errorsByKind.value("connection") > 0);
    QTRY_VERIFY_WITH_TIMEOUT(r.sink.good(r.tag("TT")), 3000);
    QTRY_COMPARE_WITH_TIMEOUT(plc->status().state, DriverState::Connected, 3000);
}

void TstModbusFaults::serverGoneAndBack()
{
    // Held by the test, so the sim that comes back finds its port free and nobody answers there
    // while it is gone.
    const PortReservation reserved;
    const int port = reserved.port();
    Peer sim;
    QVERIFY2(startSim(sim, {"--tcp", QStringLiteral("127.0.0.1:%1").arg(port)}, nullptr),
             qPrintable(sim.error()));
    PlantRig rig;
    QVERIFY2(rig.load(tcpPlant(port)), qPrintable(rig.diagnostics()));
    QSignalSpy states(rig.driver("plc"), &Driver::statusChanged);
    rig.start();
    Driver *plc = rig.driver("plc");
    QTRY_VERIFY_WITH_TIMEOUT(rig.sink.good(rig.tag("TT")), 5000);

    const quint64 before = plc->statistics().errorsByKind.value("connection");
    QElapsedTimer gone;
    gone.start();
    sim.kill();
    QTRY_COMPARE_WITH_TIMEOUT(plc->status().state, DriverState::Disconnected, 3000);
    QTRY_COMPARE_WITH_TIMEOUT(rig.sink.quality(rig.tag("TT")), Quality::NotConnected, 3000);
    // While it is gone the driver retries with growing, capped delays (50 ms .. 400 ms), never
    // sooner than reconnect_min: eight refused attempts (plus the loss itself, which may count as
    // a connection error too) take at least 8 x 50 ms. Load can only make them later, so this
    // lower bound holds on a busy machine; a driver that did not back off would get there within
    // a few milliseconds.
    QTRY_VERIFY_WITH_TIMEOUT(plc->statistics().errorsByKind.value("connection") >= before + 9,
                             10'000);
    QVERIFY2(gone.elapsed() >= 8 * 50, qPrintable(QString::number(gone.elapsed())));
    QVERIFY2(plc->status().reason.contains("Connection refused"), qPrintable(plc->status().reason));

    QVERIFY2(startSim(sim, {"--tcp", QStringLiteral("127.0.0.1:%1").arg(port)}, nullptr),
             qPrintable(sim.error()));
    QTRY_VERIFY_WITH_TIMEOUT(rig.sink.good(rig.tag("TT")), 3000);
    QCOMPARE(plc->status().state, DriverState::Connected);
    QVERIFY(plc->statistics().reconnects >= 1);
    rig.stop();
}

void TstModbusFaults::corruptedRtuFramesAreCounted()
{
    QTemporaryDir dir;
    SerialCable cable(dir.path());
    QVERIFY2(cable.plugIn(), qPrintable(cable.error()));
    Peer sim;
    QVERIFY2(startSim(sim, {"--rtu", cable.deviceEnd(), "--parity", "none", "--corrupt-every", "3"},
                      nullptr),
             qPrintable(sim.error()));
    PlantRig rig;
    QVERIFY2(rig.load(QStringLiteral(R"(
tags = [
  { id = "LT", device = "bus", address = "ir0", type = "int16", unit = "-", range = [0, 30000] },
  { id = "RUN", device = "bus", address = "di2", type = "bool" },
]
[plant]
name = "crc"
[[devices]]
id = "bus"
driver = "modbus"
transport = "rtu"
serial = "%1"
parity = "none"
response_timeout = "200ms"
retries = 2
scan = "50ms"
)")
                          .arg(cable.driverEnd())),
             qPrintable(rig.diagnostics()));
    rig.start();
    Driver *bus = rig.driver("bus");
    QTRY_VERIFY_WITH_TIMEOUT(bus->statistics().errorsByKind.value("crc") >= 3, 5000);
    const DriverStatistics s = bus->statistics();
    QVERIFY(s.rejected >= 3);
    QVERIFY2(s.lastError.contains("CRC"), qPrintable(s.lastError));
    // Retries get good frames: the tags stay good and the link is not torn down.
    QVERIFY(rig.sink.good(rig.tag("LT")) && rig.sink.good(rig.tag("RUN")));
    QCOMPARE(s.reconnects, quint64(0));
    rig.stop();
}

void TstModbusFaults::thousandReconnectsLeakNothing()
{
    QLoggingCategory::setFilterRules(QStringLiteral("vigil.*.info=false\nvigil.*.warning=false"));
    Peer sim; // drops the link instead of answering any request
    int port = 0;
    QVERIFY2(startSim(sim, {"--tcp", "127.0.0.1:0", "--drop-every", "1"}, &port),
             qPrintable(sim.error()));
    PlantRig rig;
    QVERIFY2(rig.load(tcpPlant(port, "reconnect_min = \"1ms\"\nreconnect_max = \"1ms\"")),
             qPrintable(rig.diagnostics()));
    rig.start();
    Driver *plc = rig.driver("plc");
    QTRY_VERIFY_WITH_TIMEOUT(plc->statistics().reconnects >= 100, 10'000);
    rig.sink.clear();
    QCoreApplication::processEvents();
    const int fdsBefore = openFds();
    const qint64 heapBefore = heapBytes();
    const quint64 start = plc->statistics().reconnects;
    QTRY_VERIFY_WITH_TIMEOUT(plc->statistics().reconnects >= start + 1000, 60'000);
    QCoreApplication::processEvents();
    rig.sink.clear();
    const int fdsAfter = openFds();
    const qint64 heapAfter = heapBytes();
    qInfo("%llu reconnects: fds %d -> %d, heap %lld -> %lld bytes",
          plc->statistics().reconnects - start, fdsBefore, fdsAfter, heapBefore, heapAfter);
    QVERIFY2(fdsAfter <= fdsBefore + 1, "file descriptors leak"); // +1: a connection in flight
    QVERIFY2(heapAfter - heapBefore < 64 * 1024, "memory leaks (more than 64 bytes a reconnect)");
    rig.stop();
}

QTEST_GUILESS_MAIN(TstModbusFaults)
#include "tst_modbusfaults.moc"
