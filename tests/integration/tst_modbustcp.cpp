// The Modbus driver against pymodbus (a Modbus TCP server nobody here wrote): every data type and
// byte order read, every write function code checked on the server's side, refusals, exceptions.

#include "modbustesting.h"

using namespace vigil;
using namespace vigil::testing;

class TstModbusTcp : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void readsEveryTypeAndOrder();
    void writesWithEveryFunctionCode();
    void refusesBeforeSending();
    void exceptionMakesOnlyItsBlockBad();
    void timeoutMakesOnlyItsBlockBad();

private:
    QStringList clientRead(const QString &op);

    quint16 m_port = 0;
    Peer m_server;
    std::unique_ptr<PlantRig> m_rig;
};

void TstModbusTcp::initTestCase()
{
    const QStringList presets = {
        "1:co:0=1",
        "1:di:5=1",
        "1:hr:0=0xFF85",
        "1:hr:1=65000",
        "1:hr:2=0xfffe,0x7960",
        "1:hr:4=0x5e00,0xb2d0",
        "1:hr:6=0xffff,0xe0fe,0x48e,0x35fb",
        "1:hr:10=0x1581,0xe97d,0xf410,0x2211",
        "1:ir:0=0x4049,0x0fd0",
        "1:ir:2=0xc005,0xbf0a,0x8b14,0x5769",
        "1:hr:20=0x5055,0x4d50,0x2d41,0",
        "1:hr:30=0x0101",
    };
    // Port 0: the server binds a port the kernel chose and says which ("READY <port>").
    QStringList args = {supportFile("pymodbus_server.py"), "--tcp", "0"};
    for (const QString &p : presets)
        args << "--set" << p;
    QVERIFY2(m_server.start(QString::fromLatin1(kPython), args, "READY"),
             qPrintable(m_server.error()));
    const QRegularExpressionMatch ready =
        QRegularExpression(QStringLiteral("READY (\\d+)")).match(m_server.output());
    QVERIFY2(ready.hasMatch(), qPrintable(m_server.output()));
    m_port = quint16(ready.captured(1).toUInt());

    const QString toml = QStringLiteral(R"(
tags = [
  { id = "CO", device = "plc", address = "co0", type = "bool", writable = true },
  { id = "DI", device = "plc", address = "100006", type = "bool" },
  { id = "I16", device = "plc", address = "hr0", type = "int16", unit = "-", range = [-200, 200] },
  { id = "U16", device = "plc", address = "400002", type = "uint16", unit = "-", range = [0, 65535] },
  { id = "I32", device = "plc", address = "hr2", type = "int32", unit = "-", range = [-1e6, 1e6] },
  { id = "U32", device = "plc", address = "hr4", type = "uint32", unit = "-", range = [0, 4e9], options = { order = "CDAB" } },
  { id = "I64", device = "plc", address = "hr6", type = "int64", unit = "-", range = [-1e13, 0], options = { order = "BADC" } },
  { id = "U64", device = "plc", address = "hr10", type = "uint64", unit = "-", range = [0, 2e18], options = { order = "dcba" } },
  { id = "F32", device = "plc", address = "ir0", type = "float32", unit = "-", range = [0, 10] },
  { id = "F64", device = "plc", address = "ir2", type = "float64", unit = "-", range = [-10, 10] },
  { id = "STR", device = "plc", address = "hr20", type = "string", options = { length = 4 } },
  { id = "BIT0", device = "plc", address = "hr30.0", type = "bool" },
  { id = "BIT3", device = "plc", address = "hr30.3", type = "bool", writable = true },
  { id = "BIT8", device = "plc", address = "hr30.8", type = "bool" },
  { id = "W16", device = "plc", address = "hr40", type = "uint16", unit = "-", range = [0, 1000], writable = true, write_limits = [0, 1000] },
  { id = "WF", device = "plc", address = "hr42", type = "float32", unit = "-", range = [-100, 100], writable = true, write_limits = [-100, 100], options = { order = "CDAB" } },
  { id = "WS", device = "plc", address = "hr50", type = "string", writable = true, options = { length = 3 } },
  { id = "EXC", device = "plc", address = "hr2500", type = "uint16", unit = "-", range = [0, 10] },
  { id = "G1", device = "gw", address = "hr0", type = "int16", unit = "-", range = [-200, 200] },
  { id = "G2", device = "gw", address = "hr0", type = "int16", unit = "-", range = [-200, 200], options = { unit = 2 } },
  { id = "CO15", device = "plc16", address = "co7", type = "bool", writable = true },
  { id = "R16", device = "plc16", address = "hr60", type = "int16", unit = "-", range = [-100, 100], writable = true, write_limits = [-100, 100] },
]
[plant]
name = "tcp test"
[[devices]]
id = "plc"
driver = "modbus"
transport = "tcp"
host = "127.0.0.1"
port = %1
response_timeout = "300ms"
retries = 0
scan = "50ms"
reconnect_min = "50ms"
reconnect_max = "200ms"
[[devices]]
id = "gw"
driver = "modbus"
transport = "tcp"
host = "127.0.0.1"
port = %1
response_timeout = "200ms"
retries = 1
scan = "100ms"
[[devices]]
id = "plc16"
driver = "modbus"
transport = "tcp"
host = "127.0.0.1"
port = %1
single_write = false
scan = "50ms"
)")
                             .arg(m_port);
    m_rig = std::make_unique<PlantRig>();
    QVERIFY2(m_rig->load(toml), qPrintable(m_rig->diagnostics()));
    m_rig->start();
}

void TstModbusTcp::cleanupTestCase()
{
    if (m_rig)
        m_rig->stop();
    m_rig.reset();
    m_server.stop();
}

QStringList TstModbusTcp::clientRead(const QString &op)
{
    QProcess p;
    p.start(QString::fromLatin1(kPython),
            {supportFile("pymodbus_client.py"), "--tcp", QString::number(m_port), op});
    p.waitForFinished(10'000);
    return QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed().split(u',');
}

void TstModbusTcp::readsEveryTypeAndOrder()
{
    PlantRig &r = *m_rig;
    QTRY_VERIFY_WITH_TIMEOUT(r.sink.good(r.tag("F64")) && r.sink.good(r.tag("CO")), 5000);
    QCOMPARE(r.sink.value(r.tag("CO")), 1.0);
    QCOMPARE(r.sink.value(r.tag("DI")), 1.0);
    QCOMPARE(r.sink.value(r.tag("I16")), -123.0);
    QCOMPARE(r.sink.value(r.tag("U16")), 65000.0);
    QCOMPARE(r.sink.value(r.tag("I32")), -100000.0);
    QCOMPARE(r.sink.value(r.tag("U32")), 3000000000.0);
    QCOMPARE(r.sink.value(r.tag("I64")), -1234567890123.0);
    QCOMPARE(r.sink.value(r.tag("U64")), double(1234567890123456789ULL));
    QCOMPARE(float(r.sink.value(r.tag("F32"))), 3.14159f);
    QCOMPARE(r.sink.value(r.tag("F64")), -2.718281828459045);
    QCOMPARE(r.sink.text(r.tag("STR")), QStringLiteral("PUMP-A"));
    QCOMPARE(r.sink.value(r.tag("BIT0")), 1.0);
    QCOMPARE(r.sink.value(r.tag("BIT3")), 0.0);
    QCOMPARE(r.sink.value(r.tag("BIT8")), 1.0);
}

void TstModbusTcp::writesWithEveryFunctionCode()
{
    PlantRig &r = *m_rig;
    QTRY_VERIFY_WITH_TIMEOUT(r.sink.good(r.tag("W16")), 5000);
    // FC6, FC16 with word swap, FC5, FC22 (bit of a register), FC16 for text.
    QVERIFY(r.write("W16", 777).ok);
    QVERIFY(r.write("WF", 12.5).ok);
    QVERIFY(r.write("CO", false).ok);
    QVERIFY(r.write("BIT3", true).ok);
    QVERIFY(r.write("WS", QStringLiteral("RUN")).ok);
    // The device with single_write = false: FC15 for one coil, FC16 for one register.
    QVERIFY(r.write("CO15", true).ok);
    QVERIFY(r.write("R16", -42).ok);

    QCOMPARE(clientRead("read:hr:40:1"), QStringList{"777"});
    QCOMPARE(clientRead("read:hr:42:2"), (QStringList{"0", "16712"})); // 12.5f = 0x4148 0000, CDAB
    QCOMPARE(clientRead("read:co:0:1"), QStringList{"0"});
    QCOMPARE(clientRead("read:hr:30:1"), QStringList{QString::number(0x0109)}); // others kept
    QCOMPARE(clientRead("read:hr:50:3"), (QStringList{"21077", "19968", "0"})); // "RU" "N\0"
    QCOMPARE(clientRead("read:co:7:1"), QStringList{"1"});
    QCOMPARE(clientRead("read:hr:60:1"), QStringList{QString::number(65536 - 42)});

    // The written values come back through the driver's own reads.
    QTRY_COMPARE_WITH_TIMEOUT(r.sink.value(r.tag("W16")), 777.0, 2000);
    QTRY_COMPARE_WITH_TIMEOUT(r.sink.value(r.tag("WF")), 12.5, 2000);
    QTRY_COMPARE_WITH_TIMEOUT(r.sink.value(r.tag("BIT3")), 1.0, 2000);
    QTRY_COMPARE_WITH_TIMEOUT(r.sink.text(r.tag("WS")), QStringLiteral("RUN"), 2000);
    QVERIFY(r.driver("plc")->statistics().writes >= 5);
}

void TstModbusTcp::refusesBeforeSending()
{
    PlantRig &r = *m_rig;
    Driver *plc = r.driver("plc");
    const quint64 writesBefore = plc->statistics().writes;
    WriteResult w = r.write("W16", 1001);
    QVERIFY(!w.ok);
    QVERIFY2(w.error.contains("outside the write limits"), qPrintable(w.error));
    w = r.write("I16", 5);
    QVERIFY(!w.ok);
    QVERIFY2(w.error.contains("not writable"), qPrintable(w.error));
    w = r.write("WS", QStringLiteral("TOO LONG"));
    QVERIFY(!w.ok);
    QVERIFY2(w.error.contains("holds 6"), qPrintable(w.error));
    QCOMPARE(clientRead("read:hr:40:1"), QStringList{"777"});
    // Limits and writability are refused before the driver sees them; text length by the driver
    // before anything is sent (one more write counted, but it failed).
    QCOMPARE(plc->statistics().writes, writesBefore + 1);
}

void TstModbusTcp::exceptionMakesOnlyItsBlockBad()
{
    PlantRig &r = *m_rig;
    Driver *plc = r.driver("plc");
    QTRY_COMPARE_WITH_TIMEOUT(r.sink.quality(r.tag("EXC")), Quality::CommError, 3000);
    QVERIFY(r.sink.good(r.tag("I16")));
    QVERIFY(r.sink.good(r.tag("F32")));
    const DriverStatistics s = plc->statistics();
    QVERIFY2(s.errorsByKind.value("exception 2") > 0, qPrintable(s.lastError));
    QVERIFY2(s.lastError.contains("illegal data address"), qPrintable(s.lastError));
    QCOMPARE(plc->status().state, DriverState::Degraded);
    QVERIFY2(plc->status().reason.contains("1 of"), qPrintable(plc->status().reason));
    QVERIFY(s.rttAvgMs > 0 && s.rttMaxMs >= s.rttAvgMs);
    QCOMPARE(r.driver("plc16")->status().state, DriverState::Connected);
}

void TstModbusTcp::timeoutMakesOnlyItsBlockBad()
{
    // Unit 2 behind the "gateway" never answers: its request times out (after a retry), its tag
    // turns Bad/CommError, and unit 1 on the same connection keeps being polled.
    PlantRig &r = *m_rig;
    Driver *gw = r.driver("gw");
    QTRY_COMPARE_WITH_TIMEOUT(r.sink.quality(r.tag("G2")), Quality::CommError, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(r.sink.good(r.tag("G1")), 3000);
    QCOMPARE(r.sink.value(r.tag("G1")), -123.0);
    QVERIFY(gw->statistics().timeouts >= 2);
    QVERIFY2(gw->statistics().lastError.contains("timeout"),
             qPrintable(gw->statistics().lastError));
    QCOMPARE(gw->status().state, DriverState::Degraded);
    const quint64 responses = gw->statistics().responses;
    QTRY_VERIFY_WITH_TIMEOUT(gw->statistics().responses >= responses + 3, 3000);
    QVERIFY(r.sink.good(r.tag("G1")));
}

QTEST_GUILESS_MAIN(TstModbusTcp)
#include "tst_modbustcp.moc"
