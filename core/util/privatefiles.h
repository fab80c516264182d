#pragma once

#include <QString>

namespace vigil
{

// Vigil's data (history, journals, keys) is for its own user only, whatever the umask of the
// shell or unit that started it: directories it creates are 0700, files 0600. Existing
// directories keep their mode (an installer may have set up /var/lib/vigil on purpose).
class PrivateFiles
{
public:
    // Creates `path` and any missing parents as 0700; true if it exists as a directory after.
    static bool makeDirectory(const QString &path, QString *error = nullptr);
    // Creates an empty `path` as 0600 unless it exists, so that a library that creates the file
    // later (SQLite) finds it private; SQLite gives its -wal and -shm files the same mode.
    // An existing file of this user loses its group and other bits (it may come from an older
    // Vigil, or from a reader that opened the database before the writer created it).
    static bool createFile(const QString &path, QString *error = nullptr);
    // Takes group and other permissions off a regular file of this user; nothing otherwise.
    static void makePrivate(const QString &path);
};

} // namespace vigil
