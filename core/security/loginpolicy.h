#pragma once

#include "security/logindecision.h"
#include "security/passwordhasher.h"
#include "security/securityoptions.h"
#include "security/userrecord.h"

#include <optional>

namespace vigil
{

class Clock;

// Decides a login attempt from the user's stored row, without touching a database: the caller
// reads the row, asks decide() and stores what the decision says. Rules (IEC 62443-4-2 CR 1.11):
// - an unknown user and a wrong password get the same outcome and message, and take about the
//   same time (the password is checked against a dummy hash), so names cannot be probed;
// - maxFailedLogins consecutive wrong passwords lock the user out for lockoutMs (wall time, so a
//   restart does not lift it); attempts during a lockout are refused without checking the
//   password and do not extend it; after it ends the user has maxFailedLogins attempts again;
// - a disabled user is refused, but only once the password is right, so that guessing does not
//   tell which users are disabled; the attempt still counts as a failure when it is wrong;
// - a success resets the count, and asks for a rehash when the stored hash has old parameters;
// - a stored hash that cannot be used at all is refused and counts nothing (an administrator
//   must reset the password).
class LoginPolicy
{
public:
    LoginPolicy(const SecurityOptions &options, const Clock *clock,
                PasswordHasher hasher = PasswordHasher());

    LoginDecision decide(const std::optional<UserRecord> &user, const QString &name,
                         const QString &password) const;
    const PasswordHasher &hasher() const { return m_hasher; }

    static QString wrongCredentialsMessage();

private:
    LoginDecision unknownUser(const QString &name, const QString &password) const;
    LoginDecision lockedOut(const UserRecord &user, qint64 nowMs) const;
    LoginDecision wrongPassword(const UserRecord &user, qint64 nowMs) const;
    LoginDecision granted(const UserRecord &user) const;

    SecurityOptions m_options;
    const Clock *m_clock;
    PasswordHasher m_hasher;
    mutable QString m_dummyHash; // made at the first unknown user
};

} // namespace vigil
