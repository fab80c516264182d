// A new command to a tag supersedes the one still pending there, whatever its state (selected,
// awaiting confirmation, sending, verifying) and whoever made it: an operator stops a pump that
// is starting without waiting for the start's read-back. The older command ends as Cancelled,
// and neither its late read-back nor its late write completion decides anything. A reversal of
// a bool tag is not held back by command_interval; a repeat of the same value still is.
// Fixture: tests/support/commandtesting.h.

#include "commands/commandaudit.h"
#include "commandtesting.h"

using namespace vigil;
using namespace vigil::testing;

class TstCommandSupersede : public QObject, private CommandServiceFixture
{
    Q_OBJECT

private slots:
    void initTestCase() { registerCoreMetaTypes(); }
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void reversalWhileVerifying();
    void reversalWhileSending();
    void reversalWhileSelectedByAnotherUser();
    void newTargetWhileAwaitingConfirmation();
    void reversalWithinCommandIntervalIsAllowed();
    void repeatWithinCommandIntervalIsRefused();
    void aRefusedSelectSupersedesNothing();
    void otherTagsAreNotTouched();
    void supersededIsReportedAsAnEvent();

private:
    // Every status reported for the command `id`, in order.
    QList<CommandStatus> statusesOf(quint64 id) const
    {
        QList<CommandStatus> out;
        for (const QList<QVariant> &args : *m_updates) {
            const auto status = args.at(0).value<CommandStatus>();
            if (status.id == id)
                out << status;
        }
        return out;
    }
    // Selects and operates a command to a non-critical tag; returns its id.
    quint64 start(quint32 tag, const QVariant &target,
                  const QString &user = QStringLiteral("alice"))
    {
        select(tag, target, user);
        m_service->operate(m_lastId, user);
        return m_lastId;
    }
};

void TstCommandSupersede::reversalWhileVerifying()
{
    const quint64 startId = start(kPump, true);
    QTRY_COMPARE(last().state, CommandStatus::State::Verifying);
    m_clock->advance(3000); // the pump is still starting: P101.RUN is 0

    const CommandStatus stop = select(kPump, false);
    QCOMPARE(stop.state, CommandStatus::State::Selected);
    const QList<CommandStatus> started = statusesOf(startId);
    QCOMPARE(started.last().state, CommandStatus::State::Cancelled);
    QCOMPARE(started.last().message,
             QStringLiteral("P101.CMD: superseded by a new command from alice"));
    QCOMPARE(m_updates->at(m_updates->size() - 2).at(0).value<CommandStatus>().id, startId);
    QCOMPARE(m_service->pendingCount(), 1);

    // The start's read-back arrives late: it succeeds nothing.
    values({change(kRun, 1)});
    QCOMPARE(statusesOf(startId).size(), started.size());
    QCOMPARE(last().state, CommandStatus::State::Selected);
    QVERIFY(m_succeeded->isEmpty());

    m_service->operate(m_lastId, QStringLiteral("alice"));
    QTRY_COMPARE(last().state, CommandStatus::State::Verifying);
    QCOMPARE(m_writer->writes.size(), 2);
    QCOMPARE(m_writer->writes.last().value, QVariant(false));
    // The start's deadline passes: nothing fails; the stop has its own deadline.
    m_clock->advance(2500);
    m_service->tick();
    QCOMPARE(last().state, CommandStatus::State::Verifying);
    QVERIFY(m_failed->isEmpty());

    values({change(kRun, 0)});
    QCOMPARE(last().state, CommandStatus::State::Succeeded);
    QCOMPARE(last().id, m_lastId);
    QCOMPARE(m_succeeded->size(), 1);
    QCOMPARE(statusesOf(startId).size(), started.size());
}

void TstCommandSupersede::reversalWhileSending()
{
    m_writer->mode = TestWriter::Mode::Hold;
    const quint64 startId = start(kPump, true);
    QCOMPARE(last().state, CommandStatus::State::Sending);

    select(kPump, false);
    QCOMPARE(statusesOf(startId).last().state, CommandStatus::State::Cancelled);
    m_service->operate(m_lastId, QStringLiteral("alice"));
    QCOMPARE(last().state, CommandStatus::State::Sending);
    QCOMPARE(m_writer->writes.size(), 2);
    const int startReports = int(statusesOf(startId).size());

    // The start's write completes, failed, after it was superseded: no failure is raised and
    // the stop's write still decides the stop.
    m_writer->held.at(0)->addResult(WriteResult{kPump, false, QStringLiteral("unit1: timeout")});
    m_writer->held.at(0)->finish();
    m_writer->held.at(1)->addResult(WriteResult{kPump, true, QString()});
    m_writer->held.at(1)->finish();
    QTRY_COMPARE(last().state, CommandStatus::State::Succeeded); // P101.RUN is 0 already
    QCOMPARE(last().id, m_lastId);
    QCOMPARE(statusesOf(startId).size(), startReports);
    QVERIFY(m_failed->isEmpty());

    // A superseded write that succeeds decides nothing either. Write results continue in the
    // order they complete: once the stop's is in, the start's has been handled.
    const quint64 secondStart = start(kPump, true);
    select(kPump, false);
    m_service->operate(m_lastId, QStringLiteral("alice"));
    const int reports = int(statusesOf(secondStart).size());
    m_writer->held.at(2)->addResult(WriteResult{kPump, true, QString()});
    m_writer->held.at(2)->finish();
    m_writer->held.at(3)->addResult(WriteResult{kPump, true, QString()});
    m_writer->held.at(3)->finish();
    QTRY_COMPARE(last().state, CommandStatus::State::Succeeded);
    QCOMPARE(last().id, m_lastId);
    QCOMPARE(statusesOf(secondStart).size(), reports);
    QCOMPARE(m_succeeded->size(), 2);
}

void TstCommandSupersede::reversalWhileSelectedByAnotherUser()
{
    const CommandStatus open = select(kValve, true, QStringLiteral("alice"));
    QCOMPARE(open.state, CommandStatus::State::Selected);
    const quint64 aliceId = m_lastId;
    const CommandStatus close = select(kValve, false, QStringLiteral("bob"));
    QCOMPARE(close.state, CommandStatus::State::Selected);

    const CommandStatus superseded = statusesOf(aliceId).last();
    QCOMPARE(superseded.state, CommandStatus::State::Cancelled);
    QCOMPARE(superseded.user, QStringLiteral("alice"));
    QCOMPARE(superseded.message, QStringLiteral("XV101.CMD: superseded by a new command from bob"));
    // The audit trail names both: alice's command cancelled because of bob, bob's select.
    const AuditEntry cancelled = commandAuditEntry(superseded);
    QCOMPARE(cancelled.action, QStringLiteral("command.cancelled"));
    QCOMPARE(cancelled.user, QStringLiteral("alice"));
    QCOMPARE(cancelled.result, QStringLiteral("cancelled"));
    QVERIFY2(cancelled.detail.contains(QStringLiteral("superseded by a new command from bob")),
             qPrintable(cancelled.detail));
    const AuditEntry selected = commandAuditEntry(close);
    QCOMPARE(selected.action, QStringLiteral("command.select"));
    QCOMPARE(selected.user, QStringLiteral("bob"));

    // alice's slide-to-confirm comes too late: nothing is sent for it.
    const int reports = int(m_updates->size());
    m_service->operate(aliceId, QStringLiteral("alice"));
    QCOMPARE(m_updates->size(), reports);
    QVERIFY(m_writer->writes.isEmpty());
    m_service->operate(m_lastId, QStringLiteral("bob"));
    QCOMPARE(m_writer->writes.size(), 1);
    QCOMPARE(m_writer->writes.first().value, QVariant(false));
}

void TstCommandSupersede::newTargetWhileAwaitingConfirmation()
{
    select(kSetpoint, 72.5);
    m_service->operate(m_lastId, QStringLiteral("alice"));
    QCOMPARE(last().state, CommandStatus::State::AwaitingConfirmation);
    const quint64 first = m_lastId;

    QCOMPARE(select(kSetpoint, 40.0, QStringLiteral("bob")).state, CommandStatus::State::Selected);
    QCOMPARE(statusesOf(first).last().state, CommandStatus::State::Cancelled);
    QCOMPARE(statusesOf(first).last().message,
             QStringLiteral("TIC101.SP: superseded by a new command from bob"));
    // A second person confirming the old one sends nothing.
    m_service->confirm(first, QStringLiteral("carol"), Role::Engineer);
    QVERIFY(m_writer->writes.isEmpty());
    QCOMPARE(last().id, m_lastId);

    m_service->operate(m_lastId, QStringLiteral("bob"));
    QCOMPARE(last().state, CommandStatus::State::AwaitingConfirmation);
    m_service->confirm(m_lastId, QStringLiteral("carol"), Role::Engineer);
    QCOMPARE(m_writer->writes.size(), 1);
    QCOMPARE(m_writer->writes.first().value, QVariant(40.0));
}

void TstCommandSupersede::reversalWithinCommandIntervalIsAllowed()
{
    start(kValve, true); // XV101.CMD: command_interval 2 s
    QTRY_COMPARE(last().state, CommandStatus::State::Verifying);
    m_clock->advance(500);
    QCOMPARE(select(kValve, false).state, CommandStatus::State::Selected);
    m_service->operate(m_lastId, QStringLiteral("alice"));
    QCOMPARE(m_writer->writes.size(), 2);
    QCOMPARE(m_writer->writes.last().value, QVariant(false));
    QTRY_COMPARE(last().state, CommandStatus::State::Succeeded); // the valve reads 0 still

    // Each reversal is one: opening again reverses the close, also within the interval.
    m_clock->advance(500);
    QCOMPARE(select(kValve, true).state, CommandStatus::State::Selected);
    m_service->operate(m_lastId, QStringLiteral("alice"));
    QCOMPARE(m_writer->writes.size(), 3);
}

void TstCommandSupersede::repeatWithinCommandIntervalIsRefused()
{
    const quint64 openId = start(kValve, true);
    QTRY_COMPARE(last().state, CommandStatus::State::Verifying);
    m_clock->advance(500);
    const CommandStatus again = select(kValve, true);
    QCOMPARE(again.state, CommandStatus::State::Refused);
    QCOMPARE(again.message,
             QStringLiteral("XV101.CMD refused: commanded 0.5 s ago, command_interval is 2 s"));
    // Refused, it supersedes nothing: the open is still verified.
    QCOMPARE(statusesOf(openId).last().state, CommandStatus::State::Verifying);
    values({change(kValve, 1)});
    QCOMPARE(statusesOf(openId).last().state, CommandStatus::State::Succeeded);

    // The interval over, the same value may go again.
    m_clock->advance(1500);
    QCOMPARE(select(kValve, true).state, CommandStatus::State::Selected);
}

void TstCommandSupersede::aRefusedSelectSupersedesNothing()
{
    const quint64 startId = start(kPump, true);
    QTRY_COMPARE(last().state, CommandStatus::State::Verifying);
    const CommandStatus viewer = select(kPump, false, QStringLiteral("victor"), Role::Viewer);
    QCOMPARE(viewer.state, CommandStatus::State::Refused);
    QCOMPARE(viewer.message, QStringLiteral("P101.CMD refused: the role viewer lacks the "
                                            "permission operate-equipment"));
    const CommandStatus bad = select(kPump, QVariant(2));
    QCOMPARE(bad.state, CommandStatus::State::Refused);
    QCOMPARE(m_service->pendingCount(), 1);
    values({change(kRun, 1)});
    QCOMPARE(statusesOf(startId).last().state, CommandStatus::State::Succeeded);
    QCOMPARE(m_succeeded->size(), 1);
}

void TstCommandSupersede::otherTagsAreNotTouched()
{
    m_writer->mode = TestWriter::Mode::Hold;
    const quint64 pumpId = start(kPump, true);
    QCOMPARE(select(kValve, true).state, CommandStatus::State::Selected);
    QCOMPARE(select(kSetpoint, 50.0).state, CommandStatus::State::Selected);
    QCOMPARE(m_service->pendingCount(), 3);
    QCOMPARE(statusesOf(pumpId).last().state, CommandStatus::State::Sending);
}

void TstCommandSupersede::supersededIsReportedAsAnEvent()
{
    EventLog events(*m_clock);
    m_service->setEventLog(&events);
    start(kPump, true);
    QTRY_COMPARE(last().state, CommandStatus::State::Verifying);
    select(kPump, false, QStringLiteral("bob"));
    const QList<SystemEvent> seen = events.recent();
    QCOMPARE(seen.size(), 4); // selected, sent, cancelled, selected
    QCOMPARE(seen.at(2).kind, QStringLiteral("command.cancelled"));
    QCOMPARE(seen.at(2).source, QStringLiteral("user:alice"));
    QCOMPARE(seen.at(2).message, QStringLiteral("P101.CMD: superseded by a new command from bob"));
    QCOMPARE(seen.at(3).kind, QStringLiteral("command.selected"));
    QCOMPARE(seen.at(3).source, QStringLiteral("user:bob"));
}

QTEST_GUILESS_MAIN(TstCommandSupersede)
#include "tst_commandsupersede.moc"
