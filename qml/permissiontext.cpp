#include "permissiontext.h"

#include "security/permissionmatrix.h"
#include "security/session.h"

namespace vigil
{

QString PermissionText::leastRole(Permission permission)
{
    const QList<Role> roles = PermissionMatrix::rolesWith(permission);
    switch (roles.isEmpty() ? Role::Admin : roles.constFirst()) {
    case Role::Viewer:
        return tr("a viewer");
    case Role::Operator:
        return tr("an operator");
    case Role::Engineer:
        return tr("an engineer");
    case Role::Admin:
        break;
    }
    return tr("an administrator");
}

QString PermissionText::refusal(const Session &session, Permission permission, const QString &what)
{
    return session.allowed(permission) ? QString() : what.arg(leastRole(permission));
}

} // namespace vigil
