#include "usercommand.h"

#include "commandline.h"
#include "passwordprompt.h"
#include "security/audittrail.h"
#include "security/useradmin.h"
#include "security/userstore.h"
#include "securitycommandcontext.h"
#include "util/systemclock.h"

#include <QDateTime>

namespace vigil
{

namespace
{

// A role named on the command line; an unknown name becomes no role, which UserAdmin refuses
// (audited) with the list of roles.
Role roleArgument(const QString &name)
{
    return parseRole(name).value_or(Role(0));
}

QString lockedText(const UserRecord &user, qint64 nowMs)
{
    if (!user.lockedAt(nowMs))
        return QStringLiteral("no");
    return QStringLiteral("until %1")
        .arg(QDateTime::fromMSecsSinceEpoch(user.lockedUntilMs, Qt::UTC).toString(Qt::ISODate));
}

int listUsers(UserStore &users, const Clock &clock, QTextStream &out, QTextStream &err)
{
    QString error;
    const std::optional<QList<UserRecord>> list = users.list(&error);
    if (!list) {
        err << "vigil: " << error << Qt::endl;
        return 1;
    }
    out << QStringLiteral("%1 %2 %3 %4")
               .arg(u"NAME", -24)
               .arg(u"ROLE", -9)
               .arg(u"DISABLED", -8)
               .arg(u"LOCKED")
        << Qt::endl;
    for (const UserRecord &u : *list)
        out << QStringLiteral("%1 %2 %3 %4")
                   .arg(u.name, -24)
                   .arg(roleName(u.role), -9)
                   .arg(u.disabled ? u"yes" : u"no", -8)
                   .arg(lockedText(u, clock.nowMs()))
            << Qt::endl;
    return 0;
}

// The change the arguments ask for; "" when done, else why not.
QString administer(const UserArguments &a, UserAdmin &admin, QTextStream &err)
{
    const QString actor = SecurityCommandContext::actor();
    if (a.action == u"add" || a.action == u"passwd") {
        if (a.action == u"add" && !parseRole(a.role))
            return admin.add(actor, a.name, roleArgument(a.role), QString());
        QString error;
        const std::optional<QString> password = PasswordPrompt::readNew(a.name, err, &error);
        if (!password)
            return error;
        return a.action == u"add" ? admin.add(actor, a.name, *parseRole(a.role), *password)
                                  : admin.setPassword(actor, a.name, *password);
    }
    if (a.action == u"disable" || a.action == u"enable")
        return admin.setDisabled(actor, a.name, a.action == u"disable");
    return admin.setRole(actor, a.name, roleArgument(a.role));
}

QString doneText(const UserArguments &a)
{
    if (a.action == u"add")
        return QStringLiteral("user '%1' added as %2").arg(a.name, a.role.toLower());
    if (a.action == u"passwd")
        return QStringLiteral("password of '%1' changed").arg(a.name);
    if (a.action == u"role")
        return QStringLiteral("user '%1' is now %2").arg(a.name, a.role.toLower());
    return QStringLiteral("user '%1' %2d").arg(a.name, a.action);
}

} // namespace

int runUserCommand(const UserArguments &arguments, const QString &plantFile,
                   const DriverCatalog &drivers, QTextStream &out, QTextStream &err)
{
    SecurityCommandContext context;
    if (const std::optional<int> failed =
            context.open(plantFile, drivers, SecurityCommandContext::Access::Administer, err))
        return *failed;
    const SystemClock clock;
    UserStore users(context.database());
    if (arguments.action == u"list")
        return listUsers(users, clock, out, err);
    AuditTrail audit = context.auditTrail(&clock);
    UserAdmin admin(users, audit, context.options(), &clock);
    const QString error = administer(arguments, admin, err);
    if (!error.isEmpty()) {
        err << "vigil: " << error << Qt::endl;
        return 1;
    }
    out << doneText(arguments) << Qt::endl;
    return 0;
}

} // namespace vigil
