#pragma once

#include <QString>

namespace vigil
{

// The answer of PasswordHasher::verify. A refusal is not a wrong password: the stored hash could
// not be used at all (malformed, parameters out of bounds, crypto library failure), which a login
// must report to an administrator rather than count as a failed attempt by the user.
struct PasswordCheck {
    enum class Outcome {
        Match,
        Mismatch,
        Refused
    };
    Outcome outcome = Outcome::Refused;
    QString reason; // why it was refused; never holds the password or the stored hash

    bool matches() const { return outcome == Outcome::Match; }
};

} // namespace vigil
