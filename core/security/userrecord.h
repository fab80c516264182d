#pragma once

#include "security/role.h"

#include <QString>
#include <QtGlobal>

namespace vigil
{

// One row of app_user. passwordHash is a PasswordHasher string: it never leaves the security
// thread and the command line, and is never logged or audited.
struct UserRecord {
    QString name;
    Role role = Role::Viewer;
    QString passwordHash;
    bool disabled = false;
    int failedLogins = 0;     // consecutive failures since the last success or lockout
    qint64 lockedUntilMs = 0; // wall time the lockout ends; 0: not locked
    qint64 createdMs = 0;
    qint64 changedMs = 0;

    bool lockedAt(qint64 nowMs) const { return lockedUntilMs > nowMs; }
};

} // namespace vigil
