#include "historywriter.h"

#include "chunkbuffer.h"
#include "events/eventlog.h"
#include "historyclockjump.h"
#include "historyconnection.h"
#include "historylog.h"
#include "historypurger.h"
#include "historyreader.h"
#include "historyrecovery.h"
#include "historyrejects.h"
#include "historysalvage.h"
#include "historyschema.h"
#include "historystore.h"
#include "ingestqueue.h"
#include "util/clock.h"

#include <QDateTime>
#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

namespace vigil
{

HistoryWriter::HistoryWriter(HistorianOptions options, QStringList tagNames, ChunkBuffer &buffer,
                             IngestQueue &queue, HistoryRejects &rejects, const Clock &clock,
                             EventLog *events)
    : m_options(std::move(options))
    , m_tagNames(std::move(tagNames))
    , m_buffer(buffer)
    , m_queue(queue)
    , m_rejects(rejects)
    , m_clock(clock)
    , m_events(events)
    , m_flushTimer(this)
    , m_purgeTimer(this)
{
    m_idReserve = 4 * qint64(m_buffer.size()) + 4096;
    m_flushTimer.setInterval(int(m_options.flushIntervalMs));
    connect(&m_flushTimer, &QTimer::timeout, this, &HistoryWriter::tick);
    m_purgeTimer.setSingleShot(true);
    connect(&m_purgeTimer, &QTimer::timeout, this, &HistoryWriter::purgeStep);
}

HistoryWriter::~HistoryWriter() = default;

void HistoryWriter::report(int severity, const QString &kind, const QString &message)
{
    if (m_events)
        m_events->report(SystemEvent::Severity(severity), QStringLiteral("historian"), kind,
                         message);
}

void HistoryWriter::setState(HistorianState state, const QString &reason)
{
    if (state == m_state && reason == m_reason)
        return;
    m_state = state;
    m_reason = reason;
    emit stateChanged(state, reason);
}

void HistoryWriter::start()
{
    setState(HistorianState::Starting, QString());
    m_sinceFlush.start();
    m_sinceRetry.start();
    QString error;
    if (openDatabase(&error)) {
        setState(HistorianState::Recording, QString());
        drain();
    } else {
        qCWarning(lcHistory) << "history database unavailable:" << error;
        m_droppedAtDegrade = m_queue.droppedSamples();
        setState(HistorianState::Degraded, error);
        report(int(SystemEvent::Severity::Error), QStringLiteral("historian.degraded"), error);
    }
    m_flushTimer.start();
}

bool HistoryWriter::openDatabase(QString *error)
{
    m_purger.reset();
    m_store.reset();
    m_connection.reset();
    const std::optional<HistoryUrl> url = HistoryUrl::parse(m_options.url, error);
    if (!url)
        return false;
    for (int attempt = 0; attempt < 2; ++attempt) {
        m_connection = std::make_unique<HistoryConnection>(*url, HistoryConnection::Role::Writer);
        QString corruption;
        if (!m_connection->open(error)) {
            if (!url->isSqlite() || !HistoryConnection::looksCorrupt(*error))
                return false;
            corruption = *error;
        } else {
            QSqlDatabase db = m_connection->database();
            if (url->isSqlite()) {
                QSqlQuery check(db);
                if (!check.exec(QStringLiteral("PRAGMA quick_check"))) {
                    if (HistoryConnection::isCorruption(check.lastError()))
                        corruption = check.lastError().text();
                } else if (check.next() && check.value(0).toString() != u"ok") {
                    corruption = check.value(0).toString();
                }
            }
            if (corruption.isEmpty() && !HistorySchema::migrate(db, url->isSqlite(), error)) {
                if (!url->isSqlite() || !HistoryConnection::looksCorrupt(*error))
                    return false;
                corruption = *error;
            }
        }
        if (corruption.isEmpty())
            break;
        if (attempt == 1 || !moveAsideCorrupt(corruption)) {
            *error = QStringLiteral("history database is corrupt: ") + corruption;
            return false;
        }
    }
    QSqlDatabase db = m_connection->database();
    m_store = std::make_unique<HistoryStore>(db, url->isSqlite(), m_options.writerId);
    std::vector<qint32> keys;
    if (!m_store->tagKeys(m_tagNames, keys, error))
        return false;
    for (quint32 i = 0; i < keys.size(); ++i)
        m_buffer.setKey(i, keys[i]);
    qint64 first = 0, end = 0;
    if (!m_store->reserveChunkIds(m_buffer.nextId(), m_idReserve, first, end, error))
        return false;
    m_buffer.addIds(first, end);

    HistoryReader reader(db);
    HistoryRecovery recovery(*m_store, reader, m_buffer);
    if (!recovery.replayJournal(error))
        return false;
    // A clock that was ahead in an earlier run left history after the clock's time now.
    const qint64 now = m_clock.nowMs();
    if (!moveAsideFuture(std::numeric_limits<qint64>::min(), now, error) ||
        !recovery.catchUpRollups(error))
        return false;
    m_clockHigh = now;
    if (recovery.recoveredChunks() > 0)
        report(int(SystemEvent::Severity::Info), QStringLiteral("historian.recovered"),
               QStringLiteral("recovered %1 samples of %2 open chunks after an unclean stop")
                   .arg(recovery.recoveredSamples())
                   .arg(recovery.recoveredChunks()));
    m_seq = 1;

    std::vector<HistoryPurger::TagRetention> retention;
    for (quint32 i = 0; i < keys.size(); ++i) {
        const qint64 ms = m_options.config.settingsFor(m_tagNames[qsizetype(i)]).retentionMs;
        if (ms > 0)
            retention.push_back({keys[i], ms});
    }
    m_purger = std::make_unique<HistoryPurger>(*m_store, std::move(retention),
                                               m_options.config.maxSizeBytes, m_options.purgeBatch);
    if (m_purger->hasWork())
        m_purgeTimer.start(int(std::min<qint64>(m_options.purgeIntervalMs, 5000)));
    m_opened = true;
    qCInfo(lcHistory) << "recording" << m_tagNames.size() << "tags to" << url->display();
    return true;
}

bool HistoryWriter::moveAsideCorrupt(const QString &why)
{
    const QString path = m_connection->url().path();
    m_connection.reset();
    const QString stamp = QDateTime::fromMSecsSinceEpoch(m_clock.nowMs(), QTimeZone::utc())
                              .toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QString aside = QStringLiteral("%1.corrupt-%2").arg(path, stamp);
    if (!QFile::rename(path, aside)) {
        qCWarning(lcHistory) << "cannot move the corrupt database" << path << "aside";
        return false;
    }
    for (const char *suffix : {"-wal", "-shm"}) {
        const QString side = path + QLatin1String(suffix);
        if (QFile::exists(side) && !QFile::rename(side, aside + QLatin1String(suffix)))
            QFile::remove(side);
    }
    const QString message = QStringLiteral("history database %1 was corrupt (%2); moved aside to "
                                           "%3 and a new one was created")
                                .arg(path, why, aside);
    qCCritical(lcHistory).noquote() << message;
    report(int(SystemEvent::Severity::Error), QStringLiteral("historian.corrupt"), message);
    return true;
}

void HistoryWriter::drain()
{
    if (m_state != HistorianState::Recording)
        return;
    takeQueue();
    if (m_sinceFlush.elapsed() >= m_options.flushIntervalMs)
        flush();
}

bool HistoryWriter::flush()
{
    if (!m_store)
        return false;
    const ChunkBuffer::FlushBatch batch = m_buffer.prepareFlush(m_seq);
    const qint64 reserve = m_buffer.idsLeft() < m_idReserve / 2 ? m_idReserve : 0;
    m_sinceFlush.restart();
    if (batch.isEmpty() && reserve == 0 && m_state == HistorianState::Recording)
        return true;
    QElapsedTimer timer;
    timer.start();
    QString error;
    qint64 first = 0, end = 0;
    if (!write(batch, reserve, first, end, &error)) {
        m_sinceRetry.restart();
        if (m_state != HistorianState::Degraded) {
            qCWarning(lcHistory) << "cannot write history:" << error;
            m_droppedAtDegrade = m_queue.droppedSamples();
            setState(HistorianState::Degraded, error);
            report(int(SystemEvent::Severity::Error), QStringLiteral("historian.degraded"),
                   QStringLiteral("history is not being written: %1; samples are held in memory "
                                  "(up to %2, the oldest are dropped)")
                       .arg(error)
                       .arg(m_queue.capacity()));
        }
        return false;
    }
    m_buffer.committed(batch);
    if (reserve > 0)
        m_buffer.addIds(first, end);
    if (!batch.journal.isEmpty())
        ++m_seq;
    if (timer.elapsed() > m_options.flushIntervalMs * 2)
        qCWarning(lcHistory) << "slow history commit:" << timer.elapsed() << "ms";
    emit flushed(timer.elapsed());
    if (m_state == HistorianState::Degraded) {
        const quint64 dropped = m_queue.droppedSamples() - m_droppedAtDegrade;
        setState(HistorianState::Recording, QString());
        qCInfo(lcHistory) << "history recording again," << dropped << "samples dropped";
        report(int(SystemEvent::Severity::Info), QStringLiteral("historian.recovered"),
               QStringLiteral("history is being written again; %1 samples were dropped while it "
                              "was not")
                   .arg(dropped));
        drain();
    }
    return true;
}

bool HistoryWriter::write(const ChunkBuffer::FlushBatch &batch, qint64 reserve, qint64 &first,
                          qint64 &end, QString *error)
{
    if (m_store->write(batch, m_buffer.nextId(), reserve, &first, &end, error))
        return true;
    if (!m_store->lastErrorIsRowError())
        return false; // a storage fault: degraded, retried
    // Retrying the same rows would fail forever: store the others, drop and count the refused.
    qCWarning(lcHistory) << "the history database refused a row, storing the others:" << *error;
    HistorySalvage salvage(*m_store);
    if (!salvage.write(batch, m_buffer.nextId(), reserve, &first, &end, error))
        return false;
    if (salvage.rejected().empty())
        return true;
    constexpr size_t kLoggedRows = 10; // per flush: a burst of refusals must not flood the log
    const std::vector<HistorySalvage::Rejected> &rejected = salvage.rejected();
    for (size_t i = 0; i < std::min(rejected.size(), kLoggedRows); ++i) {
        const HistorySalvage::Rejected &r = rejected[i];
        qCWarning(lcHistory).noquote()
            << QStringLiteral("history row dropped: table %1, tag %2, %3 samples: %4")
                   .arg(r.table, r.tag < 0 ? QStringLiteral("(all)") : tagName(r.tag))
                   .arg(r.samples)
                   .arg(r.error);
    }
    if (rejected.size() > kLoggedRows)
        qCWarning(lcHistory) << "and" << rejected.size() - kLoggedRows << "more history rows";
    m_rejects.rows += salvage.rejected().size();
    m_rejects.samples += salvage.rejectedSamples();
    const auto severity = salvage.rejectedSamples() > 0 ? SystemEvent::Severity::Error
                                                        : SystemEvent::Severity::Warning;
    report(int(severity), QStringLiteral("historian.rejected"),
           salvage.summary([this](qint32 key) { return tagName(key); }));
    return true;
}

QString HistoryWriter::tagName(qint32 key) const
{
    for (quint32 i = 0; i < m_buffer.size(); ++i) {
        if (m_buffer.slot(i).key == key)
            return m_tagNames.value(qsizetype(i));
    }
    return QStringLiteral("#%1").arg(key);
}

bool HistoryWriter::flushNow()
{
    if (m_state == HistorianState::Recording) {
        takeQueue();
        m_buffer.heartbeat(m_clock.nowMs()); // as the next tick would
        logLate();
        return flush();
    }
    if (m_state == HistorianState::Degraded && m_opened)
        return flush() && flushNow();
    return false;
}

void HistoryWriter::tick()
{
    if (m_state == HistorianState::Recording) {
        takeQueue();
        m_buffer.heartbeat(m_clock.nowMs());
        logLate();
        flush();
        return;
    }
    if (m_state != HistorianState::Degraded || m_sinceRetry.elapsed() < m_options.retryIntervalMs)
        return;
    m_sinceRetry.restart();
    if (m_opened) {
        flush();
        return;
    }
    QString error;
    if (openDatabase(&error)) {
        setState(HistorianState::Recording, QString());
        report(int(SystemEvent::Severity::Info), QStringLiteral("historian.recovered"),
               QStringLiteral("history database is available again"));
        drain();
    } else if (error != m_reason) {
        setState(HistorianState::Degraded, error);
    }
}

void HistoryWriter::takeQueue()
{
    watchClock();
    for (const ChangeSet &changes : m_queue.takeAll())
        m_buffer.append(changes);
}

void HistoryWriter::watchClock()
{
    const qint64 now = m_clock.nowMs();
    if (m_clockHigh != std::numeric_limits<qint64>::min() &&
        now < m_clockHigh - m_options.clockToleranceMs)
        clockWentBack(m_clockHigh, now);
    m_clockHigh = std::max(m_clockHigh, now);
}

void HistoryWriter::clockWentBack(qint64 from, qint64 now)
{
    // Samples queued before the jump carry the old clock's times: they belong with the history
    // that is moved aside; the ones after it are stored once that is out of the way.
    ChangeSet after;
    for (const ChangeSet &changes : m_queue.takeAll()) {
        ChangeSet before;
        for (const TagChange &c : changes)
            (c.sourceTime > now + m_options.clockToleranceMs ? before : after).append(c);
        m_buffer.append(before);
    }
    m_buffer.sealAll();
    m_clockHigh = now;
    QString error;
    HistoryReader reader(m_connection->database());
    HistoryRecovery recovery(*m_store, reader, m_buffer);
    if (!flush() || !moveAsideFuture(from, now, &error))
        qCWarning(lcHistory) << "cannot move the history after the clock aside:" << error;
    m_buffer.rewind(now);
    if (!recovery.catchUpRollups(&error))
        qCWarning(lcHistory) << "cannot rebuild the rollups after the clock jump:" << error;
    m_buffer.append(after);
}

bool HistoryWriter::moveAsideFuture(qint64 from, qint64 now, QString *error)
{
    std::vector<HistoryClockJump::Tag> tags;
    for (quint32 i = 0; i < m_buffer.size(); ++i)
        tags.push_back({m_tagNames.value(qsizetype(i)), m_buffer.slot(i).key});
    HistoryClockJump jump(m_connection->database(), *m_store);
    if (!jump.moveAside(tags, now, m_options.clockToleranceMs, error))
        return false;
    const bool atStart = from == std::numeric_limits<qint64>::min();
    if (atStart && jump.moved().empty())
        return true;
    const QString message = jump.describe(atStart ? jump.newest() : from, now);
    qCWarning(lcHistory).noquote() << message;
    report(int(SystemEvent::Severity::Warning), QStringLiteral("historian.clockjump"), message);
    return true;
}

void HistoryWriter::logLate()
{
    // At most a line per 10 s: a device clock that went back would otherwise flood the log.
    const quint64 late = m_buffer.lateSamples();
    if (late == m_lateLogged || (m_sinceLateLog.isValid() && m_sinceLateLog.elapsed() < 10'000))
        return;
    m_sinceLateLog.start();
    const std::optional<ChunkBuffer::Late> last = m_buffer.takeLastLate();
    if (!last)
        return;
    auto iso = [](qint64 ms) {
        return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())
            .toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"));
    };
    qCWarning(lcHistory).noquote()
        << QStringLiteral("%1 late samples refused; the last: %2 at %3 is older than the tag's "
                          "last sample at %4")
               .arg(late - m_lateLogged)
               .arg(m_tagNames.value(qsizetype(last->tag)), iso(last->time), iso(last->lastTime));
    m_lateLogged = late;
}

void HistoryWriter::purgeStep()
{
    if (!m_purger)
        return;
    bool more = false;
    if (m_state == HistorianState::Recording) {
        QString error;
        QElapsedTimer timer;
        timer.start();
        more = m_purger->step(m_clock.nowMs(), &error);
        if (!error.isEmpty())
            qCWarning(lcHistory) << "retention step failed:" << error;
        qCDebug(lcHistory) << "retention step took" << timer.elapsed() << "ms";
    }
    m_purgeTimer.start(more ? 20 : int(m_options.purgeIntervalMs));
}

void HistoryWriter::stop()
{
    m_flushTimer.stop();
    m_purgeTimer.stop();
    if (m_state == HistorianState::Recording) {
        for (const ChangeSet &changes : m_queue.takeAll())
            m_buffer.append(changes);
        m_buffer.sealAll();
        flush();
    }
    m_purger.reset();
    m_store.reset();
    m_connection.reset();
    m_opened = false;
    setState(HistorianState::Stopped, QString());
}

} // namespace vigil
