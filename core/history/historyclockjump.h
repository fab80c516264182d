#pragma once

#include <QSqlDatabase>
#include <QString>

#include <vector>

namespace vigil
{

class HistoryStore;

// What the writer does when the panel clock is behind the stored history (it was ahead at boot
// or before an NTP correction, and has been set back). A chunk is time-ordered and a reader
// walks a tag's chunks by start time, so new samples cannot go in among the future-dated ones;
// clamping them to the old future time would falsify them. Instead every chunk, rollup and text
// sample of an affected tag that reaches past the clock is moved, kept and readable, to a tag of
// its own ("<tag>@clock-jump-<when>"), and new samples are stored at their true time.
class HistoryClockJump
{
public:
    struct Tag {
        QString name;
        qint32 key = -1;
    };
    struct Moved {
        QString tag;
        QString aside;
        qint64 newest = 0; // the newest stored time before the move
        int chunks = 0;
    };

    HistoryClockJump(QSqlDatabase db, HistoryStore &store)
        : m_db(std::move(db))
        , m_store(store)
    {
    }

    // Moves aside the history after `now` of the tags whose newest stored time is more than
    // `toleranceMs` after `now`; false with an error if the database failed.
    bool moveAside(const std::vector<Tag> &tags, qint64 now, qint64 toleranceMs, QString *error);

    const std::vector<Moved> &moved() const { return m_moved; }
    qint64 newest() const; // the newest stored time of the moved tags
    // The system event's text: the jump from `from` to `to` and where the history went.
    QString describe(qint64 from, qint64 to) const;

    static QString asideName(const QString &tag, qint64 now);

private:
    bool newestTime(qint32 key, qint64 &time, QString *error);
    bool move(const Tag &tag, qint32 asideKey, qint64 now, int &chunks, QString *error);
    bool run(const char *sql, const QVariantList &values, int *rows, QString *error);

    QSqlDatabase m_db;
    HistoryStore &m_store;
    std::vector<Moved> m_moved;
};

} // namespace vigil
