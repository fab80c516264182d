// Protocol faults of a Modbus TCP server, on a real socket against the real libmodbus transport:
// replies with a wrong transaction id, unit id or function code, a truncated PDU, a byte count
// larger than the payload, a connection closed in the middle of a reply, a server that accepts
// connections and never answers, and a float register holding NaN. Each broken reply turns only
// its read request's tags Bad, is counted by kind, and the link recovers.

#include "misbehavingmodbusserver.h"
#include "modbustesting.h"

using namespace vigil;
using namespace vigil::testing;
using Fault = MisbehavingModbusServer::Fault;

Q_DECLARE_METATYPE(MisbehavingModbusServer::Fault)

namespace
{

// Two read requests: LT (FC4, input registers) and SPD (FC3, holding registers).
QString plant(int port, const QString &timing)
{
    return QStringLiteral(R"(
tags = [
  { id = "LT", device = "plc", address = "ir0", type = "int16", unit = "-", range = [0, 30000] },
  { id = "TT", device = "plc", address = "ir2", type = "float32", unit = "-", range = [0, 120] },
  { id = "SPD", device = "plc", address = "hr0", type = "uint16", unit = "-", range = [0, 100] },
]
[plant]
name = "protocol faults"
[[devices]]
id = "plc"
driver = "modbus"
transport = "tcp"
host = "127.0.0.1"
port = %1
retries = 0
scan = "100ms"
%2
)")
        .arg(port)
        .arg(timing);
}

const QString kTiming = QStringLiteral("response_timeout = \"200ms\"\nreconnect_min = \"50ms\"\n"
                                       "reconnect_max = \"400ms\"");

} // namespace

class TstModbusProtocolFaults : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void brokenReplyTurnsOnlyItsBlockBad_data();
    void brokenReplyTurnsOnlyItsBlockBad();
    void nonFiniteFloatIsBadAndCounted();
    void silentServerIsRetriedWithBackoff();
};

void TstModbusProtocolFaults::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("vigil.modbus.warning=false"));
}

void TstModbusProtocolFaults::brokenReplyTurnsOnlyItsBlockBad_data()
{
    QTest::addColumn<Fault>("fault");
    QTest::addColumn<QString>("kind");
    QTest::newRow("wrong transaction id") << Fault::WrongTransactionId << "framing";
    QTest::newRow("wrong unit id") << Fault::WrongUnitId << "framing";
    QTest::newRow("wrong function code") << Fault::WrongFunctionCode << "framing";
    QTest::newRow("truncated pdu") << Fault::TruncatedPdu << "timeout";
    QTest::newRow("byte count too large") << Fault::ByteCountTooLarge << "timeout";
    QTest::newRow("close mid-frame") << Fault::CloseMidFrame << "connection";
}

void TstModbusProtocolFaults::brokenReplyTurnsOnlyItsBlockBad()
{
    QFETCH(Fault, fault);
    QFETCH(QString, kind);
    MisbehavingModbusServer server;
    QVERIFY(server.listen());
    server.setRegister(0, 1234);
    PlantRig rig;
    QVERIFY2(rig.load(plant(server.port(), kTiming)), qPrintable(rig.diagnostics()));
    Driver *plc = rig.driver("plc");
    rig.start();
    QTRY_VERIFY_WITH_TIMEOUT(rig.sink.good(rig.tag("LT")) && rig.sink.good(rig.tag("SPD")), 5000);

    server.setFault(3, fault);
    QTRY_COMPARE_WITH_TIMEOUT(rig.sink.quality(rig.tag("SPD")), Quality::CommError, 3000);
    QTRY_VERIFY_WITH_TIMEOUT(plc->statistics().errorsByKind.value(kind) >= 2, 3000);
    // Only the broken request's tags: the other request keeps answering, the link stays up.
    QVERIFY(rig.sink.good(rig.tag("LT")));
    QCOMPARE(rig.sink.value(rig.tag("LT")), 1234.0);
    QCOMPARE(plc->status().state, DriverState::Degraded);
    const DriverStatistics s = plc->statistics();
    QVERIFY2(s.errorsByKind.size() == 1, qPrintable(QStringList(s.errorsByKind.keys()).join(',')));

    server.setFault(3, Fault::None);
    server.setRegister(0, 77);
    QTRY_VERIFY_WITH_TIMEOUT(rig.sink.good(rig.tag("SPD")), 3000);
    QTRY_COMPARE_WITH_TIMEOUT(rig.sink.value(rig.tag("LT")), 77.0, 3000);
    QTRY_COMPARE_WITH_TIMEOUT(plc->status().state, DriverState::Connected, 3000);
    rig.stop();
}

void TstModbusProtocolFaults::nonFiniteFloatIsBadAndCounted()
{
    MisbehavingModbusServer server;
    QVERIFY(server.listen());
    server.setRegister(2, 0x42C8); // 100.0f
    server.setRegister(0, 5);
    PlantRig rig;
    QVERIFY2(rig.load(plant(server.port(), kTiming)), qPrintable(rig.diagnostics()));
    Driver *plc = rig.driver("plc");
    rig.start();
    QTRY_VERIFY_WITH_TIMEOUT(rig.sink.good(rig.tag("TT")), 5000);
    QCOMPARE(rig.sink.value(rig.tag("TT")), 100.0);

    server.setRegister(2, 0x7FC0); // quiet NaN
    QTRY_COMPARE_WITH_TIMEOUT(rig.sink.quality(rig.tag("TT")), Quality::NonFinite, 3000);
    QVERIFY(rig.sink.good(rig.tag("LT"))); // same request, a finite value
    DriverStatistics s = plc->statistics();
    QVERIFY(s.errorsByKind.value("non-finite value") >= 1);
    QVERIFY(s.rejected >= 1);
    QVERIFY2(s.lastError.contains("'TT'") && s.lastError.contains("ir2"), qPrintable(s.lastError));

    server.setRegister(2, 0x7F80); // +infinity
    QTRY_VERIFY_WITH_TIMEOUT(plc->statistics().errorsByKind.value("non-finite value") >
                                 s.errorsByKind.value("non-finite value"),
                             3000);
    QCOMPARE(rig.sink.quality(rig.tag("TT")), Quality::NonFinite);
    server.setRegister(2, 0x42C8);
    QTRY_VERIFY_WITH_TIMEOUT(rig.sink.good(rig.tag("TT")), 3000);
    rig.stop();
}

void TstModbusProtocolFaults::silentServerIsRetriedWithBackoff()
{
    // Accepts and reads every request, answers none. With a 50 ms response timeout the driver
    // used to open a new connection every 50 ms; the backoff (50 ms doubling to 400 ms) allows
    // at most about 2000 / (50 + 200) + 4 in two seconds.
    MisbehavingModbusServer server;
    QVERIFY(server.listen());
    server.setFault(3, Fault::Silent);
    server.setFault(4, Fault::Silent);
    PlantRig rig;
    QVERIFY2(rig.load(plant(server.port(), QStringLiteral("response_timeout = \"50ms\"\n"
                                                          "reconnect_min = \"50ms\"\n"
                                                          "reconnect_max = \"400ms\""))),
             qPrintable(rig.diagnostics()));
    Driver *plc = rig.driver("plc");
    rig.start();
    QTRY_VERIFY_WITH_TIMEOUT(server.connections() >= 1, 3000);
    QElapsedTimer elapsed;
    elapsed.start();
    const int first = server.connections();
    QTRY_COMPARE_WITH_TIMEOUT(rig.sink.quality(rig.tag("SPD")), Quality::CommError, 3000);
    QTRY_VERIFY_WITH_TIMEOUT(elapsed.elapsed() >= 2000, 3000);
    const int opened = server.connections() - first;
    QVERIFY2(opened >= 3 && opened <= 12, qPrintable(QString::number(opened)));
    QVERIFY(plc->statistics().timeouts >= quint64(opened));
    QVERIFY2(plc->status().reason.contains("timeout"), qPrintable(plc->status().reason));

    // It starts answering: back at once to normal polling.
    server.setRegister(0, 42);
    server.setFault(3, Fault::None);
    server.setFault(4, Fault::None);
    QTRY_VERIFY_WITH_TIMEOUT(rig.sink.good(rig.tag("SPD")) && rig.sink.good(rig.tag("LT")), 3000);
    QTRY_COMPARE_WITH_TIMEOUT(plc->status().state, DriverState::Connected, 3000);
    rig.stop();
}

QTEST_GUILESS_MAIN(TstModbusProtocolFaults)
#include "tst_modbusprotocolfaults.moc"
