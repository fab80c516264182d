#include "permission.h"

#include <array>

namespace vigil
{

namespace
{
constexpr std::array<std::pair<Permission, const char16_t *>, 14> kPermissions{{
    {Permission::ViewProcess, u"view-process"},
    {Permission::AcknowledgeAlarm, u"acknowledge-alarm"},
    {Permission::SilenceAlarms, u"silence-alarms"},
    {Permission::ShelveAlarm, u"shelve-alarm"},
    {Permission::AlarmOutOfService, u"alarm-out-of-service"},
    {Permission::OperateEquipment, u"operate-equipment"},
    {Permission::ChangeSetpoint, u"change-setpoint"},
    {Permission::ConfirmCriticalCommand, u"confirm-critical-command"},
    {Permission::ExportData, u"export-data"},
    {Permission::LoadPlant, u"load-plant"},
    {Permission::ViewAudit, u"view-audit"},
    {Permission::VerifyAudit, u"verify-audit"},
    {Permission::ManageUsers, u"manage-users"},
    {Permission::LeaveKiosk, u"leave-kiosk"},
}};
} // namespace

QString permissionName(Permission permission)
{
    for (const auto &[p, name] : kPermissions) {
        if (p == permission)
            return QString::fromUtf16(name);
    }
    return QString();
}

std::optional<Permission> parsePermission(QStringView name)
{
    for (const auto &[p, text] : kPermissions) {
        if (name.compare(QStringView(text), Qt::CaseInsensitive) == 0)
            return p;
    }
    return std::nullopt;
}

QStringList permissionNames()
{
    QStringList out;
    for (const auto &entry : kPermissions)
        out.append(QString::fromUtf16(entry.second));
    return out;
}

} // namespace vigil
