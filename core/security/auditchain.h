#pragma once

#include "security/auditrow.h"

#include <QByteArray>
#include <QString>

namespace vigil
{

// The audit trail's hash chain, pure functions. A row's canonical form is its fields in a fixed
// order, each as its UTF-8 length, ':' and its bytes, so no choice of texts can make two
// different rows serialize alike. The hash covers the previous row's hash, so editing, deleting,
// inserting or reordering a row breaks every link after it; the HMAC with a key kept outside the
// database means rewriting the whole chain after an edit needs the key as well.
class AuditChain
{
public:
    static constexpr int kKeyBytes = 32;

    static QString genesisHash(); // 64 zeros: seq 1's prev_hash
    static QByteArray canonical(qint64 seq, const AuditEntry &entry);
    static QString hash(const QString &prevHash, qint64 seq, const AuditEntry &entry);
    static QString hmac(const QByteArray &key, const QString &hash);
    // The next row after one whose hash is `prevHash`, sealed with `key`.
    static AuditRow seal(const QString &prevHash, qint64 seq, const AuditEntry &entry,
                         const QByteArray &key);
    // The HMAC of the head file's content (see AuditHeadFile).
    static QString headHmac(const QByteArray &key, qint64 seq, const QString &hash);
    // Constant-time comparison of two hex digests.
    static bool sameDigest(const QString &a, const QString &b);
};

} // namespace vigil
