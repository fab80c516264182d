#pragma once

#include <QString>
#include <QStringList>
#include <QVariantList>

namespace vigil
{

// A WHERE clause built from optional conditions, with its bound values in order. Substring and
// prefix matches are case-insensitive (LIKE on SQLite, ILIKE on PostgreSQL) with the wildcards
// of the searched text escaped, so "50%" finds "50%" and not "500".
class JournalSqlFilter
{
public:
    explicit JournalSqlFilter(bool sqlite);

    void add(const QString &condition, const QVariantList &values = {});
    // `column` contains `text` (any of `columns`, for several).
    void contains(const QStringList &columns, const QString &text);
    void startsWith(const QString &column, const QString &prefix);
    // `column IN (values...)`.
    void in(const QString &column, const QVariantList &values);
    // Rows strictly older than a keyset position: time below `timeMs`, or at it with an id
    // below `idBound`.
    void olderThan(qint64 timeMs, qint64 idBound);

    QString where() const;
    const QVariantList &values() const { return m_values; }

    static QString escapeLike(const QString &text);

private:
    QString like() const;

    bool m_sqlite;
    QStringList m_conditions;
    QVariantList m_values;
};

} // namespace vigil
