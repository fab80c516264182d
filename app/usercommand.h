#pragma once

#include <QString>
#include <QTextStream>

namespace vigil
{

class DriverCatalog;
struct UserArguments;

// `vigil user add|passwd|disable|enable|role|list`: administers the users in journal.db (created
// and migrated when the app never ran), each change audited as "cli:<login name>". Passwords come
// from PasswordPrompt, never from the arguments. Returns the exit code: 0 done, 1 refused or
// failed (the reason on stderr), 2 no plant file.
int runUserCommand(const UserArguments &arguments, const QString &plantFile,
                   const DriverCatalog &drivers, QTextStream &out, QTextStream &err);

} // namespace vigil
