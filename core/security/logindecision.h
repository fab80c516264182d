#pragma once

#include "security/loginresult.h"

#include <QString>

namespace vigil
{

// What LoginPolicy decided about one attempt, and what the caller must store and audit.
struct LoginDecision {
    LoginResult result;
    bool storeLoginState = false; // write failedLogins and lockedUntilMs to the user's row
    int failedLogins = 0;
    qint64 lockedUntilMs = 0;
    bool rehash = false; // granted with a hash of older parameters: store a fresh one
    QString auditAction; // "login", "login.failed" or "login.locked"
    QString auditResult; // "ok", "refused" or "failed"
    QString auditDetail; // why, for the audit row; never a password or hash
};

} // namespace vigil
