#pragma once

// A real SQLite journal.db with an audit trail of kRows rows, for the audit tests: paths, a
// second connection as an intruder with write access to the file would use, and the verifier.

#include "journal/journalconnection.h"
#include "journal/journalschema.h"
#include "security/auditchain.h"
#include "security/auditkey.h"
#include "security/audittrail.h"
#include "security/auditverifier.h"
#include "util/manualclock.h"

#include <QFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>
#include <sys/stat.h>

namespace vigil::testing
{

constexpr int kAuditRows = 6;

inline int fileMode(const QString &path)
{
    struct stat st = {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 07777) : -1;
}

inline AuditEntry auditEntry(int i)
{
    return {0,
            QStringLiteral("alice"),
            i % 2 ? QStringLiteral("command.operate") : QStringLiteral("alarm.acknowledge"),
            QStringLiteral("P10%1.CMD").arg(i),
            QStringLiteral("0 → 1 (row %1)").arg(i),
            QStringLiteral("ok")};
}

class AuditTrailFixture
{
protected:
    // Call from init(): a fresh journal.db, key and kAuditRows rows one second apart.
    void setUp()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_clock = std::make_unique<ManualClock>();
        m_connection = connect();
        QSqlDatabase db = m_connection->database();
        QString error;
        QVERIFY2(JournalSchema::migrate(db, true, &error), qPrintable(error));
        const std::optional<QByteArray> key = AuditKey::loadOrCreate(keyPath(), &error);
        QVERIFY2(key, qPrintable(error));
        m_key = *key;
        m_trail = std::make_unique<AuditTrail>(db, true, m_key, headPath(), m_clock.get());
        for (int i = 1; i <= kAuditRows; ++i) {
            m_clock->advance(1000);
            const std::optional<AuditRow> row = m_trail->append(auditEntry(i), &error);
            QVERIFY2(row, qPrintable(error));
            QCOMPARE(row->seq, i);
        }
    }
    void tearDown()
    {
        m_trail.reset();
        m_connection.reset();
        m_dir.reset();
    }

    QString dbPath() const { return m_dir->filePath(QStringLiteral("data/journal.db")); }
    QString keyPath() const { return m_dir->filePath(QStringLiteral("data/audit.key")); }
    QString headPath() const { return m_dir->filePath(QStringLiteral("data/audit.head")); }

    std::unique_ptr<JournalConnection> connect() const
    {
        auto c = std::make_unique<JournalConnection>(
            *HistoryUrl::parse(QStringLiteral("sqlite:") + dbPath()),
            JournalConnection::Role::Writer);
        QString error;
        if (!c->open(&error))
            qFatal("%s", qPrintable(error));
        return c;
    }
    AuditVerification verify(const QByteArray &key) const
    {
        const AuditHeadFile head(headPath());
        return AuditVerifier(m_connection->database(), true, key, head).run();
    }
    AuditVerification verify() const { return verify(m_key); }
    // A separate plain connection to the file, as an intruder would use.
    void tamper(const QStringList &statements)
    {
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), "intruder");
            db.setDatabaseName(dbPath());
            QVERIFY(db.open());
            QSqlQuery q(db);
            for (const QString &sql : statements)
                QVERIFY2(q.exec(sql),
                         qPrintable(sql + QStringLiteral(": ") + q.lastError().text()));
            db.close();
        }
        QSqlDatabase::removeDatabase("intruder");
    }
    AuditRow stored(qint64 seq) const
    {
        QString error;
        return *AuditStore(m_connection->database(), true).row(seq, &error);
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<JournalConnection> m_connection;
    std::unique_ptr<AuditTrail> m_trail;
    QByteArray m_key;
};

} // namespace vigil::testing
