// journal.db on a real PostgreSQL server (started by the test): the schema is versioned in
// journal_meta, transitions (with and without a value) and events land, and a restart restores
// the alarm states exactly, as on SQLite; users and the audit trail work there too, two writers
// appending at once (LOCK TABLE) without forking the chain.

#include "alarmtesting.h"
#include "events/eventlog.h"
#include "journal/journal.h"
#include "journal/journalconnection.h"
#include "journal/journalschema.h"
#include "metatypes.h"
#include "postgresserver.h"
#include "security/audittrail.h"
#include "security/auditverifier.h"
#include "security/userstore.h"
#include "util/manualclock.h"

#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <thread>

using namespace vigil;
using namespace vigil::testing;

class TstJournalPostgres : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase() { m_server.stop(); }
    void roundTrip();
    void usersAndAuditTrail();

private:
    HistoryUrl url() const { return *HistoryUrl::parse(m_server.url()); }
    qint64 count(const QString &sql) const;

    PostgresServer m_server;
};

void TstJournalPostgres::initTestCase()
{
    registerCoreMetaTypes();
    const QString problem = m_server.start();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

qint64 TstJournalPostgres::count(const QString &sql) const
{
    JournalConnection c(url(), JournalConnection::Role::Reader);
    QString error;
    if (!c.open(&error))
        qFatal("reader: %s", qPrintable(error));
    QSqlQuery q(c.database());
    if (!q.exec(sql) || !q.next())
        return -1;
    return q.value(0).toLongLong();
}

void TstJournalPostgres::roundTrip()
{
    const auto plantTags = [] {
        return plant(
            {tag(QStringLiteral("LEVEL"), {rule(AlarmType::Hi, 80.0)}, QStringLiteral("plc1"))});
    };
    ManualClock clock;
    AlarmSnapshot before;
    {
        EventLog log(clock);
        Journal journal(url(), &log);
        QVERIFY(journal.start().isEmpty());
        AlarmEngine engine(plantTags(), clock);
        connect(&engine, &AlarmEngine::transitionsOccurred, journal.writer(),
                &JournalWriter::recordTransitions, Qt::QueuedConnection);
        const quint32 hi = *engine.idOf(QStringLiteral("LEVEL/hi"));
        send(engine, 0, 90.5);
        clock.advance(1000);
        engine.acknowledge({hi}, QStringLiteral("alice"), QStringLiteral("pump checked"));
        engine.shelve(hi, QStringLiteral("bob"), QStringLiteral("calibration"), 600'000);
        engine.setDeviceConnected(QStringLiteral("plc1"), false, QStringLiteral("timeout"));
        log.report(SystemEvent::Severity::Warning, QStringLiteral("app"),
                   QStringLiteral("app.note"), QStringLiteral("on PostgreSQL"));
        QVERIFY(journal.flush());
        clock.advance(60'000);
        before = engine.snapshot(hi);
        journal.stop();
    }
    {
        JournalConnection c(url(), JournalConnection::Role::Reader);
        QString error;
        QVERIFY2(c.open(&error), qPrintable(error));
        QSqlDatabase db = c.database();
        QCOMPARE(JournalSchema::version(db, false), JournalSchema::latestVersion());
        QVERIFY2(JournalSchema::readable(db, false, &error), qPrintable(error));
    }
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM alarm_journal")), 4);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM alarm_journal WHERE value IS NULL AND "
                                  "alarm_key = 'dev:plc1/commloss'")),
             1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM alarm_journal WHERE value = 90.5 AND "
                                  "limit_value = 80 AND kind = 'acknowledged' AND "
                                  "user_name = 'alice' AND comment = 'pump checked'")),
             1);
    QCOMPARE(count(QStringLiteral("SELECT count(*) FROM event WHERE kind = 'app.note'")), 1);

    // Down for a minute, then a new engine with a fresh monotonic clock.
    ManualClock later(clock.nowMs() + 60'000);
    Journal journal(url());
    AlarmEngine engine(plantTags(), later);
    QCOMPARE(engine.restore(journal.start()), 2);
    const AlarmSnapshot after = engine.snapshot(*engine.idOf(QStringLiteral("LEVEL/hi")));
    QCOMPARE(flagCode(after.flags), flagCode(before.flags));
    QCOMPARE(flagCode(after.flags), QStringLiteral("AKS---"));
    QCOMPARE(after.ackUser, QStringLiteral("alice"));
    QCOMPARE(after.ackComment, QStringLiteral("pump checked"));
    QCOMPARE(after.ackTimeMs, before.ackTimeMs);
    QCOMPARE(after.activeTimeMs, before.activeTimeMs);
    QCOMPARE(after.shelveReason, QStringLiteral("calibration"));
    QCOMPARE(after.shelveExpiryMs, before.shelveExpiryMs);
    QCOMPARE(after.value, 90.5);
    const AlarmSnapshot lost = engine.snapshot(*engine.idOf(QStringLiteral("dev:plc1/commloss")));
    QCOMPARE(flagCode(lost.flags), QStringLiteral("A-----"));
    QCOMPARE(lost.detail, QStringLiteral("timeout"));
}

void TstJournalPostgres::usersAndAuditTrail()
{
    QTemporaryDir dir;
    const QString head = dir.filePath(QStringLiteral("audit.head"));
    const QByteArray key(32, 'k');
    ManualClock clock;
    JournalConnection c(url(), JournalConnection::Role::Writer);
    QString error;
    QVERIFY2(c.open(&error), qPrintable(error));
    QSqlDatabase db = c.database();
    QVERIFY2(JournalSchema::migrate(db, false, &error), qPrintable(error));

    UserStore users(db);
    UserRecord alice;
    alice.name = QStringLiteral("alice");
    alice.role = Role::Engineer;
    alice.passwordHash = QStringLiteral("stored");
    alice.createdMs = alice.changedMs = clock.nowMs();
    QVERIFY2(users.add(alice, &error), qPrintable(error));
    QVERIFY(users.setLoginState(QStringLiteral("alice"), 2, clock.nowMs() + 1000, &error));
    const std::optional<UserRecord> found = users.find(QStringLiteral("alice"), &error);
    QVERIFY2(found, qPrintable(error));
    QCOMPARE(found->role, Role::Engineer);
    QCOMPARE(found->failedLogins, 2);
    QCOMPARE(found->lockedUntilMs, clock.nowMs() + 1000);
    QCOMPARE(users.enabledAdmins(&error), 0);

    const auto writer = [&](int id) {
        JournalConnection own(url(), JournalConnection::Role::Writer);
        QString problem;
        if (!own.open(&problem))
            return problem;
        AuditTrail trail(own.database(), false, key, head, &clock);
        for (int i = 0; i < 25; ++i) {
            if (!trail.append({0, QStringLiteral("w%1").arg(id), QStringLiteral("user.add"),
                               QStringLiteral("x_%1").arg(i), QString(), QStringLiteral("ok")},
                              &problem))
                return problem;
        }
        return QString();
    };
    QString errors[2];
    std::thread a([&] { errors[0] = writer(1); });
    std::thread b([&] { errors[1] = writer(2); });
    a.join();
    b.join();
    QVERIFY2(errors[0].isEmpty(), qPrintable(errors[0]));
    QVERIFY2(errors[1].isEmpty(), qPrintable(errors[1]));
    const AuditHeadFile headFile(head);
    AuditVerification result = AuditVerifier(db, false, key, headFile).run();
    QVERIFY2(result.ok, qPrintable(result.reason));
    QCOMPARE(result.rowsChecked, 50);

    AuditFilter filter;
    filter.text = QStringLiteral("X_1");
    filter.user = QStringLiteral("w2");
    const std::optional<QList<AuditRecord>> page = AuditStore(db, false).page(filter, &error);
    QVERIFY2(page, qPrintable(error));
    QCOMPARE(page->size(), 11); // x_1, x_10 … x_19

    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("UPDATE audit SET result = 'refused' WHERE seq = 17")));
    result = AuditVerifier(db, false, key, headFile).run();
    QVERIFY(!result.ok);
    QCOMPARE(result.firstBadSeq, 17);
}

QTEST_GUILESS_MAIN(TstJournalPostgres)
#include "tst_journalpostgres.moc"
