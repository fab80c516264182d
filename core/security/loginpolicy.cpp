#include "loginpolicy.h"

#include "util/clock.h"

namespace vigil
{

namespace
{

// "4 min", "30 s": the wait rounded up, for the person at the panel.
QString waitText(qint64 ms)
{
    if (ms > 60'000)
        return QStringLiteral("%1 min").arg((ms + 59'999) / 60'000);
    return QStringLiteral("%1 s").arg(qMax<qint64>(1, (ms + 999) / 1000));
}

LoginDecision refusedDecision(const QString &name, LoginResult::Outcome outcome,
                              const QString &message)
{
    LoginDecision d;
    d.result.outcome = outcome;
    d.result.user = name;
    d.result.message = message;
    d.auditAction = QStringLiteral("login.failed");
    d.auditResult = QStringLiteral("refused");
    d.auditDetail = message;
    return d;
}

} // namespace

LoginPolicy::LoginPolicy(const SecurityOptions &options, const Clock *clock, PasswordHasher hasher)
    : m_options(options)
    , m_clock(clock)
    , m_hasher(std::move(hasher))
{
}

QString LoginPolicy::wrongCredentialsMessage()
{
    return QStringLiteral("wrong user name or password");
}

LoginDecision LoginPolicy::decide(const std::optional<UserRecord> &user, const QString &name,
                                  const QString &password) const
{
    if (!user)
        return unknownUser(name, password);
    const qint64 now = m_clock->nowMs();
    if (user->lockedAt(now))
        return lockedOut(*user, now);
    const PasswordCheck check = PasswordHasher::verify(password, user->passwordHash);
    switch (check.outcome) {
    case PasswordCheck::Outcome::Refused:
        return refusedDecision(user->name, LoginResult::Outcome::Refused,
                               QStringLiteral("the stored password of '%1' cannot be checked (%2): "
                                              "an administrator must set a new one")
                                   .arg(user->name, check.reason));
    case PasswordCheck::Outcome::Mismatch:
        return wrongPassword(*user, now);
    case PasswordCheck::Outcome::Match:
        break;
    }
    if (user->disabled) {
        LoginDecision d = refusedDecision(user->name, LoginResult::Outcome::Disabled,
                                          QStringLiteral("user '%1' is disabled").arg(user->name));
        // The right password ends a run of failures even when the login is refused.
        d.storeLoginState = user->failedLogins != 0;
        return d;
    }
    return granted(*user);
}

LoginDecision LoginPolicy::unknownUser(const QString &name, const QString &password) const
{
    if (m_dummyHash.isEmpty())
        m_dummyHash = m_hasher.hash(QStringLiteral("no such user"));
    PasswordHasher::verify(password, m_dummyHash);
    LoginDecision d =
        refusedDecision(name, LoginResult::Outcome::WrongCredentials, wrongCredentialsMessage());
    d.auditDetail = QStringLiteral("unknown user");
    return d;
}

LoginDecision LoginPolicy::lockedOut(const UserRecord &user, qint64 nowMs) const
{
    LoginDecision d = refusedDecision(user.name, LoginResult::Outcome::LockedOut,
                                      QStringLiteral("too many failed logins: try again in %1")
                                          .arg(waitText(user.lockedUntilMs - nowMs)));
    d.result.lockedUntilMs = user.lockedUntilMs;
    d.auditAction = QStringLiteral("login.locked");
    return d;
}

LoginDecision LoginPolicy::wrongPassword(const UserRecord &user, qint64 nowMs) const
{
    LoginDecision d = refusedDecision(user.name, LoginResult::Outcome::WrongCredentials,
                                      wrongCredentialsMessage());
    d.auditDetail = QStringLiteral("wrong password");
    d.storeLoginState = true;
    d.failedLogins = user.failedLogins + 1;
    if (d.failedLogins >= m_options.maxFailedLogins) {
        d.failedLogins = 0;
        d.lockedUntilMs = nowMs + m_options.lockoutMs;
        d.result.outcome = LoginResult::Outcome::LockedOut;
        d.result.lockedUntilMs = d.lockedUntilMs;
        d.result.message = QStringLiteral("too many failed logins: try again in %1")
                               .arg(waitText(m_options.lockoutMs));
        d.auditAction = QStringLiteral("login.locked");
        d.auditDetail = QStringLiteral("%1 consecutive failed logins: locked for %2")
                            .arg(m_options.maxFailedLogins)
                            .arg(waitText(m_options.lockoutMs));
    }
    return d;
}

LoginDecision LoginPolicy::granted(const UserRecord &user) const
{
    LoginDecision d;
    d.result.outcome = LoginResult::Outcome::Granted;
    d.result.user = user.name;
    d.result.role = user.role;
    d.storeLoginState = user.failedLogins != 0 || user.lockedUntilMs != 0;
    d.rehash = m_hasher.needsRehash(user.passwordHash);
    d.auditAction = QStringLiteral("login");
    d.auditResult = QStringLiteral("ok");
    d.auditDetail = roleName(user.role);
    return d;
}

} // namespace vigil
