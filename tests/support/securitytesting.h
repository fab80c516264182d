#pragma once

// A real SecurityService for the tests of the screens and adapters that use it: a journal.db in
// a temporary directory, migrated as the journal migrates it, the audit key beside it; and the
// audit rows read back.

#include "journal/journalschema.h"
#include "security/auditfilter.h"
#include "security/auditrecord.h"
#include "security/securityoptions.h"
#include "security/securityservice.h"
#include "util/systemclock.h"

#include <QFuture>
#include <QSqlDatabase>
#include <QSqlError>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

namespace vigil::testing
{

struct SecurityFixture {
    // Migrates journal.db and starts the service; false with `error` saying why not.
    bool start(const SecurityOptions &options, QString *error)
    {
        if (!dir.isValid()) {
            *error = QStringLiteral("no temporary directory");
            return false;
        }
        if (!migrate(error))
            return false;
        service = std::make_unique<SecurityService>(
            url(), dir.filePath(QStringLiteral("audit.key")),
            dir.filePath(QStringLiteral("audit.head")), options, &clock);
        return service->start(error);
    }

    QString url() const
    {
        return QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("journal.db"));
    }

    bool migrate(QString *error)
    {
        const QString name = QUuid::createUuid().toString();
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(dir.filePath(QStringLiteral("journal.db")));
            ok = db.open() && JournalSchema::migrate(db, true, error);
            if (!db.isOpen())
                *error = db.lastError().text();
        }
        QSqlDatabase::removeDatabase(name);
        return ok;
    }

    // The result of `future`, processing events while waiting (at most 10 s).
    template<typename T>
    static T wait(QFuture<T> future, T fallback = {})
    {
        if (!QTest::qWaitFor([&future] { return future.isFinished(); }, 10'000))
            return fallback;
        return future.result();
    }

    // The newest audit rows (up to 100), newest first.
    QList<AuditRecord> auditRows(const AuditFilter &filter = {})
    {
        return wait(service->auditPage(filter));
    }

    // The newest audit row with `action`, or a row with an empty action.
    AuditRecord lastAudit(const QString &action)
    {
        AuditFilter filter;
        filter.actionPrefix = action;
        for (const AuditRecord &r : auditRows(filter)) {
            if (r.action == action)
                return r;
        }
        return {};
    }

    QTemporaryDir dir;
    SystemClock clock;
    std::unique_ptr<SecurityService> service;
};

} // namespace vigil::testing
