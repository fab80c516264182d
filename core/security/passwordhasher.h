#pragma once

#include "security/passwordcheck.h"
#include "security/scryptparameters.h"

#include <QByteArray>
#include <QString>

namespace vigil
{

// Turns a password into the one string stored for a user and checks a password against it, with
// scrypt from OpenSSL 3 (EVP_KDF "SCRYPT"). The stored form describes itself, so that the cost
// can be raised later without invalidating existing users:
//
//     scrypt$N=32768,r=8,p=1$<salt>$<hash>
//
// N, r and p are decimal without leading zeros, in this order; salt and hash are standard base64
// (RFC 4648, '+' and '/') without '=' padding. The salt is 16 random bytes per hash; the hash is
// the derived key, and its length is the key length. Passwords are taken in Unicode NFC and
// UTF-8, so that the same password typed through different input methods matches.
//
// Nothing here logs; errors and refusals name the field at fault but never quote the password,
// the salt or the hash.
class PasswordHasher
{
public:
    static constexpr int kSaltBytes = 16;
    static constexpr int kMinStoredSaltBytes = 16;
    static constexpr int kMaxStoredSaltBytes = 64;

    explicit PasswordHasher(ScryptParameters parameters = {});

    const ScryptParameters &parameters() const { return m_parameters; }

    // The stored form of `password` under this hasher's parameters with a fresh salt; an empty
    // string and `*error` set if the password is empty, the parameters are out of bounds or
    // OpenSSL fails.
    QString hash(const QString &password, QString *error = nullptr) const;

    // Whether `password` is the one `stored` was made from, under the parameters written in
    // `stored`. The comparison takes the same time wherever the keys differ.
    static PasswordCheck verify(const QString &password, const QString &stored);

    // True if `stored` was made with parameters other than this hasher's (or cannot be read), so
    // that a successful login can store a fresh hash at today's cost.
    bool needsRehash(const QString &stored) const;

    // The raw scrypt key of `password` and `salt`; `parameters.keyLength` bytes, or empty with
    // `*error` set. Exposed for known-answer tests against RFC 7914.
    static QByteArray deriveKey(const QByteArray &password, const QByteArray &salt,
                                const ScryptParameters &parameters, QString *error = nullptr);

private:
    ScryptParameters m_parameters;
};

} // namespace vigil
