#include "auditchain.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

namespace vigil
{

namespace
{

void appendField(QByteArray &out, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    out += QByteArray::number(bytes.size());
    out += ':';
    out += bytes;
    out += '\n';
}

} // namespace

QString AuditChain::genesisHash()
{
    return QString(64, u'0');
}

QByteArray AuditChain::canonical(qint64 seq, const AuditEntry &entry)
{
    QByteArray out("vigil-audit-1\n");
    appendField(out, QString::number(seq));
    appendField(out, QString::number(entry.timeMs));
    appendField(out, entry.user);
    appendField(out, entry.action);
    appendField(out, entry.target);
    appendField(out, entry.detail);
    appendField(out, entry.result);
    return out;
}

QString AuditChain::hash(const QString &prevHash, qint64 seq, const AuditEntry &entry)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(prevHash.toLatin1());
    h.addData(QByteArrayView("\n"));
    h.addData(canonical(seq, entry));
    return QString::fromLatin1(h.result().toHex());
}

QString AuditChain::hmac(const QByteArray &key, const QString &hash)
{
    return QString::fromLatin1(
        QMessageAuthenticationCode::hash(hash.toLatin1(), key, QCryptographicHash::Sha256).toHex());
}

AuditRow AuditChain::seal(const QString &prevHash, qint64 seq, const AuditEntry &entry,
                          const QByteArray &key)
{
    AuditRow row;
    row.seq = seq;
    row.entry = entry;
    row.prevHash = prevHash;
    row.hash = hash(prevHash, seq, entry);
    row.hmac = hmac(key, row.hash);
    return row;
}

QString AuditChain::headHmac(const QByteArray &key, qint64 seq, const QString &hash)
{
    return AuditChain::hmac(key, QStringLiteral("head:%1:%2").arg(seq).arg(hash));
}

bool AuditChain::sameDigest(const QString &a, const QString &b)
{
    if (a.size() != b.size())
        return false;
    ushort diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= a.at(i).unicode() ^ b.at(i).unicode();
    return diff == 0;
}

} // namespace vigil
