#pragma once

// Helpers of the journal tests: the URL of a journal.db in a temporary directory and a probe
// that reads what the writer stored through a connection of the test's own thread.

#include "history/historyurl.h"
#include "journal/journalconnection.h"

#include <QSqlQuery>
#include <QSqlRecord>
#include <QTemporaryDir>
#include <QVariantMap>

#include <memory>

namespace vigil::testing
{

inline HistoryUrl journalUrl(const QString &path)
{
    return *HistoryUrl::parse(QStringLiteral("sqlite:") + path);
}

class JournalProbe
{
public:
    explicit JournalProbe(const QString &path)
        : m_connection(journalUrl(path), JournalConnection::Role::Reader)
    {
        QString error;
        if (!m_connection.open(&error))
            qWarning() << "journal probe:" << error;
    }

    // Every row of the query, as column → value.
    QList<QVariantMap> rows(const QString &sql)
    {
        QList<QVariantMap> out;
        QSqlQuery q(m_connection.database());
        if (!q.exec(sql)) {
            qWarning() << "journal probe:" << sql << q.lastError().text();
            return out;
        }
        while (q.next()) {
            QVariantMap row;
            const QSqlRecord r = q.record();
            for (int i = 0; i < r.count(); ++i)
                row.insert(r.fieldName(i), q.value(i));
            out.append(row);
        }
        return out;
    }

    qint64 count(const QString &table)
    {
        const QList<QVariantMap> r = rows(QStringLiteral("SELECT count(*) AS n FROM ") + table);
        return r.isEmpty() ? -1 : r.first().value(QStringLiteral("n")).toLongLong();
    }

    bool exec(const QString &sql)
    {
        QSqlQuery q(m_connection.database());
        if (q.exec(sql))
            return true;
        qWarning() << "journal probe:" << sql << q.lastError().text();
        return false;
    }

private:
    JournalConnection m_connection;
};

} // namespace vigil::testing
