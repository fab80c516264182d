#include "journalwriter.h"

#include "events/eventlog.h"
#include "journalconnection.h"
#include "journallog.h"
#include "journalschema.h"
#include "journalstore.h"

#include <QMutexLocker>

namespace vigil
{

JournalWriter::JournalWriter(HistoryUrl url, Options options, EventLog *events)
    : m_url(std::move(url))
    , m_options(options)
    , m_events(events)
    , m_eventTimer(this)
    , m_retryTimer(this)
{
    m_eventTimer.setSingleShot(true);
    m_eventTimer.setInterval(m_options.eventDelayMs);
    connect(&m_eventTimer, &QTimer::timeout, this, &JournalWriter::writePending);
    m_retryTimer.setSingleShot(true);
    m_retryTimer.setInterval(m_options.retryMs);
    connect(&m_retryTimer, &QTimer::timeout, this, &JournalWriter::writePending);
}

JournalWriter::~JournalWriter()
{
    closeDatabase();
}

bool JournalWriter::open(AlarmSavedStates *saved)
{
    QString error;
    m_atStart = true;
    const bool ok = ensureOpen(&error);
    m_atStart = false;
    if (!ok) {
        failed(error);
        return false;
    }
    if (saved) {
        for (auto it = m_states.cbegin(); it != m_states.cend(); ++it)
            saved->append(it.value());
        std::sort(saved->begin(), saved->end(),
                  [](const AlarmSavedState &a, const AlarmSavedState &b) { return a.key < b.key; });
    }
    return true;
}

void JournalWriter::stop()
{
    m_eventTimer.stop();
    m_retryTimer.stop();
    if (!writePending())
        qCWarning(lcJournal) << "journal closed with" << m_transitions.size() << "transitions and"
                             << m_pendingEvents.size() << "events it could not write";
    closeDatabase();
}

bool JournalWriter::flushNow()
{
    m_eventTimer.stop();
    return writePending();
}

JournalStats JournalWriter::stats() const
{
    QMutexLocker lock(&m_statsMutex);
    return m_stats;
}

void JournalWriter::recordTransitions(const AlarmTransitionBatch &transitions)
{
    for (const AlarmTransition &t : transitions) {
        m_states[t.key].apply(t);
        m_dirty.insert(t.key);
    }
    m_transitions.append(transitions);
    // Operators act on what they see: their acknowledge must be durable at once.
    m_eventTimer.stop();
    writePending();
}

void JournalWriter::recordEvent(const SystemEvent &event)
{
    m_pendingEvents.append(event);
    if (!m_eventTimer.isActive() && !m_retryTimer.isActive())
        m_eventTimer.start();
}

bool JournalWriter::ensureOpen(QString *error)
{
    if (m_store)
        return true;
    if (openDatabase(error))
        return true;
    closeDatabase();
    return false;
}

bool JournalWriter::openDatabase(QString *error)
{
    m_connection = std::make_unique<JournalConnection>(m_url, JournalConnection::Role::Writer);
    if (!m_connection->open(error))
        return false;
    QSqlDatabase db = m_connection->database();
    QString problem;
    if (!JournalSchema::migrate(db, m_connection->isSqlite(), &problem)) {
        if (error)
            *error = QStringLiteral("journal database %1: %2").arg(m_url.display(), problem);
        return false;
    }
    auto store = std::make_unique<JournalStore>(*m_connection);
    if (!store->prepare(error))
        return false;
    if (!m_loaded) {
        // Opened at start: the saved states are the truth the engine is restored from. Opened
        // only later: the engine started without them, so the rows are replaced by what it did.
        if (m_atStart) {
            const std::optional<AlarmSavedStates> saved = store->loadStates(error);
            if (!saved)
                return false;
            for (const AlarmSavedState &s : *saved)
                m_states.insert(s.key, s);
        } else {
            for (auto it = m_states.cbegin(); it != m_states.cend(); ++it)
                m_dirty.insert(it.key());
            m_replaceStates = true;
        }
        m_loaded = true;
    }
    m_store = std::move(store);
    qCInfo(lcJournal).noquote() << "journal open:" << m_url.display() << "-" << m_states.size()
                                << "saved alarm states";
    updateStats(true, {});
    return true;
}

void JournalWriter::closeDatabase()
{
    m_store.reset();
    m_connection.reset();
}

bool JournalWriter::writePending()
{
    if (m_transitions.isEmpty() && m_pendingEvents.isEmpty() && m_dirty.isEmpty())
        return true;
    QString error;
    if (!ensureOpen(&error)) {
        failed(error);
        return false;
    }
    const JournalBatch batch = takeBatch();
    if (!m_store->write(batch, &error)) {
        // Reconnect next time: a server restart or a replaced file leaves this one useless.
        closeDatabase();
        failed(error);
        return false;
    }
    committed(batch);
    return true;
}

JournalBatch JournalWriter::takeBatch() const
{
    JournalBatch batch;
    batch.transitions = m_transitions;
    batch.events = m_pendingEvents;
    batch.states.reserve(m_dirty.size());
    for (const QString &key : m_dirty)
        batch.states.append(m_states.value(key));
    batch.replaceStates = m_replaceStates;
    return batch;
}

void JournalWriter::committed(const JournalBatch &batch)
{
    m_transitions.clear();
    m_pendingEvents.clear();
    m_dirty.clear();
    m_replaceStates = false;
    m_retryTimer.stop();
    {
        QMutexLocker lock(&m_statsMutex);
        m_stats.transitionsWritten += quint64(batch.transitions.size());
        m_stats.eventsWritten += quint64(batch.events.size());
        m_stats.pending = 0;
    }
    if (m_failing) {
        m_failing = false;
        updateStats(true, {});
        qCInfo(lcJournal) << "journal writable again";
        report(int(SystemEvent::Severity::Info), QStringLiteral("journal.recovered"),
               QStringLiteral("the journal database is writable again"));
    }
}

void JournalWriter::failed(const QString &reason)
{
    trimPending();
    {
        QMutexLocker lock(&m_statsMutex);
        ++m_stats.failedWrites;
        m_stats.pending = m_transitions.size() + m_pendingEvents.size();
    }
    updateStats(false, reason);
    if (!m_retryTimer.isActive())
        m_retryTimer.start();
    if (m_failing)
        return;
    m_failing = true;
    qCWarning(lcJournal).noquote() << "journal cannot be written:" << reason;
    report(int(SystemEvent::Severity::Error), QStringLiteral("journal.failed"),
           QStringLiteral("alarm journal and events cannot be stored: %1").arg(reason));
}

void JournalWriter::trimPending()
{
    const qsizetype max = m_options.maxPending;
    quint64 droppedTransitions = 0;
    quint64 droppedEvents = 0;
    if (m_transitions.size() > max) {
        droppedTransitions = quint64(m_transitions.size() - max);
        m_transitions.remove(0, m_transitions.size() - max);
    }
    if (m_pendingEvents.size() > max) {
        droppedEvents = quint64(m_pendingEvents.size() - max);
        m_pendingEvents.remove(0, m_pendingEvents.size() - max);
    }
    if (droppedTransitions + droppedEvents == 0)
        return;
    QMutexLocker lock(&m_statsMutex);
    m_stats.droppedTransitions += droppedTransitions;
    m_stats.droppedEvents += droppedEvents;
}

void JournalWriter::report(int severity, const QString &kind, const QString &message)
{
    if (m_events)
        m_events->report(SystemEvent::Severity(severity), QStringLiteral("journal"), kind, message);
}

void JournalWriter::updateStats(bool open, const QString &failure)
{
    QMutexLocker lock(&m_statsMutex);
    m_stats.open = open;
    m_stats.failure = failure;
}

} // namespace vigil
