#include "auditheadfile.h"

#include "security/auditchain.h"
#include "util/privatefiles.h"

#include <QFile>
#include <QSaveFile>

namespace vigil
{

namespace
{

const QByteArray kMagic = QByteArrayLiteral("vigil-audit-head 1");

bool isHex64(const QString &text)
{
    if (text.size() != 64)
        return false;
    for (const QChar c : text) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

} // namespace

AuditHeadFile::AuditHeadFile(QString path)
    : m_path(std::move(path))
{
}

bool AuditHeadFile::exists() const
{
    return QFile::exists(m_path);
}

std::optional<AuditHead> AuditHeadFile::read(QString *error) const
{
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("audit head %1: %2").arg(m_path, file.errorString());
        return std::nullopt;
    }
    const QList<QByteArray> lines = file.read(1024).split('\n');
    AuditHead head;
    bool ok = lines.size() >= 4 && lines[0] == kMagic && lines[1].startsWith("seq ") &&
              lines[2].startsWith("hash ") && lines[3].startsWith("hmac ");
    if (ok) {
        head.seq = lines[1].mid(4).toLongLong(&ok);
        head.hash = QString::fromLatin1(lines[2].mid(5));
        head.hmac = QString::fromLatin1(lines[3].mid(5));
    }
    if (!ok || head.seq < 1 || !isHex64(head.hash) || !isHex64(head.hmac)) {
        *error = QStringLiteral("audit head %1 is not a Vigil audit head file").arg(m_path);
        return std::nullopt;
    }
    return head;
}

bool AuditHeadFile::advance(qint64 seq, const QString &hash, const QByteArray &key,
                            QString *error) const
{
    QString ignored;
    if (const std::optional<AuditHead> current = read(&ignored); current && current->seq >= seq)
        return true;
    return write({seq, hash, AuditChain::headHmac(key, seq, hash)}, error);
}

bool AuditHeadFile::write(const AuditHead &head, QString *error) const
{
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("audit head %1: %2").arg(m_path, file.errorString());
        return false;
    }
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    file.write(kMagic + "\nseq " + QByteArray::number(head.seq) + "\nhash " + head.hash.toLatin1() +
               "\nhmac " + head.hmac.toLatin1() + '\n');
    if (!file.commit()) {
        *error = QStringLiteral("audit head %1: %2").arg(m_path, file.errorString());
        return false;
    }
    PrivateFiles::makePrivate(m_path);
    return true;
}

} // namespace vigil
