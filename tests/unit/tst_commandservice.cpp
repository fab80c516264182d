// The command service against a writer that completes writes as each test says (the TagWriter
// interface is ours; DeviceHost implements it in the program) and a ManualClock: the checks in
// their order with their messages, select-before-operate, the two-person rule, the write and
// its read-back, timeouts and rate limits.

#include "commands/commandservice.h"
#include "commands/tagwriter.h"
#include "events/eventlog.h"
#include "metatypes.h"
#include "tags/tagdirectory.h"
#include "util/manualclock.h"

#include <QPromise>
#include <QSignalSpy>
#include <QtTest>

#include <memory>

using namespace vigil;

namespace
{

enum : quint32 {
    kLevel,
    kRun,
    kPump,
    kSetpoint,
    kTare,
    kValve,
    kTagCount
};

// Completes writes at once (ok or failed) or holds them until the test finishes them.
class TestWriter : public TagWriter
{
public:
    enum class Mode {
        Succeed,
        Fail,
        Hold
    };
    QFuture<WriteResult> write(const WriteRequest &request) override
    {
        writes.append(request);
        if (mode == Mode::Hold) {
            held.push_back(std::make_unique<QPromise<WriteResult>>());
            held.back()->start();
            return held.back()->future();
        }
        const bool ok = mode == Mode::Succeed;
        return QtFuture::makeReadyFuture(
            WriteResult{request.tag, ok, ok ? QString() : QStringLiteral("unit1: no response")});
    }

    Mode mode = Mode::Succeed;
    QList<WriteRequest> writes;
    std::vector<std::unique_ptr<QPromise<WriteResult>>> held;
};

TagDefinition tag(const QString &id, DataType type, bool writable = false)
{
    TagDefinition t;
    t.id = id;
    t.device = QStringLiteral("unit1");
    t.type = type;
    t.writable = writable;
    t.rangeLo = 0;
    t.rangeHi = type == DataType::Bool ? 1 : 100;
    return t;
}

TagDirectory testPlant()
{
    TagDefinition level = tag(QStringLiteral("LT101"), DataType::Float64);
    level.unit = QStringLiteral("%");
    TagDefinition pump = tag(QStringLiteral("P101.CMD"), DataType::Bool, true);
    pump.command.feedback = QStringLiteral("P101.RUN");
    InterlockRule dryRun;
    dryRun.tagId = QStringLiteral("LT101");
    dryRun.op = InterlockRule::Op::Less;
    dryRun.number = 10;
    dryRun.appliesToValue = true; // stopping stays allowed
    dryRun.reason = QStringLiteral("dry-run protection");
    pump.command.interlocks = {dryRun};
    TagDefinition sp = tag(QStringLiteral("TIC101.SP"), DataType::Float64, true);
    sp.unit = QStringLiteral("°C");
    sp.rangeHi = 120;
    sp.writeMin = 20;
    sp.writeMax = 90;
    sp.command.critical = true;
    TagDefinition tare = tag(QStringLiteral("WT101.TARE"), DataType::Bool, true);
    tare.device = QStringLiteral("scale1");
    tare.command.verify = CommandVerify::Ack;
    TagDefinition valve = tag(QStringLiteral("XV101.CMD"), DataType::Bool, true);
    valve.command.commandIntervalMs = 2000;
    return TagDirectory(
        {level, tag(QStringLiteral("P101.RUN"), DataType::Bool), pump, sp, tare, valve});
}

TagChange change(quint32 tag, double value, Quality quality = Quality::Good)
{
    TagChange c;
    c.tag = tag;
    c.value = value;
    c.quality = quality;
    return c;
}

} // namespace

class TstCommandService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

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
    void twoPersonRule();
    void aSecondPersonNeedsThePermission();
    void confirmationTimesOut();
    void readBackSucceeds();
    void readBackFailureRaisesCommandFailed();
    void writeFailureRaisesCommandFailed();
    void ackTagsSucceedOnTheWrite();
    void perTagRateLimit();
    void panelRateLimit();
    void cancelBeforeOperate();
    void eventsNameTheUser();
    void permissivesForFaceplates();

private:
    // Selects as an operator and returns the last status.
    CommandStatus select(quint32 tag, const QVariant &target, const QString &user = "alice",
                         Role role = Role::Operator);
    CommandStatus last() const;
    QStringList states() const;
    void values(std::initializer_list<TagChange> changes);

    TagDirectory m_plant = testPlant();
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<TestWriter> m_writer;
    std::unique_ptr<CommandService> m_service;
    std::unique_ptr<QSignalSpy> m_updates;
    std::unique_ptr<QSignalSpy> m_failed;
    std::unique_ptr<QSignalSpy> m_succeeded;
    quint64 m_lastId = 0;
};

void TstCommandService::initTestCase()
{
    registerCoreMetaTypes();
}

void TstCommandService::init()
{
    m_clock = std::make_unique<ManualClock>();
    m_writer = std::make_unique<TestWriter>();
    CommandOptions options;
    options.selectTimeoutMs = 30'000;
    options.confirmTimeoutMs = 60'000;
    options.maxPerMinute = 60;
    m_service = std::make_unique<CommandService>(m_plant, options, m_writer.get(), m_clock.get());
    m_updates = std::make_unique<QSignalSpy>(m_service.get(), &CommandService::commandUpdated);
    m_failed = std::make_unique<QSignalSpy>(m_service.get(), &CommandService::commandFailed);
    m_succeeded = std::make_unique<QSignalSpy>(m_service.get(), &CommandService::commandSucceeded);
    values({change(kLevel, 50), change(kRun, 0), change(kPump, 0), change(kSetpoint, 60),
            change(kValve, 0)});
}

void TstCommandService::cleanup()
{
    m_updates.reset();
    m_failed.reset();
    m_succeeded.reset();
    m_service.reset();
    m_writer.reset();
}

CommandStatus TstCommandService::select(quint32 tag, const QVariant &target, const QString &user,
                                        Role role)
{
    m_lastId = m_service->nextId();
    m_service->select(m_lastId, tag, target, user, role);
    return last();
}

CommandStatus TstCommandService::last() const
{
    if (m_updates->isEmpty())
        return {};
    return m_updates->last().at(0).value<CommandStatus>();
}

QStringList TstCommandService::states() const
{
    QStringList out;
    for (const QList<QVariant> &args : *m_updates)
        out << commandStateName(args.at(0).value<CommandStatus>().state);
    return out;
}

void TstCommandService::values(std::initializer_list<TagChange> changes)
{
    m_service->processChanges(ChangeSet(changes));
}

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

// --- Two-person rule ------------------------------------------------------------------------

void TstCommandService::twoPersonRule()
{
    select(kSetpoint, 72.5);
    m_service->operate(m_lastId, QStringLiteral("alice"));
    QCOMPARE(last().state, CommandStatus::State::AwaitingConfirmation);
    QCOMPARE(last().deadlineMonoMs, m_clock->monotonicMs() + 60'000);
    QVERIFY(m_writer->writes.isEmpty());

    m_service->confirm(m_lastId, QStringLiteral("alice"), Role::Engineer);
    QCOMPARE(last().state, CommandStatus::State::AwaitingConfirmation);
    QCOMPARE(last().message,
             QStringLiteral("TIC101.SP refused: the second person must be a different user"));
    m_service->confirm(m_lastId, QStringLiteral("Alice"), Role::Engineer);
    QCOMPARE(last().message,
             QStringLiteral("TIC101.SP refused: the second person must be a different user"));
    QVERIFY(m_writer->writes.isEmpty());

    m_service->confirm(m_lastId, QStringLiteral("bob"), Role::Operator);
    QCOMPARE(m_writer->writes.size(), 1);
    QCOMPARE(m_writer->writes.first().value, QVariant(72.5));
    QTRY_COMPARE(last().state, CommandStatus::State::Verifying);
    QCOMPARE(states(), QStringList({"selected", "awaiting-confirmation", "awaiting-confirmation",
                                    "awaiting-confirmation", "sending", "verifying"}));
    QCOMPARE(last().confirmer, QStringLiteral("bob"));
    values({change(kSetpoint, 72.5)});
    QCOMPARE(last().state, CommandStatus::State::Succeeded);
    QCOMPARE(last().confirmer, QStringLiteral("bob"));
    QCOMPARE(last().user, QStringLiteral("alice"));
}

void TstCommandService::aSecondPersonNeedsThePermission()
{
    select(kSetpoint, 50);
    m_service->operate(m_lastId, QStringLiteral("alice"));
    m_service->confirm(m_lastId, QStringLiteral("victor"), Role::Viewer);
    QCOMPARE(last().state, CommandStatus::State::AwaitingConfirmation);
    QCOMPARE(last().message, QStringLiteral("TIC101.SP refused: victor lacks the permission "
                                            "confirm-critical-command"));
    QVERIFY(m_writer->writes.isEmpty());
}

void TstCommandService::confirmationTimesOut()
{
    select(kSetpoint, 50);
    m_service->operate(m_lastId, QStringLiteral("alice"));
    m_clock->advance(60'001);
    m_service->confirm(m_lastId, QStringLiteral("bob"), Role::Operator);
    QCOMPARE(last().state, CommandStatus::State::Expired);
    QCOMPARE(last().message, QStringLiteral("TIC101.SP: confirmation timed out after 60 s"));
    QVERIFY(m_writer->writes.isEmpty());

    select(kSetpoint, 50);
    m_service->operate(m_lastId, QStringLiteral("alice"));
    m_clock->advance(60'001);
    m_service->tick();
    QCOMPARE(last().state, CommandStatus::State::Expired);
    QCOMPARE(m_service->pendingCount(), 0);
}

// --- Write and read-back --------------------------------------------------------------------

void TstCommandService::readBackSucceeds()
{
    select(kPump, true);
    m_service->operate(m_lastId, QStringLiteral("alice"));
    QCOMPARE(m_writer->writes.size(), 1);
    QCOMPARE(m_writer->writes.first().tag, quint32(kPump));
    QCOMPARE(m_writer->writes.first().value, QVariant(true));
    QTRY_COMPARE(last().state, CommandStatus::State::Verifying);
    QCOMPARE(last().deadlineMonoMs, m_clock->monotonicMs() + 5000);
    m_clock->advance(1000);
    values({change(kPump, 1)}); // the command's own echo is not the feedback
    m_service->tick();
    QCOMPARE(last().state, CommandStatus::State::Verifying);
    values({change(kRun, 1)});
    QCOMPARE(last().state, CommandStatus::State::Succeeded);
    QCOMPARE(last().message, QStringLiteral("P101.CMD: P101.RUN reached 1"));
    QCOMPARE(states(), QStringList({"selected", "sending", "verifying", "succeeded"}));
    QCOMPARE(m_succeeded->size(), 1);
    QCOMPARE(m_succeeded->first().at(0).toUInt(), quint32(kPump));
    QVERIFY(m_failed->isEmpty());
}

void TstCommandService::readBackFailureRaisesCommandFailed()
{
    select(kPump, true);
    m_service->operate(m_lastId, QStringLiteral("alice"));
    QTRY_COMPARE(last().state, CommandStatus::State::Verifying);
    m_clock->advance(5000);
    m_service->tick();
    QCOMPARE(last().state, CommandStatus::State::Verifying);
    m_clock->advance(1);
    m_service->tick();
    const QString message = QStringLiteral("P101.CMD: P101.RUN did not reach 1 within 5 s "
                                           "(read-back 0)");
    QCOMPARE(last().state, CommandStatus::State::Failed);
    QCOMPARE(last().message, message);
    QCOMPARE(m_failed->size(), 1);
    QCOMPARE(m_failed->first().at(0).toUInt(), quint32(kPump));
    QCOMPARE(m_failed->first().at(1).toString(), message);
    QCOMPARE(m_failed->first().at(2).toString(), QStringLiteral("alice"));
    values({change(kRun, 1)}); // too late: nothing changes
    QCOMPARE(last().state, CommandStatus::State::Failed);
    QVERIFY(m_succeeded->isEmpty());
}

void TstCommandService::writeFailureRaisesCommandFailed()
{
    m_writer->mode = TestWriter::Mode::Hold;
    select(kPump, true);
    m_service->operate(m_lastId, QStringLiteral("alice"));
    QCOMPARE(last().state, CommandStatus::State::Sending);
    m_clock->advance(60'000);
    m_service->tick(); // a write in progress has no deadline of ours: the driver's timeout rules
    QCOMPARE(last().state, CommandStatus::State::Sending);
    m_writer->held.front()->addResult(
        WriteResult{kPump, false, QStringLiteral("unit1: exception 2 (illegal data address)")});
    m_writer->held.front()->finish();
    QTRY_COMPARE(last().state, CommandStatus::State::Failed);
    QCOMPARE(last().message,
             QStringLiteral("P101.CMD: write failed: unit1: exception 2 (illegal data address)"));
    QCOMPARE(m_failed->size(), 1);
}

void TstCommandService::ackTagsSucceedOnTheWrite()
{
    select(kTare, true);
    m_service->operate(m_lastId, QStringLiteral("alice"));
    QTRY_COMPARE(last().state, CommandStatus::State::Succeeded);
    QCOMPARE(last().message, QStringLiteral("WT101.TARE: 1 written, confirmed by the device"));
    QCOMPARE(m_succeeded->size(), 1);

    m_writer->mode = TestWriter::Mode::Fail;
    select(kTare, true);
    m_service->operate(m_lastId, QStringLiteral("alice"));
    QTRY_COMPARE(last().state, CommandStatus::State::Failed);
    QCOMPARE(last().message, QStringLiteral("WT101.TARE: write failed: unit1: no response"));
}

// --- Rate limits ----------------------------------------------------------------------------

void TstCommandService::perTagRateLimit()
{
    select(kValve, true);
    m_service->operate(m_lastId, QStringLiteral("alice"));
    m_clock->advance(500);
    const CommandStatus s = select(kValve, false);
    QCOMPARE(s.state, CommandStatus::State::Refused);
    QCOMPARE(s.message,
             QStringLiteral("XV101.CMD refused: commanded 0.5 s ago, command_interval is 2 s"));
    QCOMPARE(select(kPump, true).state, CommandStatus::State::Selected); // other tags are free
    m_clock->advance(1500);
    QCOMPARE(select(kValve, false).state, CommandStatus::State::Selected);
}

void TstCommandService::panelRateLimit()
{
    for (int i = 0; i < 60; ++i) {
        select(kTare, true);
        m_service->operate(m_lastId, QStringLiteral("alice"));
        m_clock->advance(900);
    }
    QCOMPARE(m_writer->writes.size(), 60);
    const CommandStatus s = select(kTare, true);
    QCOMPARE(s.state, CommandStatus::State::Refused);
    QCOMPARE(s.message, QStringLiteral("WT101.TARE refused: 60 commands in the last minute, "
                                       "max_per_minute is 60"));
    m_clock->advance(60'000 - 60 * 900 + 900); // the first one is a minute old
    QCOMPARE(select(kTare, true).state, CommandStatus::State::Selected);
}

// --- Cancel, events, permissives ------------------------------------------------------------

void TstCommandService::cancelBeforeOperate()
{
    select(kPump, true);
    m_service->cancel(m_lastId, QStringLiteral("alice"));
    QCOMPARE(last().state, CommandStatus::State::Cancelled);
    QCOMPARE(last().message, QStringLiteral("P101.CMD: cancelled by alice"));
    m_service->operate(m_lastId, QStringLiteral("alice"));
    QVERIFY(m_writer->writes.isEmpty());

    m_writer->mode = TestWriter::Mode::Hold;
    select(kPump, true);
    m_service->operate(m_lastId, QStringLiteral("alice"));
    m_service->cancel(m_lastId, QStringLiteral("alice"));
    QCOMPARE(last().state, CommandStatus::State::Sending);
    QCOMPARE(last().message, QStringLiteral("P101.CMD refused: it was sent already"));
}

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
