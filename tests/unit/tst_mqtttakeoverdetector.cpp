// MqttTakeOverDetector: which lost connections mean that another client uses our client id, and
// when the reconnect backoff may start over.

#include "mqtt/mqtttakeoverdetector.h"

#include <QtTest>

using namespace vigil;
using Loss = MqttTakeOverDetector::Loss;

class TstMqttTakeOverDetector : public QObject
{
    Q_OBJECT
private slots:
    void mqtt5ReasonIsATakeOverAtOnce();
    void repeatedQuickClosesAreATakeOver();
    void aFailedAttemptBreaksThePattern();
    void aConnectionThatStoodResetsTheBackoff();
    void quickLossesKeepBackingOff();
};

void TstMqttTakeOverDetector::mqtt5ReasonIsATakeOverAtOnce()
{
    MqttTakeOverDetector d(5000);
    d.connected(0);
    const auto v = d.lost(Loss::TakenOver, 60'000); // even after a long connection
    QVERIFY(v.takenOver);
    QVERIFY(!v.resetBackoff);
    QCOMPARE(MqttTakeOverDetector::describe(QStringLiteral("vigil-a-mq"), v),
             QStringLiteral("another client uses client id vigil-a-mq (the broker says the "
                            "session was taken over); give each panel its own client_id"));
}

void TstMqttTakeOverDetector::repeatedQuickClosesAreATakeOver()
{
    MqttTakeOverDetector d(5000);
    d.connected(0);
    QVERIFY(!d.lost(Loss::ClosedByBroker, 100).takenOver); // once may be anything
    d.connected(300);
    const auto v = d.lost(Loss::ClosedByBroker, 400);
    QVERIFY(v.takenOver);
    QCOMPARE(v.quickLosses, 2);
    QCOMPARE(MqttTakeOverDetector::describe(QStringLiteral("vigil-a-mq"), v),
             QStringLiteral("another client uses client id vigil-a-mq (the broker closed 2 "
                            "connections in a row soon after accepting them); give each panel "
                            "its own client_id"));
}

void TstMqttTakeOverDetector::aFailedAttemptBreaksThePattern()
{
    // A broker restarting twice is not another client: connects fail in between.
    MqttTakeOverDetector d(5000);
    d.connected(0);
    d.lost(Loss::ClosedByBroker, 100);
    d.attemptFailed();
    d.connected(500);
    QVERIFY(!d.lost(Loss::ClosedByBroker, 600).takenOver);
    // Nor is a keepalive timeout.
    d.connected(700);
    d.lost(Loss::Other, 800);
    d.connected(900);
    QVERIFY(!d.lost(Loss::ClosedByBroker, 1000).takenOver);
}

void TstMqttTakeOverDetector::aConnectionThatStoodResetsTheBackoff()
{
    MqttTakeOverDetector d(5000);
    d.connected(0);
    const auto v = d.lost(Loss::ClosedByBroker, 5000);
    QVERIFY(v.resetBackoff);
    QVERIFY(!v.takenOver);
    QCOMPARE(v.quickLosses, 0);
}

void TstMqttTakeOverDetector::quickLossesKeepBackingOff()
{
    MqttTakeOverDetector d(5000);
    for (Loss loss : {Loss::ClosedByBroker, Loss::Other, Loss::TakenOver}) {
        d.connected(10'000);
        QVERIFY(!d.lost(loss, 14'999).resetBackoff);
    }
}

QTEST_GUILESS_MAIN(TstMqttTakeOverDetector)
#include "tst_mqtttakeoverdetector.moc"
