#pragma once

#include "commandoptions.h"
#include "commandpermissives.h"
#include "commandstatus.h"
#include "security/role.h"
#include "tags/tagchange.h"

#include <QObject>
#include <QVariant>

#include <atomic>
#include <map>
#include <memory>
#include <vector>

class QTimer;

namespace vigil
{

class Clock;
class CommandInputs;
class CommandRateLimiter;
class EventLog;
class InterlockEvaluator;
class ReadbackTracker;
class TagDirectory;
class TagWriter;
struct WriteResult;

// Operator commands to writable tags: select-before-operate, permission, limit, device and
// interlock checks, the two-person rule on critical tags, the write, and the read-back that
// decides success. Lives on the core thread beside TagTable and AlarmEngine: values arrive
// through processChanges(), timeouts run in tick() (start() drives it from a timer; tests call
// it with a ManualClock), the GUI calls the slots queued. Every state change is reported by
// commandUpdated(); a failed write or read-back also by commandFailed(). Values are known only
// from change sets: connect processChanges before the drivers start (as AlarmEngine), or feed it
// a snapshot of the TagTable first; until a tag's first change it counts as not yet read (Bad).
// A tag has at most one pending command: a new select that passes its checks supersedes the
// older one (Cancelled, "P101.CMD: superseded by a new command from bob").
class CommandService : public QObject
{
    Q_OBJECT
public:
    CommandService(const TagDirectory &directory, const CommandOptions &options, TagWriter *writer,
                   Clock *clock, QObject *parent = nullptr);
    ~CommandService() override;

    quint64 nextId();                                  // thread-safe (atomic); the GUI picks ids
    CommandPermissives permissives(quint32 tag) const; // thread-safe (mutex-guarded snapshot)

    // Each state is also reported as a system event (command.selected, command.refused, ...,
    // source "user:<name>"). Optional; set before start().
    void setEventLog(EventLog *events);
    // Commands not finished yet (selected, awaiting confirmation, sending, verifying).
    int pendingCount() const { return int(m_commands.size()); }
    // The interlocks that block a command of `tag` to `target` now (thread-safe); permissives()
    // lists every interlock whatever value it is limited to.
    QStringList blockingFor(quint32 tag, const QVariant &target) const;

public slots: // called queued from the GUI thread (QMetaObject::invokeMethod)
    void select(quint64 id, quint32 tag, const QVariant &target, const QString &user,
                vigil::Role role);
    void operate(quint64 id, const QString &user);
    void confirm(quint64 id, const QString &confirmer, vigil::Role confirmerRole);
    void cancel(quint64 id, const QString &user);
    void processChanges(const vigil::ChangeSet &changes); // from TagTable::changed, direct
    void tick(); // 100 ms timer after start(); tests call it
    void start();

signals:
    void commandUpdated(const vigil::CommandStatus &status); // every state change
    // read-back failed or write failed: main.cpp connects it to AlarmEngine::raiseCommandFailure
    void commandFailed(quint32 tag, const QString &message, const QString &user);
    void commandSucceeded(quint32 tag); // → AlarmEngine::clearCommandFailure

private:
    // The checks before a command is selected, in order; "" when it may be selected.
    QString selectRefusal(quint32 tag, QVariant &target, Role role);
    // Device and interlocks, at select and again just before the write; "" when it may go on.
    QString sendRefusal(quint32 tag, const QVariant &target) const;
    // A new command for `tag` has passed its checks: whatever was pending for the tag (selected,
    // awaiting confirmation, sending, verifying; by anyone) ends as Cancelled, so that a stop
    // never waits behind the start it reverses. A refused select leaves it as it was.
    void supersede(quint32 tag, const QString &user);
    void send(CommandStatus &status);
    void writeFinished(quint64 id, const WriteResult &result);
    void verify(CommandStatus &status);
    void expire(CommandStatus &status);
    void fail(CommandStatus &status, const QString &message);
    CommandStatus *pending(quint64 id);
    std::vector<quint64> idsIn(CommandStatus::State state) const;
    QVariant currentValue(quint32 tag) const;
    QString previousText(const CommandStatus &status) const;
    // Sets the state, reports it, and forgets the command once it is finished: `status` is
    // then gone.
    void update(CommandStatus &status, CommandStatus::State state, const QString &message);
    // An operate, confirm or cancel that was refused leaves the command as it was.
    void reportAttempt(const CommandStatus &status, const QString &user, const QString &refusal);
    void report(const CommandStatus &status, const QString &user);

    const TagDirectory &m_directory;
    const CommandOptions m_options;
    TagWriter *m_writer;
    Clock *m_clock;
    EventLog *m_events = nullptr;
    std::atomic<quint64> m_nextId{1};
    std::unique_ptr<CommandInputs> m_inputs;
    std::unique_ptr<InterlockEvaluator> m_interlocks;
    std::unique_ptr<ReadbackTracker> m_readbacks;
    std::unique_ptr<CommandRateLimiter> m_rate;
    std::map<quint64, CommandStatus> m_commands; // not finished, by id
    QTimer *m_timer = nullptr;
};

} // namespace vigil
