// Polled mode of the serial driver through a socat pty pair: a request every period, answers of
// one or more frames, response timeouts (tags CommError after the retries, then recovery), and
// the silence timeout of a streaming instrument.

#include "serialrig.h"

#include <QtTest>

using namespace vigil;

namespace
{

const QString kTags = QStringLiteral(R"(
[[tags]]
id = "GROSS"
device = "dev"
address = 'regex:^GS\s*([-+]?[0-9.]+)$'
type = "float64"
unit = "kg"
range = [0, 1000]

[[tags]]
id = "NET"
device = "dev"
address = 'regex:^NT\s*([-+]?[0-9.]+)$'
type = "float64"
unit = "kg"
range = [0, 1000]
)");

} // namespace

class TstSerialPolling : public QObject
{
    Q_OBJECT
private slots:
    void requestsAreAnsweredEachPeriod();
    void timeoutsTurnTagsBadThenRecover();
    void partialAnswerIsDiscarded();
    void silenceTimeoutOfAStreamingInstrument();
};

void TstSerialPolling::requestsAreAnsweredEachPeriod()
{
    SerialRig rig;
    QString error;
    const QString device = QStringLiteral("request = \"P\\r\\n\"\nperiod = \"150ms\"\n"
                                          "response_timeout = \"120ms\"\nresponse_frames = 2");
    int requests = 0;
    rig.instrument().setHandler([&](QByteArray &buffer) {
        while (buffer.contains("P\r\n")) {
            buffer.remove(0, buffer.indexOf("P\r\n") + 3);
            ++requests;
            rig.instrument().send(QStringLiteral("GS %1\r\nNT %2\r\n")
                                      .arg(100 + requests)
                                      .arg(50 + requests)
                                      .toLatin1());
        }
    });
    QVERIFY2(rig.start(SerialRig::plant(device, kTags), &error), qPrintable(error));
    // Both frames of each answer are read: the values keep pace with the requests.
    QTRY_VERIFY(rig.value(QStringLiteral("GROSS")) >= 105.0 &&
                rig.value(QStringLiteral("NET")) == rig.value(QStringLiteral("GROSS")) - 50.0);
    QCOMPARE(rig.quality(QStringLiteral("NET")), Quality::Good);
    const DriverStatistics s = rig.stats();
    QVERIFY(s.requests >= 5);
    QVERIFY2(s.responses + 1 >= s.requests, "every request but the one in flight is answered");
    QCOMPARE(s.timeouts, quint64(0));
    QVERIFY(s.rttAvgMs > 0.0);
    QCOMPARE(rig.instrument().received().left(6), QByteArray("P\r\nP\r\n"));
}

void TstSerialPolling::timeoutsTurnTagsBadThenRecover()
{
    SerialRig rig;
    QString error;
    const QString device = QStringLiteral("request = \"P\\r\\n\"\nperiod = \"100ms\"\n"
                                          "response_timeout = \"60ms\"\nretries = 2");
    bool answering = true;
    rig.instrument().setHandler([&](QByteArray &buffer) {
        while (buffer.contains("P\r\n")) {
            buffer.remove(0, buffer.indexOf("P\r\n") + 3);
            if (answering)
                rig.instrument().send("GS 10\r\nNT 5\r\n");
        }
    });
    QVERIFY2(rig.start(SerialRig::plant(device, kTags), &error), qPrintable(error));
    QTRY_COMPARE(rig.value(QStringLiteral("GROSS")), 10.0);
    QCOMPARE(rig.state(), DriverState::Connected);

    answering = false; // the scale is switched off; the port stays open
    QTRY_COMPARE(rig.quality(QStringLiteral("GROSS")), Quality::CommError);
    QCOMPARE(rig.quality(QStringLiteral("NET")), Quality::CommError);
    QCOMPARE(rig.state(), DriverState::Disconnected);
    QVERIFY2(rig.driver().status().reason.contains(u"no answer"),
             qPrintable(rig.driver().status().reason));
    QVERIFY(rig.stats().timeouts >= 3); // retries = 2: the third timeout in a row turns them bad
    QVERIFY(rig.stats().errorsByKind.value(QStringLiteral("timeout")) >= 3);

    answering = true;
    QTRY_COMPARE(rig.quality(QStringLiteral("GROSS")), Quality::Good);
    QTRY_COMPARE(rig.state(), DriverState::Connected);
    QCOMPARE(rig.stats().reconnects, quint64(0)); // the port was never lost
}

void TstSerialPolling::partialAnswerIsDiscarded()
{
    SerialRig rig;
    QString error;
    const QString device = QStringLiteral("request = \"?\"\nperiod = \"150ms\"\n"
                                          "response_timeout = \"100ms\"");
    int requests = 0;
    rig.instrument().setHandler([&](QByteArray &buffer) {
        requests += int(buffer.count('?'));
        buffer.clear();
        // The first answer breaks off mid-line; later ones are whole.
        rig.instrument().send(requests == 1 ? QByteArray("GS 12") : QByteArray("GS 13\r\n"));
    });
    QVERIFY2(rig.start(SerialRig::plant(device, kTags), &error), qPrintable(error));
    QTRY_COMPARE(rig.value(QStringLiteral("GROSS")), 13.0);
    QCOMPARE(rig.stats().errorsByKind.value(QStringLiteral("partial")), quint64(1));
    QCOMPARE(rig.stats().timeouts, quint64(1));
    // The broken answer never became a value, nor was it glued to the next one.
    const QList<double> values = rig.history(QStringLiteral("GROSS"));
    QVERIFY(!values.contains(12.0) && !values.contains(1213.0));
}

void TstSerialPolling::silenceTimeoutOfAStreamingInstrument()
{
    SerialRig rig;
    QString error;
    QVERIFY2(
        rig.start(SerialRig::plant(QStringLiteral("silence_timeout = \"300ms\""), kTags), &error),
        qPrintable(error));
    QTRY_COMPARE(rig.state(), DriverState::Connected);
    rig.instrument().send("GS 1\n");
    QTRY_COMPARE(rig.value(QStringLiteral("GROSS")), 1.0);

    QTRY_COMPARE(rig.quality(QStringLiteral("GROSS")), Quality::CommError);
    QCOMPARE(rig.state(), DriverState::Disconnected);
    QVERIFY2(rig.driver().status().reason.contains(u"no data"),
             qPrintable(rig.driver().status().reason));

    rig.instrument().send("GS 2\n");
    QTRY_COMPARE(rig.value(QStringLiteral("GROSS")), 2.0);
    QCOMPARE(rig.quality(QStringLiteral("GROSS")), Quality::Good);
    QCOMPARE(rig.state(), DriverState::Connected);
}

QTEST_GUILESS_MAIN(TstSerialPolling)
#include "tst_serialpolling.moc"
