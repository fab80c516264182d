// The command service's checks before a command is selected, in their order and with their
// messages (permission per role, writable, value and limits, device, interlocks), select-before-
// operate, and what it reports to faceplates and the event log. The steps after operate are in
// tst_commandflow.

#include "commandtesting.h"

using namespace vigil;
using namespace vigil::testing;

class TstCommandService : public QObject, private CommandServiceFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { registerCoreMetaTypes(); }
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void permissionPerRole_data();
    void permissionPerRole();
    void readOnlyTagsAndValuesOutsideTheLimitsAreRefused_data();
    void readOnlyTagsAndValuesOutsideTheLimitsAreRefused();
    void aDeviceOutOfReachRefuses();
    void operateAfterTheSelectTimeoutIsRefused();
    void aSelectionExpiresOnTick();
    void onlyTheSelectingUserOperates();
    void anInterlockBlocksWithItsReason();
    void anInterlockOnABadTagBlocks();
    void aValueSpecificInterlockAllowsTheOtherValue();
    void interlocksAreCheckedAgainAtOperate();
    void eventsNameTheUser();
    void permissivesForFaceplates();
};

// --- Checks before select -------------------------------------------------------------------

void TstCommandService::permissionPerRole_data()
{
    QTest::addColumn<quint32>("tag");
    QTest::addColumn<QVariant>("target");
    QTest::addColumn<int>("role");
    QTest::addColumn<QString>("message");
    const QString ok; // selected
    QTest::newRow("viewer start") << quint32(kPump) << QVariant(true) << int(Role::Viewer)
                                  << "P101.CMD refused: the role viewer lacks the permission "
                                     "operate-equipment";
    QTest::newRow("viewer setpoint") << quint32(kSetpoint) << QVariant(50.0) << int(Role::Viewer)
                                     << "TIC101.SP refused: the role viewer lacks the permission "
                                        "change-setpoint";
    QTest::newRow("no role") << quint32(kPump) << QVariant(true) << 0
                             << "P101.CMD refused: an unknown role lacks the permission "
                                "operate-equipment";
    for (Role role : {Role::Operator, Role::Engineer, Role::Admin}) {
        const QByteArray name = roleName(role).toLatin1();
        QTest::newRow(name + " start") << quint32(kPump) << QVariant(true) << int(role) << ok;
        QTest::newRow(name + " setpoint")
            << quint32(kSetpoint) << QVariant(50.0) << int(role) << ok;
    }
}

void TstCommandService::permissionPerRole()
{
    QFETCH(quint32, tag);
    QFETCH(QVariant, target);
    QFETCH(int, role);
    QFETCH(QString, message);
    const CommandStatus s = select(tag, target, QStringLiteral("alice"), Role(role));
    if (message.isEmpty()) {
        QCOMPARE(s.state, CommandStatus::State::Selected);
        QCOMPARE(s.deadlineMonoMs, m_clock->monotonicMs() + 30'000);
        QCOMPARE(s.user, QStringLiteral("alice"));
        QCOMPARE(m_service->pendingCount(), 1);
    } else {
        QCOMPARE(s.state, CommandStatus::State::Refused);
        QCOMPARE(s.message, message);
        QCOMPARE(m_service->pendingCount(), 0);
    }
    QVERIFY(m_writer->writes.isEmpty());
}

void TstCommandService::readOnlyTagsAndValuesOutsideTheLimitsAreRefused_data()
{
    QTest::addColumn<quint32>("tag");
    QTest::addColumn<QVariant>("target");
    QTest::addColumn<QString>("message");
    QTest::newRow("read-only") << quint32(kRun) << QVariant(true)
                               << "P101.RUN refused: the tag is not writable";
    QTest::newRow("above") << quint32(kSetpoint) << QVariant(95.5)
                           << "TIC101.SP refused: 95.5 °C is above the high write limit 90 °C";
    QTest::newRow("below") << quint32(kSetpoint) << QVariant(10)
                           << "TIC101.SP refused: 10 °C is below the low write limit 20 °C";
    QTest::newRow("text for a number") << quint32(kSetpoint) << QVariant(QStringLiteral("hot"))
                                       << "TIC101.SP refused: 'hot' is not a number";
    QTest::newRow("number for a bool")
        << quint32(kPump) << QVariant(2) << "P101.CMD refused: 2 is not on/off (true or false)";
    QTest::newRow("no value") << quint32(kPump) << QVariant() << "P101.CMD refused: no value given";
    QTest::newRow("unknown tag") << quint32(99) << QVariant(true) << "no tag #99";
}

void TstCommandService::readOnlyTagsAndValuesOutsideTheLimitsAreRefused()
{
    QFETCH(quint32, tag);
    QFETCH(QVariant, target);
    QFETCH(QString, message);
    const CommandStatus s = select(tag, target);
    QCOMPARE(s.state, CommandStatus::State::Refused);
    QCOMPARE(s.message, message);
}

void TstCommandService::aDeviceOutOfReachRefuses()
{
    values({change(kPump, 0, Quality::NotConnected)});
    CommandStatus s = select(kPump, false);
    QCOMPARE(s.state, CommandStatus::State::Refused);
    QCOMPARE(s.message, QStringLiteral("P101.CMD refused: unit1: not connected"));
    values({change(kPump, 0, Quality::CommError)});
    QCOMPARE(select(kPump, false).message,
             QStringLiteral("P101.CMD refused: unit1: communication error"));
    values({change(kPump, 0)});
    QCOMPARE(select(kPump, false).state, CommandStatus::State::Selected);
}

// --- Select before operate --------------------------------------------------------------------

void TstCommandService::operateAfterTheSelectTimeoutIsRefused()
{
    QCOMPARE(select(kPump, true).state, CommandStatus::State::Selected);
    m_clock->advance(30'001);
    m_service->operate(m_lastId, QStringLiteral("alice"));
    QCOMPARE(last().state, CommandStatus::State::Expired);
    QCOMPARE(last().message, QStringLiteral("P101.CMD: select timed out after 30 s"));
    QVERIFY(m_writer->writes.isEmpty());
    QCOMPARE(m_service->pendingCount(), 0);

    // Just in time still works.
    select(kPump, true);
    m_clock->advance(30'000);
    m_service->operate(m_lastId, QStringLiteral("alice"));
    QCOMPARE(m_writer->writes.size(), 1);
}

void TstCommandService::aSelectionExpiresOnTick()
{
    select(kPump, true);
    m_clock->advance(29'000);
    m_service->tick();
    QCOMPARE(last().state, CommandStatus::State::Selected);
    m_clock->advance(1'001);
    m_service->tick();
    QCOMPARE(last().state, CommandStatus::State::Expired);
    QCOMPARE(m_service->pendingCount(), 0);
    m_service->operate(m_lastId, QStringLiteral("alice")); // gone: nothing happens
    QCOMPARE(states(), QStringList({"selected", "expired"}));
}

void TstCommandService::onlyTheSelectingUserOperates()
{
    select(kPump, true);
    m_service->operate(m_lastId, QStringLiteral("bob"));
    QCOMPARE(last().state, CommandStatus::State::Selected);
    QCOMPARE(last().message,
             QStringLiteral("P101.CMD refused: only alice, who selected it, may operate it"));
    QVERIFY(m_writer->writes.isEmpty());
    m_service->operate(m_lastId, QStringLiteral("alice"));
    QCOMPARE(m_writer->writes.size(), 1);
}

// --- Interlocks -----------------------------------------------------------------------------

void TstCommandService::anInterlockBlocksWithItsReason()
{
    values({change(kLevel, 8)});
    const CommandStatus s = select(kPump, true);
    QCOMPARE(s.state, CommandStatus::State::Refused);
    QCOMPARE(s.message, QStringLiteral("P101.CMD refused: LT101 < 10 % (dry-run protection)"));
    values({change(kLevel, 10)});
    QCOMPARE(select(kPump, true).state, CommandStatus::State::Selected);
}

void TstCommandService::anInterlockOnABadTagBlocks()
{
    values({change(kLevel, 50, Quality::CommError)});
    QCOMPARE(select(kPump, true).message,
             QStringLiteral("P101.CMD refused: LT101 is Bad: interlock cannot be evaluated"));
    values({change(kLevel, 50, Quality::Stale)});
    QCOMPARE(select(kPump, true).message,
             QStringLiteral("P101.CMD refused: LT101 is Uncertain: interlock cannot be "
                            "evaluated"));
}

void TstCommandService::aValueSpecificInterlockAllowsTheOtherValue()
{
    values({change(kLevel, 5), change(kRun, 1), change(kPump, 1)});
    QCOMPARE(select(kPump, true).state, CommandStatus::State::Refused); // start
    const CommandStatus stop = select(kPump, false);
    QCOMPARE(stop.state, CommandStatus::State::Selected);
    QCOMPARE(stop.previous, QVariant(true));
    QCOMPARE(stop.message, QStringLiteral("P101.CMD selected: 1 → 0"));
}

void TstCommandService::interlocksAreCheckedAgainAtOperate()
{
    select(kPump, true);
    values({change(kLevel, 9)});
    m_service->operate(m_lastId, QStringLiteral("alice"));
    QCOMPARE(last().state, CommandStatus::State::Refused);
    QCOMPARE(last().message, QStringLiteral("P101.CMD refused: LT101 < 10 % (dry-run protection)"));
    QVERIFY(m_writer->writes.isEmpty());
}

// --- Events and permissives ------------------------------------------------------------

void TstCommandService::eventsNameTheUser()
{
    EventLog events(*m_clock);
    m_service->setEventLog(&events);
    values({change(kLevel, 5)});
    select(kPump, true);
    values({change(kLevel, 50)});
    select(kPump, true);
    m_service->operate(m_lastId, QStringLiteral("alice"));
    QTRY_COMPARE(last().state, CommandStatus::State::Verifying);
    values({change(kRun, 1)});
    QStringList seen;
    for (const SystemEvent &e : events.recent()) {
        QCOMPARE(e.source, QStringLiteral("user:alice"));
        seen << e.kind;
    }
    QCOMPARE(seen, QStringList({"command.refused", "command.selected", "command.sent",
                                "command.succeeded"}));
    QCOMPARE(events.recent().first().message,
             QStringLiteral("P101.CMD refused: LT101 < 10 % (dry-run protection)"));
    QCOMPARE(events.recent().first().severity, SystemEvent::Severity::Warning);
}

void TstCommandService::permissivesForFaceplates()
{
    values({change(kLevel, 5), change(kPump, 0, Quality::NotConnected)});
    const CommandPermissives p = m_service->permissives(kPump);
    QVERIFY(p.writable);
    QVERIFY(!p.critical);
    QVERIFY(!p.deviceOk);
    QCOMPARE(p.deviceReason, QStringLiteral("unit1: not connected"));
    QCOMPARE(p.blocking, QStringList({"LT101 < 10 % (dry-run protection)"}));
    QCOMPARE(p.feedbackTag, QStringLiteral("P101.RUN"));
    QCOMPARE(m_service->blockingFor(kPump, false), QStringList());
    QCOMPARE(m_service->blockingFor(kPump, true).size(), 1);

    const CommandPermissives sp = m_service->permissives(kSetpoint);
    QVERIFY(sp.critical);
    QVERIFY(sp.deviceOk);
    QVERIFY(sp.blocking.isEmpty());
    QCOMPARE(sp.feedbackTag, QStringLiteral("TIC101.SP"));
    QVERIFY(!m_service->permissives(kRun).writable);
}

QTEST_GUILESS_MAIN(TstCommandService)
#include "tst_commandservice.moc"
