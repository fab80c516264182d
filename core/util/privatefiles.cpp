#include "privatefiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace vigil
{

namespace
{

bool fail(QString *error, const QString &what, const QString &path)
{
    if (error)
        *error = QStringLiteral("cannot create %1 %2: %3")
                     .arg(what, path, QString::fromLocal8Bit(std::strerror(errno)));
    return false;
}

} // namespace

bool PrivateFiles::makeDirectory(const QString &path, QString *error)
{
    const QString clean = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    if (QFileInfo(clean).isDir())
        return true;
    const QString parent = QFileInfo(clean).path();
    if (parent != clean && !makeDirectory(parent, error))
        return false;
    // mkdir's mode is masked by the umask, which only ever takes bits away from 0700.
    if (::mkdir(QFile::encodeName(clean).constData(), 0700) != 0 && errno != EEXIST)
        return fail(error, QStringLiteral("directory"), clean);
    if (!QFileInfo(clean).isDir()) {
        errno = ENOTDIR;
        return fail(error, QStringLiteral("directory"), clean);
    }
    return true;
}

bool PrivateFiles::createFile(const QString &path, QString *error)
{
    const int fd =
        ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
        ::close(fd);
        return true;
    }
    if (errno != EEXIST)
        return fail(error, QStringLiteral("file"), path);
    makePrivate(path);
    return true;
}

void PrivateFiles::makePrivate(const QString &path)
{
    const QByteArray name = QFile::encodeName(path);
    struct stat st = {};
    if (::stat(name.constData(), &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == ::geteuid() &&
        (st.st_mode & 077) != 0)
        ::chmod(name.constData(), st.st_mode & 0700);
}

} // namespace vigil
