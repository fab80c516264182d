#include "auditstore.h"

#include "security/auditchain.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace vigil
{

namespace
{

const QString kColumns = QStringLiteral(
    "seq, time_ms, user_name, action, target, detail, result, prev_hash, hash, hmac");

bool failed(const QSqlQuery &q, QString *error)
{
    if (error)
        *error = QStringLiteral("audit trail: %1").arg(q.lastError().text());
    return false;
}

AuditRow fromRow(const QSqlQuery &q)
{
    AuditRow row;
    row.seq = q.value(0).toLongLong();
    row.entry.timeMs = q.value(1).toLongLong();
    row.entry.user = q.value(2).toString();
    row.entry.action = q.value(3).toString();
    row.entry.target = q.value(4).toString();
    row.entry.detail = q.value(5).toString();
    row.entry.result = q.value(6).toString();
    row.prevHash = q.value(7).toString();
    row.hash = q.value(8).toString();
    row.hmac = q.value(9).toString();
    return row;
}

QString likePattern(const QString &text)
{
    QString escaped = text.toLower();
    escaped.replace(u'\\', QStringLiteral("\\\\"));
    escaped.replace(u'%', QStringLiteral("\\%"));
    escaped.replace(u'_', QStringLiteral("\\_"));
    return escaped;
}

// A null QString binds as SQL NULL; the columns hold text, empty when there is none.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

bool insert(QSqlDatabase &db, const AuditRow &row, QString *error)
{
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO audit (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                  .arg(kColumns));
    for (const QVariant &v :
         QVariantList{row.seq, row.entry.timeMs, text(row.entry.user), text(row.entry.action),
                      text(row.entry.target), text(row.entry.detail), text(row.entry.result),
                      row.prevHash, row.hash, row.hmac})
        q.addBindValue(v);
    return q.exec() || failed(q, error);
}

} // namespace

AuditStore::AuditStore(QSqlDatabase db, bool sqlite)
    : m_db(std::move(db))
    , m_sqlite(sqlite)
{
}

std::optional<AuditRow> AuditStore::append(const AuditEntry &entry, const QByteArray &key,
                                           QString *error)
{
    if (!begin(error))
        return std::nullopt;
    QString problem;
    const std::optional<AuditRow> previous = last(&problem);
    std::optional<AuditRow> row;
    if (problem.isEmpty()) {
        row = AuditChain::seal(previous ? previous->hash : AuditChain::genesisHash(),
                               previous ? previous->seq + 1 : 1, entry, key);
        if (!insert(m_db, *row, &problem))
            row.reset();
    }
    if (!finish(row.has_value(), &problem)) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    return row;
}

bool AuditStore::begin(QString *error)
{
    QSqlQuery q(m_db);
    if (m_sqlite)
        return q.exec(QStringLiteral("BEGIN IMMEDIATE")) || failed(q, error);
    if (!q.exec(QStringLiteral("BEGIN")))
        return failed(q, error);
    if (q.exec(QStringLiteral("LOCK TABLE audit IN EXCLUSIVE MODE")))
        return true;
    failed(q, error);
    QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
    return false;
}

bool AuditStore::finish(bool commit, QString *error)
{
    QSqlQuery q(m_db);
    if (commit && q.exec(QStringLiteral("COMMIT")))
        return true;
    if (commit)
        failed(q, error);
    QSqlQuery(m_db).exec(QStringLiteral("ROLLBACK"));
    return false;
}

std::optional<AuditRow> AuditStore::last(QString *error) const
{
    return selectOne(QStringLiteral("ORDER BY seq DESC LIMIT 1"), {}, error);
}

std::optional<AuditRow> AuditStore::row(qint64 seq, QString *error) const
{
    return selectOne(QStringLiteral("WHERE seq = ?"), {seq}, error);
}

std::optional<AuditRow> AuditStore::selectOne(const QString &where, const QVariantList &values,
                                              QString *error) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM audit %2").arg(kColumns, where));
    for (const QVariant &v : values)
        q.addBindValue(v);
    if (!q.exec()) {
        failed(q, error);
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return fromRow(q);
}

std::optional<QList<AuditRow>> AuditStore::rowsAfter(qint64 afterSeq, int limit,
                                                     QString *error) const
{
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(
        QStringLiteral("SELECT %1 FROM audit WHERE seq > ? ORDER BY seq LIMIT ?").arg(kColumns));
    q.addBindValue(afterSeq);
    q.addBindValue(limit);
    if (!q.exec()) {
        failed(q, error);
        return std::nullopt;
    }
    QList<AuditRow> rows;
    while (q.next())
        rows.append(fromRow(q));
    return rows;
}

QString AuditStore::problem(const AuditFilter &filter)
{
    if (filter.pageSize < 1 || filter.pageSize > 1000)
        return QStringLiteral("audit page size must be 1 to 1000 (got %1)").arg(filter.pageSize);
    if (filter.toMs > 0 && filter.fromMs >= filter.toMs)
        return QStringLiteral("audit period ends before it starts");
    return QString();
}

std::optional<QList<AuditRecord>> AuditStore::page(const AuditFilter &filter, QString *error) const
{
    if (const QString p = problem(filter); !p.isEmpty()) {
        *error = p;
        return std::nullopt;
    }
    QStringList where;
    QVariantList values;
    const auto add = [&](const QString &condition, const QVariantList &bound) {
        where.append(condition);
        values.append(bound);
    };
    if (filter.beforeSeq > 0)
        add(QStringLiteral("seq < ?"), {filter.beforeSeq});
    if (filter.fromMs > 0)
        add(QStringLiteral("time_ms >= ?"), {filter.fromMs});
    if (filter.toMs > 0)
        add(QStringLiteral("time_ms < ?"), {filter.toMs});
    if (!filter.user.isEmpty())
        add(QStringLiteral("user_name = ?"), {filter.user});
    if (!filter.actionPrefix.isEmpty())
        add(QStringLiteral("action LIKE ? ESCAPE '\\'"), {likePattern(filter.actionPrefix) + u'%'});
    if (!filter.text.isEmpty()) {
        const QString pattern = u'%' + likePattern(filter.text) + u'%';
        add(QStringLiteral("(lower(target) LIKE ? ESCAPE '\\' OR lower(detail) LIKE ? ESCAPE "
                           "'\\')"),
            {pattern, pattern});
    }
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT %1 FROM audit %2 ORDER BY seq DESC LIMIT %3")
                  .arg(kColumns, where.isEmpty() ? QString()
                                                 : QStringLiteral("WHERE ") + where.join(u" AND "))
                  .arg(filter.pageSize));
    for (const QVariant &v : std::as_const(values))
        q.addBindValue(v);
    if (!q.exec()) {
        failed(q, error);
        return std::nullopt;
    }
    QList<AuditRecord> records;
    while (q.next()) {
        const AuditRow row = fromRow(q);
        AuditRecord record;
        static_cast<AuditEntry &>(record) = row.entry;
        record.seq = row.seq;
        records.append(record);
    }
    return records;
}

} // namespace vigil
