#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace vigil
{

// What a user is trusted to do, from least to most. The values start at 1 so that a zero or any
// other value outside the list (a corrupt row, a bad cast) is no role and gets no permission.
enum class Role : quint8 {
    Viewer = 1,   // watches the process; changes nothing
    Operator = 2, // runs the process: alarms, commands, setpoints
    Engineer = 3, // maintains it: alarms out of service, plant files, the audit trail
    Admin = 4     // manages users and the panel itself
};

QString roleName(Role role); // "viewer", "operator", "engineer", "admin"; empty if not a role
std::optional<Role> parseRole(QStringView name);
QStringList roleNames();

} // namespace vigil
