#include "auditkey.h"

#include "security/auditchain.h"
#include "security/securitylog.h"
#include "util/privatefiles.h"

#include <QFile>
#include <QFileInfo>

#include <openssl/rand.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace vigil
{

namespace
{

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

bool writeAll(int fd, const QByteArray &bytes)
{
    qsizetype done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.constData() + done, size_t(bytes.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return ::fsync(fd) == 0;
}

} // namespace

std::optional<QByteArray> AuditKey::load(const QString &path, QString *error)
{
    const QByteArray name = QFile::encodeName(path);
    struct stat st = {};
    if (::stat(name.constData(), &st) != 0) {
        *error = QStringLiteral("audit key %1: %2").arg(path, systemError());
        return std::nullopt;
    }
    if (!S_ISREG(st.st_mode)) {
        *error = QStringLiteral("audit key %1 is not a regular file").arg(path);
        return std::nullopt;
    }
    if ((st.st_mode & 077) != 0) {
        *error = QStringLiteral("audit key %1 may be read by other users (mode %2): refusing it; "
                                "make it private with chmod 600")
                     .arg(path)
                     .arg(st.st_mode & 0777, 4, 8, QLatin1Char('0'));
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("audit key %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const QByteArray key = file.read(AuditChain::kKeyBytes + 1);
    if (key.size() != AuditChain::kKeyBytes) {
        *error = QStringLiteral("audit key %1 has %2 bytes, expected %3: it is not Vigil's key")
                     .arg(path)
                     .arg(key.size())
                     .arg(AuditChain::kKeyBytes);
        return std::nullopt;
    }
    return key;
}

std::optional<QByteArray> AuditKey::loadOrCreate(const QString &path, QString *error)
{
    if (!QFileInfo::exists(path) && !create(path, error))
        return std::nullopt;
    return load(path, error);
}

bool AuditKey::create(const QString &path, QString *error)
{
    if (!PrivateFiles::makeDirectory(QFileInfo(path).absolutePath(), error))
        return false;
    QByteArray key(AuditChain::kKeyBytes, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char *>(key.data()), int(key.size())) != 1) {
        *error = QStringLiteral("audit key %1: no random bytes from OpenSSL").arg(path);
        return false;
    }
    // Written in full under a temporary name, then linked into place: link() fails if another
    // process created the key meanwhile, and nobody ever sees a partial key.
    const QByteArray target = QFile::encodeName(path);
    const QByteArray temp = target + ".tmp." + QByteArray::number(::getpid());
    const int fd = ::open(temp.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = QStringLiteral("cannot create audit key %1: %2").arg(path, systemError());
        return false;
    }
    const bool written = writeAll(fd, key);
    ::close(fd);
    const bool mine = written && ::link(temp.constData(), target.constData()) == 0;
    const bool theirs = written && !mine && errno == EEXIST;
    const QString problem = systemError();
    ::unlink(temp.constData());
    if (!mine && !theirs) {
        *error = QStringLiteral("cannot create audit key %1: %2").arg(path, problem);
        return false;
    }
    if (mine)
        qCInfo(lcSecurity) << "created the audit key" << path;
    return true;
}

} // namespace vigil
