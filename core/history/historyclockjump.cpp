#include "historyclockjump.h"

#include "historystore.h"
#include "rollupbuilder.h"

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>
#include <QVariant>

#include <limits>

namespace vigil
{

namespace
{

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc())
        .toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"));
}

} // namespace

QString HistoryClockJump::asideName(const QString &tag, qint64 now)
{
    return QStringLiteral("%1@clock-jump-%2")
        .arg(tag, QDateTime::fromMSecsSinceEpoch(now, QTimeZone::utc())
                      .toString(QStringLiteral("yyyyMMdd'T'HHmmsszzz'Z'")));
}

bool HistoryClockJump::moveAside(const std::vector<Tag> &tags, qint64 now, qint64 toleranceMs,
                                 QString *error)
{
    m_moved.clear();
    std::vector<const Tag *> affected;
    for (const Tag &tag : tags) {
        qint64 newest = 0;
        if (tag.key < 0)
            continue;
        if (!newestTime(tag.key, newest, error))
            return false;
        if (newest != std::numeric_limits<qint64>::min() && newest > now + toleranceMs) {
            affected.push_back(&tag);
            m_moved.push_back({tag.name, asideName(tag.name, now), newest, 0});
        }
    }
    if (affected.empty())
        return true;
    QStringList asideNames;
    for (const Moved &m : m_moved)
        asideNames.append(m.aside);
    std::vector<qint32> asideKeys;
    if (!m_store.tagKeys(asideNames, asideKeys, error) || !m_store.begin(error))
        return false;
    for (size_t i = 0; i < affected.size(); ++i) {
        if (!move(*affected[i], asideKeys[i], now, m_moved[i].chunks, error)) {
            m_store.rollback();
            return false;
        }
    }
    return m_store.commit(error);
}

bool HistoryClockJump::newestTime(qint32 key, qint64 &time, QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT (SELECT max(end_time) FROM chunk WHERE tag = ?), "
                             "(SELECT max(time) FROM text_sample WHERE tag = ?)"));
    q.bindValue(0, key);
    q.bindValue(1, key);
    if (!q.exec() || !q.next()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    time = std::numeric_limits<qint64>::min();
    for (int column = 0; column < 2; ++column) {
        if (!q.value(column).isNull())
            time = std::max(time, q.value(column).toLongLong());
    }
    return true;
}

bool HistoryClockJump::move(const Tag &tag, qint32 asideKey, qint64 now, int &chunks,
                            QString *error)
{
    // A chunk that reaches past the clock moves whole: what stays ends before the clock.
    if (!run("UPDATE chunk SET tag = ? WHERE tag = ? AND end_time > ?", {asideKey, tag.key, now},
             &chunks, error) ||
        !run("UPDATE text_sample SET tag = ? WHERE tag = ? AND time > ?", {asideKey, tag.key, now},
             nullptr, error))
        return false;
    // A rollup bucket that ends after the clock holds moved samples; the writer rebuilds the
    // buckets it needs from the chunks that stay.
    for (const RollupBuilder::Level level : {RollupBuilder::Fine, RollupBuilder::Hour}) {
        if (!run("UPDATE rollup SET tag = ? WHERE tag = ? AND level = ? AND bucket > ?",
                 {asideKey, tag.key, int(level), now - RollupBuilder::widthMs(level)}, nullptr,
                 error))
            return false;
    }
    return true;
}

bool HistoryClockJump::run(const char *sql, const QVariantList &values, int *rows, QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(QString::fromLatin1(sql));
    for (qsizetype i = 0; i < values.size(); ++i)
        q.bindValue(int(i), values[i]);
    if (!q.exec()) {
        if (error)
            *error = q.lastError().text();
        return false;
    }
    if (rows)
        *rows = q.numRowsAffected();
    return true;
}

qint64 HistoryClockJump::newest() const
{
    qint64 newest = std::numeric_limits<qint64>::min();
    for (const Moved &m : m_moved)
        newest = std::max(newest, m.newest);
    return newest;
}

QString HistoryClockJump::describe(qint64 from, qint64 to) const
{
    if (m_moved.empty())
        return QStringLiteral("the panel clock went back from %1 to %2; no stored history was "
                              "after %2")
            .arg(isoTime(from), isoTime(to));
    QStringList names;
    int chunks = 0;
    for (const Moved &m : m_moved) {
        names.append(m.aside);
        chunks += m.chunks;
    }
    constexpr qsizetype kNamed = 5;
    QString list = names.mid(0, kNamed).join(QStringLiteral(", "));
    if (names.size() > kNamed)
        list += QStringLiteral(" and %1 more").arg(names.size() - kNamed);
    return QStringLiteral("the panel clock went back from %1 to %2: the history of %3 tags after "
                          "%2 (%4 chunks) was moved aside to %5; new samples are stored at their "
                          "true time")
        .arg(isoTime(from), isoTime(to))
        .arg(m_moved.size())
        .arg(chunks)
        .arg(list);
}

} // namespace vigil
