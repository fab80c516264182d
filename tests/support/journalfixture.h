#pragma once

// A real journal.db in a temporary directory (or the journal database at a given URL, e.g. a
// test's PostgreSQL server), created with JournalSchema through a writer JournalConnection, and
// rows written into it with known figures for the query and KPI tests.

#include "history/historyurl.h"
#include "journal/journalconnection.h"
#include "journal/journalschema.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace vigil::testing
{

// One alarm_journal row; the defaults make a raised medium-priority Hi alarm.
struct JournalAlarmRow {
    qint64 timeMs = 0;
    QString key = QStringLiteral("LEVEL/hi");
    QString tag = QStringLiteral("LEVEL");
    QString device = QStringLiteral("plc1");
    int priority = 2;
    QString kind = QStringLiteral("raised");
    bool active = true;
    bool acknowledged = false;
    bool shelved = false;
    QString message = QStringLiteral("Level high");
    QString user;
    QString comment;
    std::optional<double> value = 81.5;
    std::optional<double> limit = 80.0;
};

class JournalFixture
{
public:
    explicit JournalFixture(QString url = {})
        : m_url(url.isEmpty() ? QStringLiteral("sqlite:") + path() : std::move(url))
    {
        const auto parsed = HistoryUrl::parse(m_url);
        m_connection =
            std::make_unique<JournalConnection>(*parsed, JournalConnection::Role::Writer);
        QString error;
        m_ok = m_dir.isValid() && m_connection->open(&error);
        if (m_ok) {
            QSqlDatabase db = m_connection->database();
            m_ok = JournalSchema::migrate(db, parsed->isSqlite(), &error);
        }
        if (!m_ok)
            qWarning() << "journal fixture:" << error;
    }

    bool ok() const { return m_ok; }
    QString url() const { return m_url; }
    QString path() const { return m_dir.filePath(QStringLiteral("journal.db")); }
    QSqlDatabase database() const { return m_connection->database(); }

    // The id of the new row, or -1.
    qint64 addAlarm(const JournalAlarmRow &r)
    {
        QSqlQuery q(m_connection->database());
        q.prepare(QStringLiteral(
            "INSERT INTO alarm_journal (time_ms, alarm_key, tag, device, source, type, "
            "priority, kind, active, acknowledged, shelved, suppressed, out_of_service, latched, "
            "value, limit_value, user_name, comment, duration_ms, message) VALUES (?, ?, ?, ?, "
            "'rule', 'hi', ?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?, 0, ?) RETURNING id"));
        for (const QVariant &v :
             QVariantList{r.timeMs, text(r.key), text(r.tag), text(r.device), r.priority,
                          text(r.kind), int(r.active), int(r.acknowledged), int(r.shelved),
                          r.value ? QVariant(*r.value) : QVariant(QMetaType(QMetaType::Double)),
                          r.limit ? QVariant(*r.limit) : QVariant(QMetaType(QMetaType::Double)),
                          text(r.user), text(r.comment), text(r.message)})
            q.addBindValue(v);
        return exec(q);
    }

    qint64 addEvent(qint64 timeMs, int severity, const QString &source, const QString &kind,
                    const QString &message)
    {
        QSqlQuery q(m_connection->database());
        q.prepare(QStringLiteral("INSERT INTO event (time_ms, severity, source, kind, message) "
                                 "VALUES (?, ?, ?, ?, ?) RETURNING id"));
        for (const QVariant &v : QVariantList{timeMs, severity, source, kind, message})
            q.addBindValue(v);
        return exec(q);
    }

    // Many rows in one transaction.
    bool begin() { return m_connection->database().transaction(); }
    bool commit() { return m_connection->database().commit(); }

private:
    // A null QString binds as NULL; the text columns are NOT NULL.
    static QString text(const QString &s) { return s.isNull() ? QStringLiteral("") : s; }

    qint64 exec(QSqlQuery &q)
    {
        if (!q.exec() || !q.next()) {
            qWarning() << "journal fixture:" << q.lastError().text();
            return -1;
        }
        return q.value(0).toLongLong();
    }

    QTemporaryDir m_dir;
    QString m_url;
    std::unique_ptr<JournalConnection> m_connection;
    bool m_ok = false;
};

} // namespace vigil::testing
