#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace vigil
{

// One thing a user may be allowed to do on a panel. Which role holds which permission is decided
// in one place only, PermissionMatrix; code asks for a permission, never compares roles. Values
// start at 1 so that a value outside the list is no permission and is denied.
enum class Permission : quint8 {
    ViewProcess = 1,        // pages, trends, alarm and event lists (a logged-in viewer)
    AcknowledgeAlarm,       // acknowledge one alarm or a page of them
    SilenceAlarms,          // silence the horn (separate from acknowledging)
    ShelveAlarm,            // shelve and unshelve, with a reason and a maximum time
    AlarmOutOfService,      // take an alarm out of service for maintenance and back
    OperateEquipment,       // discrete commands: start/stop, open/close, tare
    ChangeSetpoint,         // analog writes within the configured limits
    ConfirmCriticalCommand, // be the second person on a command to a critical tag
    ExportData,             // CSV exports and shift reports to files
    LoadPlant,              // load or reload the plant file
    ViewAudit,              // the Audit page
    VerifyAudit,            // check the hash chain of the audit trail
    ManageUsers,            // add, disable, enable users, change roles, reset passwords
    LeaveKiosk              // leave full-screen kiosk mode
};

QString permissionName(Permission permission); // "view-process", ...; empty if not a permission
std::optional<Permission> parsePermission(QStringView name);
QStringList permissionNames();

} // namespace vigil
