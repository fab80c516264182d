#include "alarmbackfill.h"

#include "journal/journalconnection.h"

#include <QDateTime>
#include <QSqlQuery>

namespace vigil::sim
{

namespace
{

constexpr qint64 kTickMs = 1'000; // the live engine ticks every 100 ms; a second is plenty here

// When an operator acknowledges: 40 s to 3 min after the alarm, the same for the same alarm at
// the same time (the backfill is repeatable).
qint64 delayFor(const QString &key, qint64 timeMs)
{
    const size_t h = qHash(key) ^ size_t(timeMs / 1000);
    return 40'000 + qint64(h % 140) * 1'000;
}

// The newest alarm transition in the journal; -1: none (or no journal yet).
qint64 newestTransition(const HistoryUrl &url)
{
    JournalConnection reader(url, JournalConnection::Role::Reader);
    QString error;
    if (!reader.open(&error))
        return -1;
    QSqlQuery q(reader.database());
    const qint64 newest = q.exec(QStringLiteral("SELECT max(time_ms) FROM alarm_journal")) &&
                                  q.next() && !q.value(0).isNull()
                              ? q.value(0).toLongLong()
                              : -1;
    q.finish();
    return newest;
}

} // namespace

AlarmBackfill::AlarmBackfill(const PlantConfig &plant, HistoryUrl journal)
    : m_plant(plant)
    , m_url(std::move(journal))
{
}

AlarmBackfill::~AlarmBackfill()
{
    if (m_writer)
        m_writer->stop();
}

bool AlarmBackfill::begin(qint64 from, QString *error)
{
    m_writer = std::make_unique<JournalWriter>(m_url, JournalWriter::Options{}, nullptr);
    AlarmSavedStates saved;
    if (!m_writer->open(&saved)) {
        *error = QStringLiteral("cannot open the alarm journal %1").arg(m_url.display());
        return false;
    }
    const qint64 newest = newestTransition(m_url);
    if (newest >= from) {
        *error = QStringLiteral("the alarm journal %1 already holds alarms up to %2, after the "
                                "start of the backfill")
                     .arg(m_url.display(),
                          QDateTime::fromMSecsSinceEpoch(newest, Qt::UTC).toString(Qt::ISODate));
        return false;
    }
    m_clock.setNowMs(from);
    m_engine = std::make_unique<AlarmEngine>(m_plant.tags, m_clock, m_plant.alarms);
    QObject::connect(m_engine.get(), &AlarmEngine::transitionsOccurred, m_engine.get(),
                     [this](const AlarmTransitionBatch &batch) { onTransitions(batch); });
    m_engine->restore(saved);
    return true;
}

void AlarmBackfill::feed(const ChangeSet &changes)
{
    qsizetype first = 0;
    while (first < changes.size()) {
        // One step per source time, as the tag table would have sent them live.
        const qint64 time = changes.at(first).sourceTime;
        qsizetype last = first;
        while (last < changes.size() && changes.at(last).sourceTime == time)
            ++last;
        advanceTo(time);
        m_engine->processChanges(changes.mid(first, last - first));
        first = last;
    }
}

AlarmBackfill::Result AlarmBackfill::finish(qint64 to)
{
    advanceTo(to);
    m_result.ok = m_writer->flushNow();
    if (!m_result.ok)
        m_result.error =
            QStringLiteral("the alarm journal %1 could not be written").arg(m_url.display());
    m_writer->stop();
    m_writer.reset();
    return m_result;
}

void AlarmBackfill::advanceTo(qint64 timeMs)
{
    while (m_clock.nowMs() < timeMs) {
        m_clock.advance(std::min(kTickMs, timeMs - m_clock.nowMs()));
        m_engine->tick();
        acknowledgeDue();
    }
}

void AlarmBackfill::onTransitions(const AlarmTransitionBatch &batch)
{
    m_writer->recordTransitions(batch);
    m_result.transitions += quint64(batch.size());
    for (const AlarmTransition &t : batch) {
        if (t.kind == AlarmTransitionKind::Raised || t.kind == AlarmTransitionKind::Realarmed) {
            m_result.raised += t.kind == AlarmTransitionKind::Raised ? 1 : 0;
            m_acknowledgeAt.emplace(t.wallTimeMs + operatorDelayMs(t), t.alarmId);
        }
    }
}

void AlarmBackfill::acknowledgeDue()
{
    while (!m_acknowledgeAt.empty() && m_acknowledgeAt.begin()->first <= m_clock.nowMs()) {
        const quint32 id = m_acknowledgeAt.begin()->second;
        m_acknowledgeAt.erase(m_acknowledgeAt.begin());
        if (m_engine->flags(id).acknowledged)
            continue;
        // Every fourth acknowledgement says what the operator did.
        const QString comment = (m_result.acknowledged % 4 == 3)
                                    ? QStringLiteral("checked in the field, level under control")
                                    : QString();
        m_result.acknowledged +=
            quint64(m_engine->acknowledge({id}, QStringLiteral("operator"), comment));
    }
}

qint64 AlarmBackfill::operatorDelayMs(const AlarmTransition &raised)
{
    return delayFor(raised.key, raised.wallTimeMs);
}

} // namespace vigil::sim
