#include "permissionmatrix.h"

#include <array>

namespace vigil
{

namespace
{
struct Grant {
    Permission permission;
    bool viewer;
    bool operatorRole;
    bool engineer;
    bool admin;
};

// Written out cell by cell rather than as "at least role X" so that a reviewer reads each
// decision, and a later role that is not a superset of another fits without a rewrite.
// Out of service belongs to engineers: it hides an alarm for as long as maintenance lasts, while
// shelving is the operator's bounded, timed tool. Leaving the kiosk is an admin's act only.
// clang-format off
constexpr std::array<Grant, 14> kGrants{{
    // permission                              viewer operator engineer admin
    {Permission::ViewProcess,                  true,  true,    true,    true},
    {Permission::AcknowledgeAlarm,             false, true,    true,    true},
    {Permission::SilenceAlarms,                false, true,    true,    true},
    {Permission::ShelveAlarm,                  false, true,    true,    true},
    {Permission::AlarmOutOfService,            false, false,   true,    true},
    {Permission::OperateEquipment,             false, true,    true,    true},
    {Permission::ChangeSetpoint,               false, true,    true,    true},
    {Permission::ConfirmCriticalCommand,       false, true,    true,    true},
    {Permission::ExportData,                   false, true,    true,    true},
    {Permission::LoadPlant,                    false, false,   true,    true},
    {Permission::ViewAudit,                    false, false,   true,    true},
    {Permission::VerifyAudit,                  false, false,   true,    true},
    {Permission::ManageUsers,                  false, false,   false,   true},
    {Permission::LeaveKiosk,                   false, false,   false,   true},
}};
// clang-format on

constexpr std::array<Role, 4> kRoles{Role::Viewer, Role::Operator, Role::Engineer, Role::Admin};

bool granted(const Grant &grant, Role role)
{
    switch (role) {
    case Role::Viewer:
        return grant.viewer;
    case Role::Operator:
        return grant.operatorRole;
    case Role::Engineer:
        return grant.engineer;
    case Role::Admin:
        return grant.admin;
    }
    return false; // a value that is no role
}
} // namespace

bool PermissionMatrix::allowed(Role role, Permission permission)
{
    for (const Grant &grant : kGrants) {
        if (grant.permission == permission)
            return granted(grant, role);
    }
    return false;
}

QList<Permission> PermissionMatrix::permissionsOf(Role role)
{
    QList<Permission> out;
    for (const Grant &grant : kGrants) {
        if (granted(grant, role))
            out.append(grant.permission);
    }
    return out;
}

QList<Role> PermissionMatrix::rolesWith(Permission permission)
{
    QList<Role> out;
    for (Role role : kRoles) {
        if (allowed(role, permission))
            out.append(role);
    }
    return out;
}

} // namespace vigil
