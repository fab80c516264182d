// SecurityService end to end on a real journal.db: the first administrator, logins answered on
// the "security" thread and audited, a lockout through the service, identity checks for the
// second person of a command, audit entries from any thread in call order, the Audit page and
// verification. Every log line is captured (vigil.security at debug level) and searched for the
// passwords and for stored hashes: none may appear.

#include "journal/journalconnection.h"
#include "journal/journalschema.h"
#include "security/securityservice.h"
#include "util/manualclock.h"

#include <QFutureWatcher>
#include <QMutex>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace vigil;

namespace
{

const QString kAdminPassword = QStringLiteral("Adm1n-secret-pw");
const QString kOperatorPassword = QStringLiteral("0perator-pw-42");

QMutex g_logMutex;
QStringList g_log;
QtMessageHandler g_previous = nullptr;

void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_logMutex);
        g_log.append(message);
    }
    if (g_previous)
        g_previous(type, context, message);
}

template<typename T>
T wait(QFuture<T> future)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 30'000))
        qFatal("the security service did not answer");
    return future.result();
}

} // namespace

class TstSecurityService : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void firstAdministratorOnlyWhileThereAreNoUsers();
    void loginsAreAnsweredAndAudited();
    void lockoutThroughTheService();
    void confirmIdentityDoesNotChangeTheSession();
    void auditEntriesKeepTheirOrderAndVerify();
    void refusesToStartWithAnUnsafeKey();

private:
    std::unique_ptr<SecurityService> makeService();
    QString dataDir() const { return m_dir->filePath(QStringLiteral("data")); }
    QStringList column(const QString &sql);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<SecurityService> m_service;
};

void TstSecurityService::initTestCase()
{
    QLoggingCategory::setFilterRules(QStringLiteral("vigil.security.debug=true"));
    g_previous = qInstallMessageHandler(capture);
}

void TstSecurityService::cleanupTestCase()
{
    qInstallMessageHandler(g_previous);
    // No password, no stored hash in anything logged during the whole test.
    QMutexLocker lock(&g_logMutex);
    QVERIFY(!g_log.isEmpty());
    for (const QString &line : std::as_const(g_log)) {
        QVERIFY2(!line.contains(kAdminPassword) && !line.contains(kOperatorPassword),
                 qPrintable(line));
        QVERIFY2(!line.contains(QStringLiteral("scrypt$")), qPrintable(line));
    }
}

std::unique_ptr<SecurityService> TstSecurityService::makeService()
{
    auto service = std::make_unique<SecurityService>(
        QStringLiteral("sqlite:%1/journal.db").arg(dataDir()),
        dataDir() + QStringLiteral("/audit.key"), dataDir() + QStringLiteral("/audit.head"),
        SecurityOptions(), m_clock.get());
    ScryptParameters cheap;
    cheap.n = 16;
    service->setPasswordHasher(PasswordHasher(cheap));
    return service;
}

void TstSecurityService::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_clock = std::make_unique<ManualClock>();
    // The journal migrates journal.db before the service starts.
    JournalConnection c(*HistoryUrl::parse(QStringLiteral("sqlite:%1/journal.db").arg(dataDir())),
                        JournalConnection::Role::Writer);
    QString error;
    QVERIFY2(c.open(&error), qPrintable(error));
    QSqlDatabase db = c.database();
    QVERIFY2(JournalSchema::migrate(db, true, &error), qPrintable(error));
    m_service = makeService();
    QVERIFY2(m_service->start(&error), qPrintable(error));
}

void TstSecurityService::cleanup()
{
    m_service.reset();
    m_dir.reset();
}

QStringList TstSecurityService::column(const QString &sql)
{
    JournalConnection c(*HistoryUrl::parse(QStringLiteral("sqlite:%1/journal.db").arg(dataDir())),
                        JournalConnection::Role::Reader);
    QString error;
    if (!c.open(&error))
        return {error};
    QSqlQuery q(c.database());
    QStringList values;
    if (!q.exec(sql))
        return {q.lastError().text()};
    while (q.next())
        values.append(q.value(0).toString());
    return values;
}

void TstSecurityService::firstAdministratorOnlyWhileThereAreNoUsers()
{
    QCOMPARE(wait(m_service->hasUsers()), false);
    QCOMPARE(
        wait(m_service->createFirstAdministrator(QStringLiteral("root"), QStringLiteral("short"))),
        QStringLiteral("the password must have at least 8 characters"));
    QCOMPARE(wait(m_service->hasUsers()), false);
    QCOMPARE(wait(m_service->createFirstAdministrator(QStringLiteral("root"), kAdminPassword)),
             QString());
    QCOMPARE(wait(m_service->hasUsers()), true);
    QCOMPARE(wait(m_service->createFirstAdministrator(QStringLiteral("eve"), kAdminPassword)),
             QStringLiteral("users exist already: an administrator adds the others"));
    QCOMPARE(column(QStringLiteral("SELECT action || ' ' || target || ' ' || result FROM audit "
                                   "ORDER BY seq")),
             QStringList({"user.first-admin root refused", "user.first-admin root ok",
                          "user.first-admin eve refused"}));
    const LoginResult root = wait(m_service->login(QStringLiteral("root"), kAdminPassword));
    QCOMPARE(root.outcome, LoginResult::Outcome::Granted);
    QCOMPARE(root.role, Role::Admin);
}

void TstSecurityService::loginsAreAnsweredAndAudited()
{
    QCOMPARE(wait(m_service->createFirstAdministrator(QStringLiteral("root"), kAdminPassword)),
             QString());
    QSignalSpy appended(m_service.get(), &SecurityService::auditAppended);
    const LoginResult wrong = wait(m_service->login(QStringLiteral("root"), kOperatorPassword));
    QCOMPARE(wrong.outcome, LoginResult::Outcome::WrongCredentials);
    const LoginResult unknown = wait(m_service->login(QStringLiteral("nobody"), kAdminPassword));
    QCOMPARE(unknown.outcome, LoginResult::Outcome::WrongCredentials);
    QCOMPARE(unknown.message, wrong.message);
    QCOMPARE(wait(m_service->login(QStringLiteral("root"), kAdminPassword)).outcome,
             LoginResult::Outcome::Granted);
    QTRY_VERIFY(appended.count() >= 1);
    QCOMPARE(column(QStringLiteral("SELECT user_name || ' ' || action || ' ' || detail || ' ' || "
                                   "result FROM audit WHERE seq > 1 ORDER BY seq")),
             QStringList({"root login.failed wrong password refused",
                          "nobody login.failed unknown user refused", "root login admin ok"}));
}

void TstSecurityService::lockoutThroughTheService()
{
    QCOMPARE(wait(m_service->createFirstAdministrator(QStringLiteral("root"), kAdminPassword)),
             QString());
    for (int i = 0; i < 4; ++i)
        QCOMPARE(wait(m_service->login(QStringLiteral("root"), QStringLiteral("guess"))).outcome,
                 LoginResult::Outcome::WrongCredentials);
    const LoginResult fifth = wait(m_service->login(QStringLiteral("root"), QStringLiteral("x")));
    QCOMPARE(fifth.outcome, LoginResult::Outcome::LockedOut);
    QCOMPARE(fifth.lockedUntilMs, m_clock->nowMs() + 5 * 60'000);
    // Stored: a restarted service still refuses.
    m_service.reset();
    m_service = makeService();
    QString error;
    QVERIFY2(m_service->start(&error), qPrintable(error));
    QCOMPARE(wait(m_service->login(QStringLiteral("root"), kAdminPassword)).outcome,
             LoginResult::Outcome::LockedOut);
    m_clock->advance(5 * 60'000);
    QCOMPARE(wait(m_service->login(QStringLiteral("root"), kAdminPassword)).outcome,
             LoginResult::Outcome::Granted);
    QCOMPARE(column(QStringLiteral("SELECT count(*) FROM audit WHERE action = 'login.locked'")),
             QStringList({"2"}));
}

void TstSecurityService::confirmIdentityDoesNotChangeTheSession()
{
    QCOMPARE(wait(m_service->createFirstAdministrator(QStringLiteral("root"), kAdminPassword)),
             QString());
    const LoginResult ok = wait(m_service->confirmIdentity(QStringLiteral("root"), kAdminPassword,
                                                           QStringLiteral("TIC101.SP 60 → 80")));
    QCOMPARE(ok.outcome, LoginResult::Outcome::Granted);
    const LoginResult bad = wait(m_service->confirmIdentity(
        QStringLiteral("root"), QStringLiteral("nope"), QStringLiteral("TIC101.SP 60 → 80")));
    QCOMPARE(bad.outcome, LoginResult::Outcome::WrongCredentials);
    QCOMPARE(column(QStringLiteral("SELECT action || '|' || target || '|' || detail || '|' || "
                                   "result FROM audit WHERE seq > 1 ORDER BY seq")),
             QStringList({"command.confirm|TIC101.SP 60 → 80|identity of root: admin|ok",
                          "command.confirm|TIC101.SP 60 → 80|identity of root: wrong "
                          "password|refused"}));
}

void TstSecurityService::auditEntriesKeepTheirOrderAndVerify()
{
    QSignalSpy appended(m_service.get(), &SecurityService::auditAppended);
    for (int i = 1; i <= 20; ++i) {
        m_clock->advance(10);
        m_service->audit({0, QStringLiteral("olga"), QStringLiteral("alarm.acknowledge"),
                          QStringLiteral("TT10%1/hi").arg(i), QString(), QStringLiteral("ok")});
    }
    AuditFilter filter;
    filter.pageSize = 5;
    QList<AuditRecord> page;
    QTRY_VERIFY((page = wait(m_service->auditPage(filter))).size() == 5 && page.first().seq == 20);
    QVERIFY(appended.count() >= 1);
    QCOMPARE(page.first().target, QStringLiteral("TT1020/hi"));
    QCOMPARE(page.first().timeMs, 1'700'000'000'200);
    QCOMPARE(page.last().seq, 16);

    const AuditVerification result = wait(m_service->verifyAudit(QStringLiteral("erik")));
    QVERIFY2(result.ok, qPrintable(result.reason));
    QCOMPARE(result.rowsChecked, 20);
    QTRY_COMPARE(column(QStringLiteral("SELECT user_name || ' ' || detail || ' ' || result FROM "
                                       "audit WHERE action = 'audit.verify'")),
                 QStringList({"erik 20 rows checked ok"}));

    filter.pageSize = 5000;
    bool failed = false;
    m_service->auditPage(filter)
        .onFailed([&](const std::exception &e) {
            failed = QString::fromUtf8(e.what()).contains(QStringLiteral("1 to 1000"));
            return QList<AuditRecord>();
        })
        .waitForFinished();
    QVERIFY(failed);
}

void TstSecurityService::refusesToStartWithAnUnsafeKey()
{
    m_service.reset();
    const QString key = dataDir() + QStringLiteral("/audit.key");
    QVERIFY(QFile::setPermissions(key, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
    m_service = makeService();
    QString error;
    QVERIFY(!m_service->start(&error));
    QVERIFY2(error.contains(key) && error.contains(QStringLiteral("mode 0604")), qPrintable(error));
    // Not running: logins are refused rather than granted.
    QCOMPARE(wait(m_service->login(QStringLiteral("root"), kAdminPassword)).outcome,
             LoginResult::Outcome::Refused);
}

QTEST_MAIN(TstSecurityService)
#include "tst_securityservice.moc"
