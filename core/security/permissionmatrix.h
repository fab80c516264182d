#pragma once

#include "security/permission.h"
#include "security/role.h"

#include <QList>

namespace vigil
{

// The one table of who may do what (IEC 62443-4-2 authorisation enforcement). Deny by default:
// a role or permission that is not in the table, or a cell not granted in it, is refused. Nobody
// logged in is not a role here; a panel without a session holds no permission at all.
class PermissionMatrix
{
public:
    static bool allowed(Role role, Permission permission);
    // Every permission of `role`, in the order of the Permission enum; empty for an unknown role.
    static QList<Permission> permissionsOf(Role role);
    // Every role holding `permission`, least trusted first; empty for an unknown permission.
    static QList<Role> rolesWith(Permission permission);
};

} // namespace vigil
