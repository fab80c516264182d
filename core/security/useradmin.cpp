#include "useradmin.h"

#include "security/audittrail.h"
#include "security/securitylog.h"
#include "security/userstore.h"
#include "util/clock.h"

namespace vigil
{

namespace
{

constexpr int kMaxNameLength = 64;
constexpr int kMaxPasswordLength = 1024;

} // namespace

// One administration call on its way to the audit trail.
struct UserAdmin::Attempt {
    Attempt(QString actor, QString action, QString target, QString detail = QString())
        : actor(std::move(actor))
        , action(std::move(action))
        , target(std::move(target))
        , detail(std::move(detail))
    {
    }

    QString actor;
    QString action;
    QString target;
    QString detail;
    QString error;       // why it did not happen
    bool failed = false; // the database failed (rather than a rule refusing)

    QString refuse(const QString &why)
    {
        error = why;
        return why;
    }
    QString fail(const QString &why)
    {
        failed = true;
        return refuse(why);
    }
};

UserAdmin::UserAdmin(UserStore &users, AuditTrail &audit, const SecurityOptions &options,
                     const Clock *clock, PasswordHasher hasher)
    : m_users(users)
    , m_audit(audit)
    , m_options(options)
    , m_clock(clock)
    , m_hasher(std::move(hasher))
{
}

QString UserAdmin::nameProblem(const QString &name)
{
    if (name.isEmpty() || name.size() > kMaxNameLength)
        return QStringLiteral("a user name has 1 to %1 characters").arg(kMaxNameLength);
    for (const QChar c : name) {
        if (!c.isLetterOrNumber() && c != u'.' && c != u'_' && c != u'-' && c != u'@')
            return QStringLiteral("a user name has only letters, digits, '.', '_', '-' and '@' "
                                  "(not '%1')")
                .arg(c.isPrint() ? QString(c) : QStringLiteral("U+%1").arg(c.unicode(), 4, 16));
    }
    return QString();
}

QString UserAdmin::passwordProblem(const QString &name, const QString &password,
                                   int minPasswordLength)
{
    if (password.size() < minPasswordLength)
        return QStringLiteral("the password must have at least %1 characters")
            .arg(minPasswordLength);
    if (password.size() > kMaxPasswordLength)
        return QStringLiteral("the password must have at most %1 characters")
            .arg(kMaxPasswordLength);
    if (password.compare(name, Qt::CaseInsensitive) == 0)
        return QStringLiteral("the password must not be the user name");
    return QString();
}

QString UserAdmin::add(const QString &actor, const QString &name, Role role,
                       const QString &password)
{
    Attempt a{actor, QStringLiteral("user.add"), name, roleName(role)};
    insert(a, role, password);
    return finish(a);
}

QString UserAdmin::addFirstAdministrator(const QString &actor, const QString &name,
                                         const QString &password)
{
    Attempt a{actor, QStringLiteral("user.first-admin"), name, roleName(Role::Admin)};
    QString error;
    const int count = m_users.count(&error);
    if (count < 0)
        a.fail(error);
    else if (count > 0)
        a.refuse(QStringLiteral("users exist already: an administrator adds the others"));
    else
        insert(a, Role::Admin, password);
    return finish(a);
}

QString UserAdmin::insert(Attempt &a, Role role, const QString &password)
{
    if (const QString problem = nameProblem(a.target); !problem.isEmpty())
        return a.refuse(problem);
    if (roleName(role).isEmpty())
        return a.refuse(QStringLiteral("unknown role (roles: %1)").arg(roleNames().join(u", ")));
    if (const QString problem = passwordProblem(a.target, password, m_options.minPasswordLength);
        !problem.isEmpty())
        return a.refuse(problem);
    QString error;
    if (m_users.find(a.target, &error))
        return a.refuse(QStringLiteral("user '%1' exists already").arg(a.target));
    if (!error.isEmpty())
        return a.fail(error);
    UserRecord user;
    user.name = a.target;
    user.role = role;
    user.passwordHash = m_hasher.hash(password, &error);
    if (user.passwordHash.isEmpty())
        return a.fail(error);
    user.createdMs = user.changedMs = m_clock->nowMs();
    if (!m_users.add(user, &error))
        return a.fail(error);
    return QString();
}

QString UserAdmin::setPassword(const QString &actor, const QString &name, const QString &password)
{
    Attempt a{actor, QStringLiteral("user.passwd"), name};
    changePassword(a, password);
    return finish(a);
}

void UserAdmin::changePassword(Attempt &a, const QString &password)
{
    QString error;
    if (!m_users.find(a.target, &error)) {
        error.isEmpty() ? a.refuse(QStringLiteral("no user '%1'").arg(a.target)) : a.fail(error);
        return;
    }
    if (const QString problem = passwordProblem(a.target, password, m_options.minPasswordLength);
        !problem.isEmpty()) {
        a.refuse(problem);
        return;
    }
    const QString hash = m_hasher.hash(password, &error);
    if (hash.isEmpty()) {
        a.fail(error);
        return;
    }
    // A new password also lifts a lockout: the administrator has just vouched for the user.
    if (!m_users.setPassword(a.target, hash, m_clock->nowMs(), &error) ||
        !m_users.setLoginState(a.target, 0, 0, &error))
        a.fail(error);
}

QString UserAdmin::setDisabled(const QString &actor, const QString &name, bool disabled)
{
    Attempt a{actor, disabled ? QStringLiteral("user.disable") : QStringLiteral("user.enable"),
              name};
    if (disabled)
        refuseLastAdmin(name, a);
    QString error;
    if (a.error.isEmpty() && !m_users.setDisabled(name, disabled, m_clock->nowMs(), &error))
        error.startsWith(u"no user") ? a.refuse(error) : a.fail(error);
    return finish(a);
}

QString UserAdmin::setRole(const QString &actor, const QString &name, Role role)
{
    Attempt a{actor, QStringLiteral("user.role"), name, roleName(role)};
    if (roleName(role).isEmpty())
        a.refuse(QStringLiteral("unknown role (roles: %1)").arg(roleNames().join(u", ")));
    else if (role != Role::Admin)
        refuseLastAdmin(name, a);
    QString error;
    if (a.error.isEmpty() && !m_users.setRole(name, role, m_clock->nowMs(), &error))
        error.startsWith(u"no user") ? a.refuse(error) : a.fail(error);
    return finish(a);
}

// Refuses `a` when `name` is unknown or the only enabled admin.
void UserAdmin::refuseLastAdmin(const QString &name, Attempt &a)
{
    QString error;
    const std::optional<UserRecord> user = m_users.find(name, &error);
    if (!user) {
        error.isEmpty() ? a.refuse(QStringLiteral("no user '%1'").arg(name)) : a.fail(error);
        return;
    }
    if (user->role != Role::Admin || user->disabled)
        return;
    const int admins = m_users.enabledAdmins(&error);
    if (admins < 0)
        a.fail(error);
    else if (admins <= 1)
        a.refuse(QStringLiteral("'%1' is the last enabled admin: add or enable another admin "
                                "first")
                     .arg(name));
}

QString UserAdmin::finish(Attempt &a)
{
    AuditEntry entry;
    entry.user = a.actor;
    entry.action = a.action;
    entry.target = a.target;
    entry.result = a.error.isEmpty() ? QStringLiteral("ok")
                   : a.failed        ? QStringLiteral("failed")
                                     : QStringLiteral("refused");
    entry.detail = a.error.isEmpty()    ? a.detail
                   : a.detail.isEmpty() ? a.error
                                        : QStringLiteral("%1: %2").arg(a.detail, a.error);
    qCInfo(lcSecurity) << a.action << a.target << "by" << a.actor << entry.result;
    QString auditError;
    if (!m_audit.append(entry, &auditError)) {
        qCWarning(lcSecurity) << "cannot audit" << a.action << a.target << ":" << auditError;
        if (a.error.isEmpty())
            return QStringLiteral("done, but not audited: %1").arg(auditError);
    }
    return a.error;
}

} // namespace vigil
