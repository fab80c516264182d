#include "historybench.h"

#include <QThread>

using namespace vigil;

namespace historybench
{

HistorianOptions optionsFor(const QString &path, qint64 heartbeatMs)
{
    HistorianOptions o;
    o.url = QStringLiteral("sqlite:") + path;
    o.config.heartbeatMs = heartbeatMs;
    o.config.queueCapacity = 50'000'000;
    return o;
}

void startAndWait(Historian &h)
{
    h.start();
    while (h.state() == HistorianState::Starting || h.state() == HistorianState::Stopped)
        QThread::msleep(5);
    if (h.state() != HistorianState::Recording)
        qFatal("historian did not start: %s", qPrintable(h.stateReason()));
}

qint64 scalar(const QString &path, const QString &sql)
{
    HistoryConnection c(*HistoryUrl::parse(QStringLiteral("sqlite:") + path),
                        HistoryConnection::Role::Reader);
    QString error;
    if (!c.open(&error))
        return -1;
    QSqlQuery q(c.database());
    return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
}

qint64 usedBytes(const QString &path)
{
    return scalar(path, QStringLiteral("SELECT (page_count - freelist_count) * page_size FROM "
                                       "pragma_page_count(), pragma_freelist_count(), "
                                       "pragma_page_size()"));
}

NarrowTable::NarrowTable(const QString &path)
    : m_conn(*HistoryUrl::parse(QStringLiteral("sqlite:") + path), HistoryConnection::Role::Writer)
{
    QString error;
    m_conn.open(&error);
    QSqlQuery(m_conn.database())
        .exec(QStringLiteral("CREATE TABLE sample (tag INTEGER, time INTEGER, value REAL, "
                             "quality INTEGER, PRIMARY KEY (tag, time)) WITHOUT ROWID"));
    m_insert = QSqlQuery(m_conn.database());
    m_insert.prepare(QStringLiteral("INSERT OR REPLACE INTO sample VALUES (?, ?, ?, ?)"));
}

void NarrowTable::insert(const ChangeSet &set)
{
    QSqlDatabase db = m_conn.database();
    db.transaction();
    for (const TagChange &c : set) {
        m_insert.bindValue(0, c.tag);
        m_insert.bindValue(1, c.sourceTime);
        m_insert.bindValue(2, c.value);
        m_insert.bindValue(3, int(c.quality));
        m_insert.exec();
    }
    db.commit();
}

} // namespace historybench
