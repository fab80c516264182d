#pragma once

#include <QString>

namespace vigil
{

// Why a configuration file cannot be opened, when the operating system's own message ("No such
// file or directory") would hide the cause: a symbolic link that leads back to itself, or one
// whose target is missing.
class FileStatus
{
public:
    // Empty if the path is no such link; otherwise what it is, to follow "it is" or "is":
    // "a symbolic link loop (a -> b -> a)", "a symbolic link to 'x', which does not exist".
    static QString linkProblem(const QString &path);
};

} // namespace vigil
