#include "historian.h"

#include "historywriter.h"
#include "valueencoding.h"

#include <QMutexLocker>
#include <QSysInfo>

namespace vigil
{

namespace
{

std::unique_ptr<ChunkBuffer> makeBuffer(const TagDirectory &tags, const HistorianOptions &options)
{
    std::vector<ChunkBuffer::Slot> tagSlots(tags.size());
    for (quint32 i = 0; i < tags.size(); ++i) {
        const TagDefinition &t = tags.at(i);
        tagSlots[i].encoding = ValueEncoding::forTag(t);
        tagSlots[i].text = t.type == DataType::String;
        tagSlots[i].heartbeatMs = options.config.settingsFor(t.id).heartbeatMs;
    }
    return std::make_unique<ChunkBuffer>(std::move(tagSlots), options.limits);
}

} // namespace

Historian::Historian(HistorianOptions options, std::shared_ptr<const TagDirectory> tags,
                     const Clock &clock, EventLog *events, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_tags(std::move(tags))
    , m_queue(m_options.config.queueCapacity)
{
    qRegisterMetaType<HistorianState>();
    if (m_options.writerId.isEmpty())
        m_options.writerId = QSysInfo::machineHostName().isEmpty() ? QStringLiteral("local")
                                                                   : QSysInfo::machineHostName();
    m_buffer = makeBuffer(*m_tags, m_options);
    QStringList names;
    names.reserve(m_tags->size());
    for (const TagDefinition &t : m_tags->all())
        names.append(t.id);
    m_thread.setObjectName(QStringLiteral("history-writer"));
    m_writer = new HistoryWriter(m_options, names, *m_buffer, m_queue, m_rejects, clock, events);
    m_writer->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_writer, &QObject::deleteLater);
    connect(
        m_writer, &HistoryWriter::stateChanged, this,
        [this](HistorianState state, const QString &reason) {
            QMutexLocker lock(&m_stateMutex);
            m_state = state;
            m_reason = reason;
        },
        Qt::DirectConnection);
    connect(m_writer, &HistoryWriter::stateChanged, this, &Historian::stateChanged,
            Qt::QueuedConnection);
}

Historian::~Historian()
{
    stop();
    if (!m_thread.isRunning() && m_writer && !m_running) {
        // Never started: the writer was not handed to a running thread.
        delete m_writer;
    }
    m_writer = nullptr;
}

void Historian::start()
{
    if (m_running)
        return;
    m_running = true;
    m_thread.start();
    QMetaObject::invokeMethod(m_writer, &HistoryWriter::start, Qt::QueuedConnection);
}

void Historian::stop()
{
    if (!m_running)
        return;
    QMetaObject::invokeMethod(m_writer, &HistoryWriter::stop, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
    m_running = false;
    m_writer = nullptr; // deleted with the thread's finish
}

void Historian::record(const ChangeSet &changes)
{
    if (m_queue.push(changes) && m_writer)
        QMetaObject::invokeMethod(m_writer, &HistoryWriter::drain, Qt::QueuedConnection);
}

bool Historian::flush()
{
    if (!m_running)
        return false;
    bool ok = false;
    QMetaObject::invokeMethod(
        m_writer, [&] { ok = m_writer->flushNow(); }, Qt::BlockingQueuedConnection);
    return ok;
}

HistorianState Historian::state() const
{
    QMutexLocker lock(&m_stateMutex);
    return m_state;
}

QString Historian::stateReason() const
{
    QMutexLocker lock(&m_stateMutex);
    return m_reason;
}

Historian::Stats Historian::stats() const
{
    Stats s;
    {
        QMutexLocker lock(&m_stateMutex);
        s.state = m_state;
        s.reason = m_reason;
    }
    s.received = m_queue.receivedSamples();
    s.dropped = m_queue.droppedSamples();
    s.queued = m_queue.queuedSamples();
    s.stored = m_buffer->appendedSamples();
    s.late = m_buffer->lateSamples();
    s.rejectedRows = m_rejects.rows;
    s.rejectedSamples = m_rejects.samples;
    return s;
}

QList<ChunkBuffer::TailChunk> Historian::tail(const QString &tagName) const
{
    const std::optional<quint32> index = m_tags->indexOf(tagName);
    if (!index)
        return {};
    return m_buffer->tail(*index);
}

} // namespace vigil
