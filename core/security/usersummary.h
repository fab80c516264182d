#pragma once

#include "security/role.h"
#include "security/userrecord.h"

#include <QString>
#include <QtGlobal>

namespace vigil
{

// A user as the Users page lists it: an app_user row without its password hash, which never
// leaves the security thread.
struct UserSummary {
    QString name;
    Role role = Role::Viewer;
    bool disabled = false;
    qint64 lockedUntilMs = 0; // wall time the lockout ends; 0: not locked
    qint64 createdMs = 0;
    qint64 changedMs = 0;

    static UserSummary of(const UserRecord &user)
    {
        return {user.name,          user.role,      user.disabled,
                user.lockedUntilMs, user.createdMs, user.changedMs};
    }
    bool lockedAt(qint64 nowMs) const { return lockedUntilMs > nowMs; }
};

} // namespace vigil
