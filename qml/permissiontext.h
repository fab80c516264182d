#pragma once

#include "security/permission.h"

#include <QCoreApplication>
#include <QString>

namespace vigil
{

class Session;

// How the screens say why the session may not do something, in the UI language: the least
// trusted role holding the permission, as it fits "Log in as %1 to …" ("an operator"), so that
// every refusal names the role the permission matrix asks for.
class PermissionText
{
    Q_DECLARE_TR_FUNCTIONS(vigil::PermissionText)
public:
    // "a viewer", "an operator", "an engineer", "an administrator".
    static QString leastRole(Permission permission);
    // Empty when the session holds `permission`, else `what` ("Log in as %1 to export") with
    // leastRole() filled in.
    static QString refusal(const Session &session, Permission permission, const QString &what);
};

} // namespace vigil
