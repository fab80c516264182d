#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace vigil
{

// What audit.head records: the last row the writers appended, sealed with the audit key.
struct AuditHead {
    qint64 seq = 0;
    QString hash;
    QString hmac;
};

// The audit head file beside the key (<data_dir>/audit.head). The chain alone cannot show that
// its last rows were deleted; the head file, rewritten after each append, can: a trail ending
// before the head's seq lost rows. Writers only ever move it forward (under a lock file, so the
// app and the command line appending at once leave the higher seq), and it is replaced
// atomically (QSaveFile), so a crash leaves the old or the new head, never half of one.
class AuditHeadFile
{
public:
    explicit AuditHeadFile(QString path);

    const QString &path() const { return m_path; }
    bool exists() const;
    // The recorded head; nullopt with `error` if the file is missing or malformed.
    std::optional<AuditHead> read(QString *error) const;
    // The lock file writers hold while they append and advance the head.
    QString lockPath() const { return m_path + QStringLiteral(".lock"); }
    // Records (seq, hash) unless the file already records seq or later. The caller holds
    // lockPath() (AuditTrail::append does, from its check of the head to this call).
    bool advance(qint64 seq, const QString &hash, const QByteArray &key, QString *error) const;

private:
    bool write(const AuditHead &head, QString *error) const;

    QString m_path;
};

} // namespace vigil
