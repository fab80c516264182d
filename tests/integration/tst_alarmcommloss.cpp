// A device pulled off the line raises its communication-loss alarm: the serial cable is a socat
// pty pair, killing socat is the pull. The alarm carries the driver's reason, returns to normal
// when the cable is back and stays listed until someone acknowledges it.

#include "alarms/alarmengine.h"
#include "devicealarms.h"
#include "serialrig.h"
#include "util/systemclock.h"

#include <QSignalSpy>
#include <QtTest>

using namespace vigil;

namespace
{

const QString kPlant = SerialRig::scalePlant(
    QStringLiteral(R"(reopen_interval = "150ms")"),
    QStringLiteral(R"(alarms = [{ type = "hi", limit = 900, priority = "high" }])"));

const QString kKey = QStringLiteral("dev:scale/commloss");

} // namespace

class TstAlarmCommLoss : public QObject
{
    Q_OBJECT
private slots:
    void pulledCableRaisesAndPluggingClearsTheAlarm();
};

void TstAlarmCommLoss::pulledCableRaisesAndPluggingClearsTheAlarm()
{
    SerialRig rig;
    QString error;
    QVERIFY2(rig.start(kPlant, &error), qPrintable(error));
    QTRY_COMPARE(rig.state(), DriverState::Connected);

    const SystemClock clock;
    AlarmEngine engine(rig.plant().tags, clock);
    connectDeviceAlarms(rig.host(), engine);
    QSignalSpy transitions(&engine, &AlarmEngine::transitionsOccurred);
    auto seen = [&](AlarmTransitionKind kind) {
        for (const QList<QVariant> &args : transitions)
            for (const AlarmTransition &t : args.at(0).value<AlarmTransitionBatch>())
                if (t.key == kKey && t.kind == kind)
                    return true;
        return false;
    };

    rig.pullCable();
    QTRY_VERIFY(seen(AlarmTransitionKind::Raised));
    const std::optional<quint32> id = engine.idOf(kKey);
    QVERIFY(id);
    QVERIFY(engine.flags(*id).active);
    QVERIFY(!engine.flags(*id).acknowledged);
    const AlarmSnapshot raised = engine.snapshot(*id);
    QCOMPARE(raised.source, AlarmSource::CommLoss);
    QCOMPARE(raised.device, QStringLiteral("scale"));
    QVERIFY2(raised.detail.contains(u"lost"), qPrintable(raised.detail));
    QCOMPARE(engine.unacknowledgedCounts().total(), 1);
    // Reopen attempts fail while the cable is out: the alarm is raised once, not per retry.
    QTRY_VERIFY(rig.stats().lastError.contains(u"cannot open"));
    int raises = 0;
    for (const QList<QVariant> &args : transitions)
        for (const AlarmTransition &t : args.at(0).value<AlarmTransitionBatch>())
            raises += t.key == kKey && t.kind == AlarmTransitionKind::Raised ? 1 : 0;
    QCOMPARE(raises, 1);

    QVERIFY2(rig.plugIn(&error), qPrintable(error));
    QTRY_VERIFY(seen(AlarmTransitionKind::Cleared));
    QVERIFY(!engine.flags(*id).active);
    QVERIFY2(engine.flags(*id).listed(), "an unacknowledged return to normal stays listed");

    QCOMPARE(engine.acknowledge({*id}, QStringLiteral("alice"), QStringLiteral("cable reseated")),
             1);
    QVERIFY(!engine.flags(*id).listed());
    QCOMPARE(engine.snapshot(*id).ackUser, QStringLiteral("alice"));
}

QTEST_GUILESS_MAIN(TstAlarmCommLoss)
#include "tst_alarmcommloss.moc"
