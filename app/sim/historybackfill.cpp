#include "historybackfill.h"

#include "history/historian.h"
#include "history/historyconnection.h"
#include "history/historyreadsession.h"
#include "tags/tagtable.h"
#include "util/manualclock.h"

#include <QDateTime>
#include <QFileInfo>
#include <QSqlQuery>
#include <QThread>

#include <limits>

namespace vigil::sim
{

namespace
{

constexpr qint64 kCommitEveryMs = 10'000; // simulated time between commits (heartbeats due)

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(Qt::ISODate);
}

qint64 bytesInUse(const HistoryUrl &url)
{
    HistoryConnection c(url, HistoryConnection::Role::Reader);
    QString error;
    if (!c.open(&error))
        return -1;
    QSqlQuery q(c.database());
    const QString sql =
        url.isSqlite() ? QStringLiteral("SELECT (page_count - freelist_count) * page_size FROM "
                                        "pragma_page_count(), pragma_freelist_count(), "
                                        "pragma_page_size()")
                       : QStringLiteral("SELECT pg_database_size(current_database())");
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

} // namespace

HistoryBackfill::HistoryBackfill(const PlantConfig &plant, HistorianOptions options)
    : m_plant(plant)
    , m_options(std::move(options))
{
    m_options.config = plant.history;
    // Everything is recorded at once, far faster than a plant delivers it.
    m_options.config.queueCapacity = 50'000'000;
    // Its own journal rows: never those of a Vigil recording into the same database.
    m_options.writerId = QStringLiteral("vigil-sim-backfill");
}

QString HistoryBackfill::laterHistory(const QString &url, const TagDirectory &tags, qint64 from)
{
    HistoryReadSession history;
    switch (history.open(url)) {
    case HistoryReadSession::Status::Empty:
        return QString(); // a new database
    case HistoryReadSession::Status::Failed:
        return history.error();
    case HistoryReadSession::Status::Ready:
        break;
    }
    HistoryReader &reader = history.reader();
    const QString where = history.display();
    for (quint32 t = 0; t < tags.size(); ++t) {
        const QString &name = tags.at(t).id;
        const std::optional<qint32> key = reader.tagKey(name);
        if (!key) {
            if (!reader.lastError().isEmpty())
                return QStringLiteral("cannot read %1: %2").arg(where, reader.lastError());
            continue;
        }
        qint64 last = std::numeric_limits<qint64>::min();
        HistorySamples later;
        if (!reader.lastTime(*key, last) ||
            (last < from && !reader.raw(name, from, std::numeric_limits<qint64>::max(), later)))
            return QStringLiteral("cannot read %1: %2").arg(where, reader.lastError());
        if (!later.isEmpty())
            last = later.last().time;
        if (last >= from)
            return QStringLiteral("%1 already holds history of %2 up to %3, later than the "
                                  "backfill start %4")
                .arg(where, name, isoTime(last), isoTime(from));
    }
    return QString();
}

HistoryBackfill::Result HistoryBackfill::run(qint64 from, qint64 to)
{
    Result result;
    if (to <= from) {
        result.error = QStringLiteral("empty time range");
        return result;
    }
    if (!DemoPlantFeed::canFeed(m_plant, &result.error))
        return result;
    result.error = laterHistory(m_options.url, *m_plant.tags, from);
    if (!result.error.isEmpty())
        return result;

    DemoPlantFeed feed(m_plant, from);
    ManualClock clock(from);
    TagTable table(m_plant.tags, clock);
    Historian historian(m_options, m_plant.tags, clock);
    historian.start();
    while (historian.state() == HistorianState::Starting ||
           historian.state() == HistorianState::Stopped)
        QThread::msleep(5);
    if (historian.state() != HistorianState::Recording) {
        result.error =
            QStringLiteral("the historian cannot record: %1").arg(historian.stateReason());
        historian.stop();
        return result;
    }
    ChangeSet pending;
    qint64 nextCommit = from + kCommitEveryMs;
    bool failed = false;
    auto commit = [&] {
        if (m_observer)
            m_observer(pending);
        historian.record(pending);
        pending.clear();
        failed = !historian.flush() || failed; // with the heartbeats due by the simulated now
    };
    feed.run(to, [&](qint64 now, const SampleBatch &batch) {
        clock.setNowMs(now);
        const ChangeSet set = table.apply(batch);
        result.changes += quint64(set.size());
        pending.append(set);
        if (now >= nextCommit) {
            commit();
            nextCommit += kCommitEveryMs;
        }
    });
    commit();
    const QString reason = historian.stateReason();
    historian.stop();
    const Historian::Stats stats = historian.stats();
    result.stored = stats.stored;
    result.coverage = feed.coverage();
    for (const DemoPlantFeed::Coverage &c : result.coverage)
        result.tags += c.fed;
    if (failed || stats.dropped > 0 || stats.rejectedSamples > 0) {
        result.error = QStringLiteral("the historian did not store everything (%1 dropped, %2 "
                                      "refused)%3")
                           .arg(stats.dropped)
                           .arg(stats.rejectedSamples)
                           .arg(reason.isEmpty() ? QString() : QStringLiteral(": ") + reason);
        return result;
    }
    result.bytes = bytesInUse(*HistoryUrl::parse(m_options.url));
    result.ok = true;
    return result;
}

} // namespace vigil::sim
