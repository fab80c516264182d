// The command service after operate: the two-person rule on critical tags, the write and its
// read-back (success, a read-back that never comes, a failed write, ack-only tags), rate limits
// and cancelling. Fixture: tests/support/commandtesting.h.

#include "commands/commandaudit.h"
#include "commandtesting.h"

using namespace vigil;
using namespace vigil::testing;

class TstCommandFlow : public QObject, private CommandServiceFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { registerCoreMetaTypes(); }
    void init() { setUp(); }
    void cleanup() { tearDown(); }

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
};

// --- Two-person rule ------------------------------------------------------------------------

void TstCommandFlow::twoPersonRule()
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
    // The audit names who tried and that the attempt, not the command, was refused.
    const AuditEntry refusal = commandAuditEntry(last());
    QCOMPARE(refusal.action, QStringLiteral("command.refused"));
    QCOMPARE(refusal.user, QStringLiteral("Alice"));
    QCOMPARE(refusal.result, QStringLiteral("refused"));
    QCOMPARE(refusal.target, QStringLiteral("TIC101.SP"));
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
    const AuditEntry result = commandAuditEntry(last());
    QCOMPARE(result.action, QStringLiteral("command.succeeded"));
    QCOMPARE(result.user, QStringLiteral("alice"));
    QCOMPARE(result.result, QStringLiteral("ok"));
    QVERIFY2(result.detail.contains(QStringLiteral("→ 72.5; confirmed by bob")),
             qPrintable(result.detail));
}

void TstCommandFlow::aSecondPersonNeedsThePermission()
{
    select(kSetpoint, 50);
    m_service->operate(m_lastId, QStringLiteral("alice"));
    m_service->confirm(m_lastId, QStringLiteral("victor"), Role::Viewer);
    QCOMPARE(last().state, CommandStatus::State::AwaitingConfirmation);
    QCOMPARE(last().message, QStringLiteral("TIC101.SP refused: victor lacks the permission "
                                            "confirm-critical-command"));
    QVERIFY(m_writer->writes.isEmpty());
}

void TstCommandFlow::confirmationTimesOut()
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

void TstCommandFlow::readBackSucceeds()
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

void TstCommandFlow::readBackFailureRaisesCommandFailed()
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

void TstCommandFlow::writeFailureRaisesCommandFailed()
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

void TstCommandFlow::ackTagsSucceedOnTheWrite()
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

void TstCommandFlow::perTagRateLimit()
{
    select(kValve, true);
    m_service->operate(m_lastId, QStringLiteral("alice"));
    m_clock->advance(500);
    // The same value again is too soon (a reversal is not: tst_commandsupersede).
    const CommandStatus s = select(kValve, true);
    QCOMPARE(s.state, CommandStatus::State::Refused);
    QCOMPARE(s.message,
             QStringLiteral("XV101.CMD refused: commanded 0.5 s ago, command_interval is 2 s"));
    QCOMPARE(select(kPump, true).state, CommandStatus::State::Selected); // other tags are free
    m_clock->advance(1500);
    QCOMPARE(select(kValve, true).state, CommandStatus::State::Selected);
}

void TstCommandFlow::panelRateLimit()
{
    for (int i = 0; i < 59; ++i) {
        select(kTare, true);
        m_service->operate(m_lastId, QStringLiteral("alice"));
        m_clock->advance(900);
    }
    // Selected together, operated one after the other: the second is one too many.
    select(kTare, true);
    const quint64 tare = m_lastId;
    QCOMPARE(select(kPump, true).state, CommandStatus::State::Selected);
    m_service->operate(tare, QStringLiteral("alice"));
    m_service->operate(m_lastId, QStringLiteral("alice"));
    QCOMPARE(last().state, CommandStatus::State::Refused);
    QCOMPARE(last().message, QStringLiteral("P101.CMD refused: 60 commands in the last minute, "
                                            "max_per_minute is 60"));
    QCOMPARE(m_writer->writes.size(), 60);
    const CommandStatus s = select(kTare, true);
    QCOMPARE(s.state, CommandStatus::State::Refused);
    QCOMPARE(s.message, QStringLiteral("WT101.TARE refused: 60 commands in the last minute, "
                                       "max_per_minute is 60"));
    m_clock->advance(60'000 - 59 * 900); // the first one is a minute old
    QCOMPARE(select(kTare, true).state, CommandStatus::State::Selected);
}

// --- Cancel ------------------------------------------------------------------------------

void TstCommandFlow::cancelBeforeOperate()
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

QTEST_GUILESS_MAIN(TstCommandFlow)
#include "tst_commandflow.moc"
