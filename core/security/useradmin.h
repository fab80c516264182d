#pragma once

#include "security/passwordhasher.h"
#include "security/role.h"
#include "security/securityoptions.h"

#include <QString>

namespace vigil
{

class AuditTrail;
class Clock;
class UserStore;

// User administration with its rules, shared by `vigil user …` and the first-administrator
// screen. Every call is audited (user.add, user.passwd, …) under `actor` ("cli:root", "alice"),
// refusals too, with the reason as detail; never with the password or its hash. Each returns ""
// on success, otherwise why not. Refused: a malformed name, an existing user on add, an unknown
// user, a password shorter than min_password_length or equal to the name, and disabling or
// demoting the last enabled admin (nobody could manage users any more).
class UserAdmin
{
public:
    UserAdmin(UserStore &users, AuditTrail &audit, const SecurityOptions &options,
              const Clock *clock, PasswordHasher hasher = PasswordHasher());

    QString add(const QString &actor, const QString &name, Role role, const QString &password);
    // Only while no user exists (audited as user.first-admin).
    QString addFirstAdministrator(const QString &actor, const QString &name,
                                  const QString &password);
    QString setPassword(const QString &actor, const QString &name, const QString &password);
    QString setDisabled(const QString &actor, const QString &name, bool disabled);
    QString setRole(const QString &actor, const QString &name, Role role);

    // Why `name` cannot be a user name ("" if it can): 1 to 64 letters, digits, '.', '_', '-'
    // or '@'.
    static QString nameProblem(const QString &name);
    // Why `password` cannot be given to `name` ("" if it can).
    static QString passwordProblem(const QString &name, const QString &password,
                                   int minPasswordLength);

private:
    struct Attempt;
    QString insert(Attempt &attempt, Role role, const QString &password);
    void changePassword(Attempt &attempt, const QString &password);
    void refuseLastAdmin(const QString &name, Attempt &attempt);
    QString finish(Attempt &attempt);

    UserStore &m_users;
    AuditTrail &m_audit;
    SecurityOptions m_options;
    const Clock *m_clock;
    PasswordHasher m_hasher;
};

} // namespace vigil
