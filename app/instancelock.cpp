#include "instancelock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace vigil
{

InstanceLock::InstanceLock(const QString &dataDir)
    : m_path(QDir(dataDir).filePath(QStringLiteral("vigil.lock")))
    , m_lock(std::make_unique<QLockFile>(m_path))
{
    // Only a dead owner makes a lock stale: a Vigil runs for months, so age says nothing.
    m_lock->setStaleLockTime(0);
}

InstanceLock::~InstanceLock() = default;

bool InstanceLock::acquire(QString *error)
{
    if (m_lock->tryLock(0)) {
        // Private like the rest of the data directory (QLockFile follows the umask).
        QFile::setPermissions(m_path, QFile::ReadOwner | QFile::WriteOwner);
        return true;
    }
    qint64 pid = 0;
    QString host;
    QString application;
    if (m_lock->error() == QLockFile::LockFailedError &&
        m_lock->getLockInfo(&pid, &host, &application)) {
        *error = QStringLiteral("the data directory %1 is in use by another Vigil (PID %2 on host "
                                "%3; lock file %4)")
                     .arg(QDir::toNativeSeparators(QFileInfo(m_path).path()))
                     .arg(pid)
                     .arg(host.isEmpty() ? QStringLiteral("unknown") : host, m_path);
    } else {
        *error = QStringLiteral("cannot lock the data directory: cannot write %1").arg(m_path);
    }
    return false;
}

} // namespace vigil
