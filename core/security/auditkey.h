#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace vigil
{

// The audit trail's HMAC key: 32 random bytes in a file of its own beside journal.db
// (<data_dir>/audit.key), mode 0600 in a 0700 directory, so that whoever can edit the database
// cannot also reseal the chain unless they can read the key. A key file that others may read, or
// that is not exactly 32 bytes, is refused with a message naming the file: a silently replaced
// key would make every existing row look forged.
class AuditKey
{
public:
    // Reads an existing key; nullopt with `error` if it is missing, unreadable or unsafe.
    static std::optional<QByteArray> load(const QString &path, QString *error);
    // Reads the key, or creates it when the file does not exist. Two processes creating it at
    // once (the app and `vigil user add`) end up with the same key: the file appears atomically
    // and the loser reads the winner's.
    static std::optional<QByteArray> loadOrCreate(const QString &path, QString *error);

private:
    static bool create(const QString &path, QString *error);
};

} // namespace vigil
