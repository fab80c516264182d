#pragma once

#include "security/role.h"

#include <QString>
#include <QtGlobal>

namespace vigil
{

// The answer to a login (or to the second person's identity check of a two-person command).
// An unknown user and a wrong password are the same outcome with the same message, so that a
// login screen cannot be used to find out which names exist.
struct LoginResult {
    enum class Outcome {
        Granted,
        WrongCredentials,
        LockedOut,
        Disabled,
        Refused // the check could not be made (database down, unusable stored hash)
    };
    Outcome outcome = Outcome::Refused;
    QString user;
    Role role = Role::Viewer;
    QString message; // for people, English (the UI translates by outcome); names no secret
    qint64 lockedUntilMs = 0;

    bool granted() const { return outcome == Outcome::Granted; }
};

} // namespace vigil
