#pragma once

#include <QtGlobal>

namespace vigil
{

// The plant file's [security] table: how logins, lockouts and idle sessions behave on a panel.
struct SecurityOptions {
    int maxFailedLogins = 5;              // consecutive failures before a lockout
    qint64 lockoutMs = 5 * 60 * 1000;     // how long a locked-out user waits
    qint64 idleLogoutMs = 10 * 60 * 1000; // 0: never
    bool autoLoginViewer = false;         // this panel shows as viewer when nobody is logged in
    int minPasswordLength = 8;

    bool operator==(const SecurityOptions &) const = default;
};

} // namespace vigil
