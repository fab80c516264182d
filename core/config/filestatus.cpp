#include "filestatus.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <cerrno>
#include <sys/stat.h>

namespace vigil
{

namespace
{

constexpr int kMaxHops = 40; // as the kernel's own limit for nested links

bool isLoop(const QString &path)
{
    struct stat st {
    };
    return ::stat(QFile::encodeName(path).constData(), &st) != 0 && errno == ELOOP;
}

// path -> target -> ... as far as the links go, stopping at the first repeat.
QStringList linkChain(const QString &path)
{
    QStringList chain{QDir::cleanPath(QFileInfo(path).absoluteFilePath())};
    for (int hop = 0; hop < kMaxHops; ++hop) {
        const QFileInfo link(chain.last());
        if (!link.isSymLink())
            break;
        const QString next = QDir::cleanPath(link.symLinkTarget());
        const bool repeat = chain.contains(next);
        chain.append(next);
        if (repeat)
            break;
    }
    return chain;
}

} // namespace

QString FileStatus::linkProblem(const QString &path)
{
    if (isLoop(path)) {
        const QStringList chain = linkChain(path);
        // A loop through a directory on the way does not show in the file's own chain.
        if (chain.size() < 2 || chain.indexOf(chain.last()) == chain.size() - 1)
            return QStringLiteral("a symbolic link loop");
        return QStringLiteral("a symbolic link loop (%1)").arg(chain.join(QStringLiteral(" -> ")));
    }
    const QFileInfo info(path);
    if (info.isSymLink() && !info.exists())
        return QStringLiteral("a symbolic link to '%1', which does not exist")
            .arg(info.symLinkTarget());
    return QString();
}

} // namespace vigil
