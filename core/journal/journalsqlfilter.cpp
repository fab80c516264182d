#include "journalsqlfilter.h"

namespace vigil
{

JournalSqlFilter::JournalSqlFilter(bool sqlite)
    : m_sqlite(sqlite)
{
}

void JournalSqlFilter::add(const QString &condition, const QVariantList &values)
{
    m_conditions.append(condition);
    m_values.append(values);
}

void JournalSqlFilter::contains(const QStringList &columns, const QString &text)
{
    QStringList any;
    const QString pattern = u'%' + escapeLike(text) + u'%';
    for (const QString &column : columns) {
        any.append(QStringLiteral("%1 %2 ? ESCAPE '\\'").arg(column, like()));
        m_values.append(pattern);
    }
    m_conditions.append(u'(' + any.join(QStringLiteral(" OR ")) + u')');
}

void JournalSqlFilter::startsWith(const QString &column, const QString &prefix)
{
    add(QStringLiteral("%1 %2 ? ESCAPE '\\'").arg(column, like()), {escapeLike(prefix) + u'%'});
}

void JournalSqlFilter::in(const QString &column, const QVariantList &values)
{
    QStringList marks;
    for (qsizetype i = 0; i < values.size(); ++i)
        marks.append(QStringLiteral("?"));
    add(QStringLiteral("%1 IN (%2)").arg(column, marks.join(u',')), values);
}

void JournalSqlFilter::olderThan(qint64 timeMs, qint64 idBound)
{
    // The first term alone bounds the time index range; the second breaks ties at that time.
    add(QStringLiteral("time_ms <= ? AND (time_ms < ? OR id < ?)"), {timeMs, timeMs, idBound});
}

QString JournalSqlFilter::where() const
{
    return m_conditions.isEmpty() ? QString()
                                  : QStringLiteral(" WHERE ") + m_conditions.join(u" AND ");
}

QString JournalSqlFilter::escapeLike(const QString &text)
{
    QString escaped;
    escaped.reserve(text.size());
    for (QChar c : text) {
        if (c == u'%' || c == u'_' || c == u'\\')
            escaped.append(u'\\');
        escaped.append(c);
    }
    return escaped;
}

QString JournalSqlFilter::like() const
{
    return m_sqlite ? QStringLiteral("LIKE") : QStringLiteral("ILIKE");
}

} // namespace vigil
