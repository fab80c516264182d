#pragma once

// The command service tests' fixture: a small plant (a level with an interlock on the pump, a
// critical setpoint, an ack-only tare, a rate-limited valve), a ManualClock and a writer that
// completes writes as each test says (the TagWriter interface is ours; DeviceHost implements it
// in the program).

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

namespace vigil::testing
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

inline TagDefinition tag(const QString &id, DataType type, bool writable = false)
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

inline TagDirectory testPlant()
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

inline TagChange change(quint32 tag, double value, Quality quality = Quality::Good)
{
    TagChange c;
    c.tag = tag;
    c.value = value;
    c.quality = quality;
    return c;
}

// Owns the service under test and records what it reports.
class CommandServiceFixture
{
public:
    void setUp()
    {
        m_clock = std::make_unique<ManualClock>();
        m_writer = std::make_unique<TestWriter>();
        CommandOptions options;
        options.selectTimeoutMs = 30'000;
        options.confirmTimeoutMs = 60'000;
        options.maxPerMinute = 60;
        m_service =
            std::make_unique<CommandService>(m_plant, options, m_writer.get(), m_clock.get());
        m_updates = std::make_unique<QSignalSpy>(m_service.get(), &CommandService::commandUpdated);
        m_failed = std::make_unique<QSignalSpy>(m_service.get(), &CommandService::commandFailed);
        m_succeeded =
            std::make_unique<QSignalSpy>(m_service.get(), &CommandService::commandSucceeded);
        values({change(kLevel, 50), change(kRun, 0), change(kPump, 0), change(kSetpoint, 60),
                change(kValve, 0)});
    }

    void tearDown()
    {
        m_updates.reset();
        m_failed.reset();
        m_succeeded.reset();
        m_service.reset();
        m_writer.reset();
    }

    // Selects (as the operator alice unless told) and returns the last status.
    CommandStatus select(quint32 tag, const QVariant &target,
                         const QString &user = QStringLiteral("alice"), Role role = Role::Operator)
    {
        m_lastId = m_service->nextId();
        m_service->select(m_lastId, tag, target, user, role);
        return last();
    }

    CommandStatus last() const
    {
        if (m_updates->isEmpty())
            return {};
        return m_updates->last().at(0).value<CommandStatus>();
    }

    QStringList states() const
    {
        QStringList out;
        for (const QList<QVariant> &args : *m_updates)
            out << commandStateName(args.at(0).value<CommandStatus>().state);
        return out;
    }

    void values(std::initializer_list<TagChange> changes)
    {
        m_service->processChanges(ChangeSet(changes));
    }

    TagDirectory m_plant = testPlant();
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<TestWriter> m_writer;
    std::unique_ptr<CommandService> m_service;
    std::unique_ptr<QSignalSpy> m_updates;
    std::unique_ptr<QSignalSpy> m_failed;
    std::unique_ptr<QSignalSpy> m_succeeded;
    quint64 m_lastId = 0;
};

} // namespace vigil::testing
