// User administration through SecurityService on a real journal.db, as the Users page uses it:
// add, change role, disable and enable, reset a password, each with UserAdmin's refusals (the
// same as `vigil user`) and an audit row naming the administrator; the list carries no password
// hash; a reset password lifts a lockout.

#include "journal/journalconnection.h"
#include "journal/journalschema.h"
#include "security/securityservice.h"
#include "util/manualclock.h"

#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace vigil;

namespace
{

const QString kRoot = QStringLiteral("root");
const QString kAdminPassword = QStringLiteral("Adm1n-secret-pw");
const QString kOperatorPassword = QStringLiteral("0perator-pw-42");

template<typename T>
T wait(QFuture<T> future)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 30'000))
        qFatal("the security service did not answer");
    return future.result();
}

} // namespace

class TstSecurityServiceUsers : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void addListsTheUserWithoutSecrets();
    void addRefusalsAreAudited();
    void roleChangesAndTheLastAdminStays();
    void disabledUserCannotLogIn();
    void resetPasswordLiftsALockout();
    void notRunningRefuses();

private:
    QString dataDir() const { return m_dir->path(); }
    QString url() const { return QStringLiteral("sqlite:%1/journal.db").arg(dataDir()); }
    // One column of a query on journal.db, as strings.
    QStringList column(const QString &sql);
    QStringList auditSince(int seq);
    UserSummary user(const QString &name);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<SecurityService> m_service;
};

void TstSecurityServiceUsers::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_clock = std::make_unique<ManualClock>(1'700'000'000'000);
    {
        // The journal migrates journal.db before the service starts.
        JournalConnection c(*HistoryUrl::parse(url()), JournalConnection::Role::Writer);
        QString error;
        QVERIFY2(c.open(&error), qPrintable(error));
        QSqlDatabase db = c.database();
        QVERIFY2(JournalSchema::migrate(db, true, &error), qPrintable(error));
    }
    m_service = std::make_unique<SecurityService>(url(), dataDir() + QStringLiteral("/audit.key"),
                                                  dataDir() + QStringLiteral("/audit.head"),
                                                  SecurityOptions(), m_clock.get());
    ScryptParameters cheap;
    cheap.n = 16;
    m_service->setPasswordHasher(PasswordHasher(cheap));
    QString error;
    QVERIFY2(m_service->start(&error), qPrintable(error));
    QCOMPARE(wait(m_service->createFirstAdministrator(kRoot, kAdminPassword)), QString());
}

void TstSecurityServiceUsers::cleanup()
{
    m_service.reset();
    m_dir.reset();
}

QStringList TstSecurityServiceUsers::column(const QString &sql)
{
    JournalConnection c(*HistoryUrl::parse(url()), JournalConnection::Role::Reader);
    QString error;
    if (!c.open(&error))
        return {error};
    QSqlQuery q(c.database());
    if (!q.exec(sql))
        return {q.lastError().text()};
    QStringList values;
    while (q.next())
        values.append(q.value(0).toString());
    return values;
}

// "user|action|target|detail|result" of the audit rows after `seq`.
QStringList TstSecurityServiceUsers::auditSince(int seq)
{
    return column(QStringLiteral("SELECT user_name || '|' || action || '|' || target || '|' || "
                                 "detail || '|' || result FROM audit WHERE seq > %1 ORDER BY seq")
                      .arg(seq));
}

UserSummary TstSecurityServiceUsers::user(const QString &name)
{
    for (const UserSummary &u : wait(m_service->listUsers())) {
        if (u.name == name)
            return u;
    }
    return {};
}

void TstSecurityServiceUsers::addListsTheUserWithoutSecrets()
{
    QSignalSpy changed(m_service.get(), &SecurityService::usersChanged);
    m_clock->advance(60'000);
    QCOMPARE(
        wait(m_service->addUser(QStringLiteral("otto"), Role::Operator, kOperatorPassword, kRoot)),
        QString());
    QTRY_COMPARE(changed.size(), 1);
    const QList<UserSummary> users = wait(m_service->listUsers());
    QCOMPARE(users.size(), 2);
    QCOMPARE(users.at(0).name, QStringLiteral("otto")); // by name
    QCOMPARE(users.at(0).role, Role::Operator);
    QCOMPARE(users.at(0).disabled, false);
    QCOMPARE(users.at(0).lockedUntilMs, 0);
    QCOMPARE(users.at(0).createdMs, m_clock->nowMs());
    QCOMPARE(users.at(1).name, kRoot);
    QCOMPARE(users.at(1).role, Role::Admin);
    QCOMPARE(auditSince(1), QStringList({"root|user.add|otto|operator|ok"}));
    QCOMPARE(wait(m_service->login(QStringLiteral("otto"), kOperatorPassword)).role,
             Role::Operator);
}

void TstSecurityServiceUsers::addRefusalsAreAudited()
{
    const QString otto = QStringLiteral("otto");
    QCOMPARE(wait(m_service->addUser(otto, Role(0), kOperatorPassword, kRoot)),
             QStringLiteral("unknown role (roles: viewer, operator, engineer, admin)"));
    QCOMPARE(wait(m_service->addUser(otto, Role::Operator, QStringLiteral("short"), kRoot)),
             QStringLiteral("the password must have at least 8 characters"));
    QCOMPARE(wait(m_service->addUser(QStringLiteral("ottootto"), Role::Operator,
                                     QStringLiteral("OttoOtto"), kRoot)),
             QStringLiteral("the password must not be the user name"));
    QCOMPARE(wait(m_service->addUser(kRoot, Role::Operator, kOperatorPassword, kRoot)),
             QStringLiteral("user 'root' exists already"));
    QCOMPARE(
        wait(m_service->addUser(QStringLiteral("o tto"), Role::Operator, kOperatorPassword, kRoot))
            .left(39),
        QStringLiteral("a user name has only letters, digits, '"));
    QCOMPARE(wait(m_service->listUsers()).size(), 1);
    const QStringList rows = auditSince(1);
    QCOMPARE(rows.size(), 5);
    for (const QString &row : rows) {
        QVERIFY2(row.startsWith(u"root|user.add|") && row.endsWith(u"|refused"), qPrintable(row));
        QVERIFY2(!row.contains(kOperatorPassword), qPrintable(row));
    }
    QCOMPARE(rows.at(1), QStringLiteral("root|user.add|otto|operator: the password must have at "
                                        "least 8 characters|refused"));
}

void TstSecurityServiceUsers::roleChangesAndTheLastAdminStays()
{
    const QString erin = QStringLiteral("erin");
    QCOMPARE(wait(m_service->addUser(erin, Role::Operator, kOperatorPassword, kRoot)), QString());
    QCOMPARE(wait(m_service->setRole(erin, Role::Engineer, kRoot)), QString());
    QCOMPARE(user(erin).role, Role::Engineer);
    QCOMPARE(wait(m_service->setRole(kRoot, Role::Engineer, kRoot)),
             QStringLiteral("'root' is the last enabled admin: add or enable another admin first"));
    QCOMPARE(user(kRoot).role, Role::Admin);
    QCOMPARE(wait(m_service->setRole(QStringLiteral("nobody"), Role::Operator, kRoot)),
             QStringLiteral("no user 'nobody'"));
    // With a second admin, the first may step down.
    QCOMPARE(wait(m_service->setRole(erin, Role::Admin, kRoot)), QString());
    QCOMPARE(wait(m_service->setRole(kRoot, Role::Engineer, erin)), QString());
    QCOMPARE(user(kRoot).role, Role::Engineer);
    QCOMPARE(auditSince(2),
             QStringList({"root|user.role|erin|engineer|ok",
                          "root|user.role|root|engineer: 'root' is the last enabled admin: add or "
                          "enable another admin first|refused",
                          "root|user.role|nobody|operator: no user 'nobody'|refused",
                          "root|user.role|erin|admin|ok", "erin|user.role|root|engineer|ok"}));
}

void TstSecurityServiceUsers::disabledUserCannotLogIn()
{
    const QString otto = QStringLiteral("otto");
    QCOMPARE(wait(m_service->addUser(otto, Role::Operator, kOperatorPassword, kRoot)), QString());
    QCOMPARE(wait(m_service->setDisabled(kRoot, true, kRoot)),
             QStringLiteral("'root' is the last enabled admin: add or enable another admin first"));
    QCOMPARE(user(kRoot).disabled, false);
    QCOMPARE(wait(m_service->setDisabled(otto, true, kRoot)), QString());
    QCOMPARE(user(otto).disabled, true);
    QCOMPARE(wait(m_service->login(otto, kOperatorPassword)).outcome,
             LoginResult::Outcome::Disabled);
    QCOMPARE(wait(m_service->setDisabled(otto, false, kRoot)), QString());
    QCOMPARE(wait(m_service->login(otto, kOperatorPassword)).outcome,
             LoginResult::Outcome::Granted);
    const QStringList rows = auditSince(2);
    QCOMPARE(rows.value(0), QStringLiteral("root|user.disable|root|'root' is the last enabled "
                                           "admin: add or enable another admin first|refused"));
    QCOMPARE(rows.value(1), QStringLiteral("root|user.disable|otto||ok"));
    QCOMPARE(rows.value(3), QStringLiteral("root|user.enable|otto||ok"));
}

void TstSecurityServiceUsers::resetPasswordLiftsALockout()
{
    const QString otto = QStringLiteral("otto");
    QCOMPARE(wait(m_service->addUser(otto, Role::Operator, kOperatorPassword, kRoot)), QString());
    for (int i = 0; i < SecurityOptions().maxFailedLogins; ++i)
        wait(m_service->login(otto, QStringLiteral("guess")));
    QCOMPARE(user(otto).lockedUntilMs, m_clock->nowMs() + SecurityOptions().lockoutMs);
    QVERIFY(user(otto).lockedAt(m_clock->nowMs()));
    QCOMPARE(wait(m_service->resetPassword(otto, QStringLiteral("otto"), kRoot)),
             QStringLiteral("the password must have at least 8 characters"));
    QVERIFY(user(otto).lockedAt(m_clock->nowMs()));
    const QString fresh = QStringLiteral("fresh-start-99");
    QCOMPARE(wait(m_service->resetPassword(otto, fresh, kRoot)), QString());
    QCOMPARE(user(otto).lockedUntilMs, 0);
    QCOMPARE(wait(m_service->login(otto, kOperatorPassword)).outcome,
             LoginResult::Outcome::WrongCredentials);
    QCOMPARE(wait(m_service->login(otto, fresh)).outcome, LoginResult::Outcome::Granted);
    QCOMPARE(column(QStringLiteral("SELECT user_name || '|' || target || '|' || result FROM audit "
                                   "WHERE action = 'user.passwd' ORDER BY seq")),
             QStringList({"root|otto|refused", "root|otto|ok"}));
    QCOMPARE(column(QStringLiteral("SELECT count(*) FROM audit WHERE detail LIKE '%fresh%'")),
             QStringList({"0"}));
}

void TstSecurityServiceUsers::notRunningRefuses()
{
    m_service->stop();
    QCOMPARE(
        wait(m_service->addUser(QStringLiteral("otto"), Role::Operator, kOperatorPassword, kRoot)),
        QStringLiteral("the user database is not available"));
    QCOMPARE(wait(m_service->setRole(kRoot, Role::Viewer, kRoot)),
             QStringLiteral("the user database is not available"));
    QVERIFY(wait(m_service->listUsers()).isEmpty());
}

QTEST_MAIN(TstSecurityServiceUsers)
#include "tst_securityserviceusers.moc"
