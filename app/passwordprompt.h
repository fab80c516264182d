#pragma once

#include <QString>
#include <QTextStream>

#include <optional>

namespace vigil
{

// Reads a new password for `vigil user add|passwd`: from the terminal without echo, asked twice,
// or, when stdin is not a terminal (scripts, tests), as one line from stdin. Never from the
// command line, where it would show in the process list and the shell history.
class PasswordPrompt
{
public:
    // The password, or nullopt with `error` (the two entries differ, nothing on stdin…).
    static std::optional<QString> readNew(const QString &user, QTextStream &err, QString *error);

private:
    static std::optional<QString> readHidden(const QString &prompt, QTextStream &err);
    static std::optional<QString> readLine();
};

} // namespace vigil
