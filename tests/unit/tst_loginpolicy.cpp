// LoginPolicy decides each login attempt from the user's stored row, driven by a ManualClock:
// lockout after maxFailedLogins consecutive wrong passwords and its expiry, no counting during a
// lockout, reset on success, disabled users, and the same answer for an unknown user as for a
// wrong password. Decisions are applied to an in-memory row the way the security worker stores
// them, so a sequence of attempts behaves as it would against journal.db.

#include "security/loginpolicy.h"
#include "util/manualclock.h"

#include <QtTest>

using namespace vigil;

namespace
{

constexpr qint64 kMinute = 60'000;
const QString kPassword = QStringLiteral("correct horse");

PasswordHasher fastHasher(quint64 n = 16)
{
    ScryptParameters parameters;
    parameters.n = n;
    return PasswordHasher(parameters);
}

} // namespace

class TstLoginPolicy : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void grantsTheRightPassword();
    void locksOutAfterFiveFailures();
    void lockoutExpiresAfterFiveMinutes();
    void successResetsTheCount();
    void limitsComeFromTheOptions();
    void disabledUserIsRefused();
    void unknownUserGetsTheSameAnswerAsAWrongPassword();
    void unusableStoredHashIsRefusedWithoutCounting();
    void successWithOldParametersAsksForARehash();

private:
    // Decides an attempt and stores its outcome on m_user as the worker would.
    LoginDecision attempt(const QString &password);

    ManualClock m_clock;
    SecurityOptions m_options;
    UserRecord m_user;
};

void TstLoginPolicy::init()
{
    m_options = SecurityOptions();
    m_user = UserRecord();
    m_user.name = QStringLiteral("alice");
    m_user.role = Role::Operator;
    m_user.passwordHash = fastHasher().hash(kPassword);
    QVERIFY(!m_user.passwordHash.isEmpty());
}

LoginDecision TstLoginPolicy::attempt(const QString &password)
{
    const LoginPolicy policy(m_options, &m_clock, fastHasher());
    LoginDecision d = policy.decide(m_user, m_user.name, password);
    if (d.storeLoginState) {
        m_user.failedLogins = d.failedLogins;
        m_user.lockedUntilMs = d.lockedUntilMs;
    }
    return d;
}

void TstLoginPolicy::grantsTheRightPassword()
{
    const LoginDecision d = attempt(kPassword);
    QCOMPARE(d.result.outcome, LoginResult::Outcome::Granted);
    QVERIFY(d.result.granted());
    QCOMPARE(d.result.user, QStringLiteral("alice"));
    QCOMPARE(d.result.role, Role::Operator);
    QCOMPARE(d.auditAction, QStringLiteral("login"));
    QCOMPARE(d.auditResult, QStringLiteral("ok"));
    QVERIFY(!d.rehash);
}

void TstLoginPolicy::locksOutAfterFiveFailures()
{
    for (int i = 1; i <= 4; ++i) {
        const LoginDecision d = attempt(QStringLiteral("guess %1").arg(i));
        QCOMPARE(d.result.outcome, LoginResult::Outcome::WrongCredentials);
        QCOMPARE(d.auditAction, QStringLiteral("login.failed"));
        QCOMPARE(m_user.failedLogins, i);
        QCOMPARE(m_user.lockedUntilMs, 0);
    }
    const LoginDecision fifth = attempt(QStringLiteral("guess 5"));
    QCOMPARE(fifth.result.outcome, LoginResult::Outcome::LockedOut);
    QCOMPARE(fifth.auditAction, QStringLiteral("login.locked"));
    QCOMPARE(fifth.result.lockedUntilMs, m_clock.nowMs() + 5 * kMinute);
    QCOMPARE(fifth.result.message, QStringLiteral("too many failed logins: try again in 5 min"));
    QCOMPARE(m_user.lockedUntilMs, m_clock.nowMs() + 5 * kMinute);

    // Locked: even the right password is refused, and the attempt does not extend the lockout.
    m_clock.advance(kMinute);
    const LoginDecision locked = attempt(kPassword);
    QCOMPARE(locked.result.outcome, LoginResult::Outcome::LockedOut);
    QVERIFY(!locked.storeLoginState);
    QCOMPARE(locked.result.message, QStringLiteral("too many failed logins: try again in 4 min"));
    QCOMPARE(m_user.lockedUntilMs, m_clock.nowMs() + 4 * kMinute);
}

void TstLoginPolicy::lockoutExpiresAfterFiveMinutes()
{
    for (int i = 0; i < 5; ++i)
        attempt(QStringLiteral("wrong"));
    QVERIFY(m_user.lockedAt(m_clock.nowMs()));
    m_clock.advance(5 * kMinute - 1);
    QCOMPARE(attempt(kPassword).result.outcome, LoginResult::Outcome::LockedOut);
    m_clock.advance(1);
    const LoginDecision d = attempt(kPassword);
    QCOMPARE(d.result.outcome, LoginResult::Outcome::Granted);
    QVERIFY(d.storeLoginState);
    QCOMPARE(m_user.lockedUntilMs, 0);
    QCOMPARE(m_user.failedLogins, 0);

    // After a lockout the count starts again: four more failures do not lock.
    for (int i = 0; i < 4; ++i)
        QCOMPARE(attempt(QStringLiteral("wrong")).result.outcome,
                 LoginResult::Outcome::WrongCredentials);
}

void TstLoginPolicy::successResetsTheCount()
{
    for (int i = 0; i < 4; ++i)
        attempt(QStringLiteral("wrong"));
    QCOMPARE(m_user.failedLogins, 4);
    QVERIFY(attempt(kPassword).result.granted());
    QCOMPARE(m_user.failedLogins, 0);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(attempt(QStringLiteral("wrong")).result.outcome,
                 LoginResult::Outcome::WrongCredentials);
    QCOMPARE(attempt(QStringLiteral("wrong")).result.outcome, LoginResult::Outcome::LockedOut);
}

void TstLoginPolicy::limitsComeFromTheOptions()
{
    m_options.maxFailedLogins = 2;
    m_options.lockoutMs = 30'000;
    QCOMPARE(attempt(QStringLiteral("wrong")).result.outcome,
             LoginResult::Outcome::WrongCredentials);
    const LoginDecision d = attempt(QStringLiteral("wrong"));
    QCOMPARE(d.result.outcome, LoginResult::Outcome::LockedOut);
    QCOMPARE(d.result.lockedUntilMs, m_clock.nowMs() + 30'000);
    QCOMPARE(d.result.message, QStringLiteral("too many failed logins: try again in 30 s"));
    m_clock.advance(30'000);
    QVERIFY(attempt(kPassword).result.granted());
}

void TstLoginPolicy::disabledUserIsRefused()
{
    m_user.disabled = true;
    const LoginDecision right = attempt(kPassword);
    QCOMPARE(right.result.outcome, LoginResult::Outcome::Disabled);
    QCOMPARE(right.result.message, QStringLiteral("user 'alice' is disabled"));
    QCOMPARE(right.auditResult, QStringLiteral("refused"));
    // A guess does not learn that the user is disabled, and counts as a failure.
    const LoginDecision wrong = attempt(QStringLiteral("wrong"));
    QCOMPARE(wrong.result.outcome, LoginResult::Outcome::WrongCredentials);
    QCOMPARE(wrong.result.message, LoginPolicy::wrongCredentialsMessage());
    QCOMPARE(m_user.failedLogins, 1);
}

void TstLoginPolicy::unknownUserGetsTheSameAnswerAsAWrongPassword()
{
    const LoginPolicy policy(m_options, &m_clock, fastHasher());
    const LoginDecision unknown =
        policy.decide(std::nullopt, QStringLiteral("mallory"), QStringLiteral("x"));
    const LoginDecision wrong = attempt(QStringLiteral("x"));
    QCOMPARE(unknown.result.outcome, LoginResult::Outcome::WrongCredentials);
    QCOMPARE(unknown.result.outcome, wrong.result.outcome);
    QCOMPARE(unknown.result.message, wrong.result.message);
    QCOMPARE(unknown.result.message, QStringLiteral("wrong user name or password"));
    QCOMPARE(unknown.result.lockedUntilMs, wrong.result.lockedUntilMs);
    QVERIFY(!unknown.storeLoginState);
    // Only the audit trail, read by administrators, tells them apart.
    QCOMPARE(unknown.auditDetail, QStringLiteral("unknown user"));
    QCOMPARE(wrong.auditDetail, QStringLiteral("wrong password"));
}

void TstLoginPolicy::unusableStoredHashIsRefusedWithoutCounting()
{
    m_user.passwordHash = QStringLiteral("scrypt$N=3,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAA");
    const LoginDecision d = attempt(kPassword);
    QCOMPARE(d.result.outcome, LoginResult::Outcome::Refused);
    QVERIFY(d.result.message.contains(QStringLiteral("an administrator must set a new one")));
    QVERIFY(!d.result.message.contains(m_user.passwordHash));
    QVERIFY(!d.storeLoginState);
    QCOMPARE(m_user.failedLogins, 0);
}

void TstLoginPolicy::successWithOldParametersAsksForARehash()
{
    const LoginPolicy stronger(m_options, &m_clock, fastHasher(32));
    const LoginDecision d = stronger.decide(m_user, m_user.name, kPassword);
    QVERIFY(d.result.granted());
    QVERIFY(d.rehash);
    QVERIFY(!stronger.decide(m_user, m_user.name, QStringLiteral("wrong")).rehash);
}

QTEST_GUILESS_MAIN(TstLoginPolicy)
#include "tst_loginpolicy.moc"
