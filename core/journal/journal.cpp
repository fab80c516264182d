#include "journal.h"

#include "events/eventlog.h"

namespace vigil
{

Journal::Journal(HistoryUrl url, EventLog *events, JournalWriter::Options options, QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("journal-writer"));
    m_writer = new JournalWriter(std::move(url), options, events);
    m_writer->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_writer, &QObject::deleteLater);
    // Queued even when the writer reports an event itself: it must not re-enter its own write.
    if (events)
        connect(events, &EventLog::reported, m_writer, &JournalWriter::recordEvent,
                Qt::QueuedConnection);
}

Journal::~Journal()
{
    stop();
    if (!m_thread.isRunning() && m_writer) {
        // Never started: the writer was not handed to a running thread.
        delete m_writer;
    }
    m_writer = nullptr;
}

AlarmSavedStates Journal::start()
{
    AlarmSavedStates saved;
    if (m_running)
        return saved;
    m_running = true;
    m_thread.start();
    QMetaObject::invokeMethod(
        m_writer, [&] { m_writer->open(&saved); }, Qt::BlockingQueuedConnection);
    return saved;
}

void Journal::stop()
{
    if (!m_running)
        return;
    QMetaObject::invokeMethod(m_writer, &JournalWriter::stop, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    m_running = false;
    m_writer = nullptr; // deleted with the thread's finish
}

bool Journal::flush()
{
    if (!m_running)
        return false;
    bool ok = false;
    QMetaObject::invokeMethod(
        m_writer, [&] { ok = m_writer->flushNow(); }, Qt::BlockingQueuedConnection);
    return ok;
}

JournalStats Journal::stats() const
{
    return m_writer ? m_writer->stats() : JournalStats{};
}

} // namespace vigil
