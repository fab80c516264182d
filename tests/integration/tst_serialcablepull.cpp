// The serial cable pulled and plugged back in, through a socat pty pair: the tags go
// Bad/NotConnected and the device says why, the port is reopened periodically, and values return
// without restarting anything.

#include "serialrig.h"

#include <QtTest>

using namespace vigil;

namespace
{

// The scale's tare command, written through a tag of its own.
const QString kTareTag = QStringLiteral(R"(
[[tags]]
id = "WT101.SET"
device = "scale"
address = "write"
type = "float64"
unit = "kg"
range = [0, 1000]
writable = true
write_limits = [0, 1000]
options = { write = "TARE {value:.1f}\r\n" }
)");

const QString kContinuousPlant =
    SerialRig::scalePlant(QStringLiteral("baud = 9600\nreopen_interval = \"150ms\""), {}, kTareTag);

const QString kPolledDevice = QStringLiteral(R"(
request = "P\r\n"
period = "100ms"
response_timeout = "80ms"
retries = 1
reopen_interval = "150ms"
)");

const QString kPolledPlant = SerialRig::scalePlant(kPolledDevice);

} // namespace

class TstSerialCablePull : public QObject
{
    Q_OBJECT
private slots:
    void continuousDeviceRecoversAfterCablePulls();
    void polledDeviceRecoversAfterCablePull();
    void missingDeviceAtStartIsOpenedWhenPlugged();
};

void TstSerialCablePull::continuousDeviceRecoversAfterCablePulls()
{
    SerialRig rig;
    QString error;
    QVERIFY2(rig.start(kContinuousPlant, &error), qPrintable(error));
    QTRY_COMPARE(rig.state(), DriverState::Connected);
    rig.instrument().send("ST,GS,  12.50kg\r\n");
    QTRY_COMPARE(rig.value(QStringLiteral("WT101")), 12.5);
    QCOMPARE(rig.quality(QStringLiteral("WT101")), Quality::Good);

    for (int cycle = 1; cycle <= 3; ++cycle) {
        rig.pullCable();
        QTRY_COMPARE(rig.quality(QStringLiteral("WT101")), Quality::NotConnected);
        QCOMPARE(rig.state(), DriverState::Disconnected);
        QVERIFY2(!rig.driver().status().reason.isEmpty(), "the device must say why it is down");
        // A write while the cable is out fails at once, with the reason.
        QFuture<WriteResult> refused = rig.write(QStringLiteral("WT101.SET"), 1.0);
        QTRY_VERIFY(refused.isFinished());
        QVERIFY(!refused.result().ok);
        QVERIFY2(refused.result().error.contains(u"port down"), qPrintable(refused.result().error));
        QVERIFY2(rig.driver().status().reason.contains(u"lost"),
                 qPrintable(rig.driver().status().reason));
        // The port is retried while the cable is out: each failed reopen is the last error,
        // while the status keeps the cause of the outage.
        QTRY_VERIFY2(rig.stats().lastError.contains(u"cannot open"),
                     qPrintable(rig.stats().lastError));
        QVERIFY(rig.driver().status().reason.contains(u"lost"));
        QCOMPARE(rig.state(), DriverState::Disconnected);

        QVERIFY2(rig.plugIn(&error), qPrintable(error));
        QTRY_COMPARE(rig.state(), DriverState::Connected);
        const double weight = 12.5 + cycle;
        // The driver may open its end a moment after the instrument starts talking: repeat the
        // reading as a streaming scale does.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                rig.instrument().send(
                    QStringLiteral("ST,GS,%1kg\r\n").arg(weight, 7, 'f', 2).toLatin1());
                return rig.value(QStringLiteral("WT101")) == weight;
            }(),
            5000);
        QCOMPARE(rig.quality(QStringLiteral("WT101")), Quality::Good);
        QCOMPARE(rig.stats().reconnects, quint64(cycle));
    }
    QCOMPARE(rig.stats().errorsByKind.value(QStringLiteral("port")), quint64(3));
    // One disconnection per pull on the timeline, however many reopens failed meanwhile.
    int disconnections = 0;
    for (const DriverStatus &s : rig.statusHistory())
        disconnections += s.state == DriverState::Disconnected ? 1 : 0;
    QCOMPARE(disconnections, 3);

    // Writes work again after the last replug.
    QFuture<WriteResult> tare = rig.write(QStringLiteral("WT101.SET"), 2.0);
    QTRY_VERIFY(tare.isFinished());
    QVERIFY2(tare.result().ok, qPrintable(tare.result().error));
    QTRY_VERIFY(rig.instrument().received().contains("TARE 2.0\r\n"));
}

void TstSerialCablePull::polledDeviceRecoversAfterCablePull()
{
    SerialRig rig;
    QString error;
    QVERIFY2(rig.start(kPolledPlant, &error), qPrintable(error));
    double weight = 40.0;
    auto answer = [&](QByteArray &buffer) {
        while (buffer.contains("P\r\n")) {
            buffer.remove(0, buffer.indexOf("P\r\n") + 3);
            rig.instrument().send(
                QStringLiteral("ST,GS,%1kg\r\n").arg(weight, 7, 'f', 2).toLatin1());
        }
    };
    rig.instrument().setHandler(answer);
    QTRY_COMPARE(rig.value(QStringLiteral("WT101")), 40.0);
    QCOMPARE(rig.quality(QStringLiteral("WT101")), Quality::Good);

    rig.pullCable();
    QTRY_COMPARE(rig.quality(QStringLiteral("WT101")), Quality::NotConnected);
    QCOMPARE(rig.state(), DriverState::Disconnected);
    QTRY_VERIFY(rig.stats().lastError.contains(u"cannot open"));

    weight = 41.5;
    QVERIFY2(rig.plugIn(&error), qPrintable(error));
    QTRY_COMPARE(rig.value(QStringLiteral("WT101")), 41.5);
    QCOMPARE(rig.quality(QStringLiteral("WT101")), Quality::Good);
    QCOMPARE(rig.state(), DriverState::Connected);
    QCOMPARE(rig.stats().reconnects, quint64(1));
}

void TstSerialCablePull::missingDeviceAtStartIsOpenedWhenPlugged()
{
    SerialRig rig;
    QString error;
    QVERIFY2(rig.start(kContinuousPlant, &error, /*plugged=*/false), qPrintable(error));
    QTRY_COMPARE(rig.state(), DriverState::Disconnected);
    QVERIFY2(rig.driver().status().reason.contains(u"cannot open"),
             qPrintable(rig.driver().status().reason));
    QTRY_COMPARE(rig.quality(QStringLiteral("WT101")), Quality::NotConnected);

    QVERIFY2(rig.plugIn(&error), qPrintable(error));
    QTRY_COMPARE(rig.state(), DriverState::Connected);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            rig.instrument().send("ST,GS,   7.00kg\r\n");
            return rig.value(QStringLiteral("WT101")) == 7.0;
        }(),
        5000);
}

QTEST_GUILESS_MAIN(TstSerialCablePull)
#include "tst_serialcablepull.moc"
