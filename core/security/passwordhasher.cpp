#include "passwordhasher.h"

#include <QStringList>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <cstdint>
#include <memory>
#include <optional>

namespace vigil
{

namespace
{
constexpr QLatin1StringView kScheme("scrypt");
constexpr auto kBase64 = QByteArray::Base64Encoding | QByteArray::OmitTrailingEquals;

// A copy of secret bytes that is wiped when it goes out of scope, so that passwords and derived
// keys do not linger in freed heap memory.
class SecretBytes
{
public:
    explicit SecretBytes(QByteArray bytes)
        : m_bytes(std::move(bytes))
    {
    }
    SecretBytes(const SecretBytes &) = delete;
    SecretBytes &operator=(const SecretBytes &) = delete;
    ~SecretBytes()
    {
        if (!m_bytes.isEmpty())
            OPENSSL_cleanse(m_bytes.data(), size_t(m_bytes.size()));
    }
    const QByteArray &bytes() const { return m_bytes; }

private:
    QByteArray m_bytes;
};

QByteArray passwordBytes(const QString &password)
{
    return password.normalized(QString::NormalizationForm_C).toUtf8();
}

QString openSslError(const char *what)
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return QStringLiteral("OpenSSL %1 failed").arg(QLatin1StringView(what));
    char text[256] = {};
    ERR_error_string_n(code, text, sizeof text);
    return QStringLiteral("OpenSSL %1 failed: %2")
        .arg(QLatin1StringView(what), QLatin1StringView(text));
}

struct KdfDeleter {
    void operator()(EVP_KDF *kdf) const { EVP_KDF_free(kdf); }
    void operator()(EVP_KDF_CTX *ctx) const { EVP_KDF_CTX_free(ctx); }
};

// Decimal without sign, spaces or leading zeros: one spelling per value, so that a stored string
// cannot be varied without changing what it says.
std::optional<quint64> parseCanonicalNumber(QStringView text)
{
    if (text.isEmpty() || text.size() > 10 || (text.size() > 1 && text.front() == u'0'))
        return std::nullopt;
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
    }
    return text.toULongLong();
}

std::optional<quint64> parseNamedNumber(QStringView field, QStringView name, QString *reason)
{
    if (!field.startsWith(name) || field.size() <= name.size() || field[name.size()] != u'=') {
        *reason = QStringLiteral("stored password hash: expected %1=<number> in the parameters")
                      .arg(name);
        return std::nullopt;
    }
    const std::optional<quint64> value = parseCanonicalNumber(field.sliced(name.size() + 1));
    if (!value)
        *reason =
            QStringLiteral("stored password hash: %1 is not a plain decimal number").arg(name);
    return value;
}

std::optional<ScryptParameters> parseParameters(QStringView text, QString *reason)
{
    const QList<QStringView> fields = text.split(u',');
    if (fields.size() != 3) {
        *reason = QStringLiteral("stored password hash: expected the parameters N=…,r=…,p=…, "
                                 "found %1 comma-separated fields")
                      .arg(fields.size());
        return std::nullopt;
    }
    const std::optional<quint64> n = parseNamedNumber(fields[0], u"N", reason);
    if (!n)
        return std::nullopt;
    const std::optional<quint64> r = parseNamedNumber(fields[1], u"r", reason);
    if (!r)
        return std::nullopt;
    const std::optional<quint64> p = parseNamedNumber(fields[2], u"p", reason);
    if (!p)
        return std::nullopt;
    if (*r > ScryptParameters::kMaxR || *p > ScryptParameters::kMaxP) {
        *reason = QStringLiteral("stored password hash: scrypt r=%1, p=%2 exceed %3 and %4")
                      .arg(*r)
                      .arg(*p)
                      .arg(ScryptParameters::kMaxR)
                      .arg(ScryptParameters::kMaxP);
        return std::nullopt;
    }
    ScryptParameters parameters;
    parameters.n = *n;
    parameters.r = quint32(*r);
    parameters.p = quint32(*p);
    return parameters;
}

std::optional<QByteArray> parseBase64(QStringView text, const char *what, int minBytes,
                                      int maxBytes, QString *reason)
{
    const QByteArray encoded = text.toLatin1();
    const QByteArray::FromBase64Result decoded = QByteArray::fromBase64Encoding(
        encoded, QByteArray::Base64Encoding | QByteArray::AbortOnBase64DecodingErrors);
    // Re-encoding must give the same text: padding, stray characters or a second spelling of the
    // same bytes are all refused.
    if (!decoded || text.isEmpty() || decoded.decoded.toBase64(kBase64) != encoded) {
        *reason = QStringLiteral("stored password hash: the %1 is not unpadded base64")
                      .arg(QLatin1StringView(what));
        return std::nullopt;
    }
    const qsizetype size = decoded.decoded.size();
    if (size < minBytes || size > maxBytes) {
        *reason = QStringLiteral("stored password hash: the %1 has %2 bytes, expected %3..%4")
                      .arg(QLatin1StringView(what))
                      .arg(size)
                      .arg(minBytes)
                      .arg(maxBytes);
        return std::nullopt;
    }
    return decoded.decoded;
}

struct StoredHash {
    ScryptParameters parameters;
    QByteArray salt;
    QByteArray key;
};

std::optional<StoredHash> parseStored(const QString &stored, QString *reason)
{
    const QList<QStringView> fields = QStringView(stored).split(u'$');
    if (fields.size() != 4) {
        *reason =
            QStringLiteral("stored password hash: expected 4 fields separated by '$', found %1")
                .arg(fields.size());
        return std::nullopt;
    }
    if (fields[0] != kScheme) {
        *reason = QStringLiteral("stored password hash: unknown scheme (only scrypt is supported)");
        return std::nullopt;
    }
    std::optional<ScryptParameters> parameters = parseParameters(fields[1], reason);
    if (!parameters)
        return std::nullopt;
    std::optional<QByteArray> salt =
        parseBase64(fields[2], "salt", PasswordHasher::kMinStoredSaltBytes,
                    PasswordHasher::kMaxStoredSaltBytes, reason);
    if (!salt)
        return std::nullopt;
    std::optional<QByteArray> key = parseBase64(fields[3], "hash", ScryptParameters::kMinKeyLength,
                                                ScryptParameters::kMaxKeyLength, reason);
    if (!key)
        return std::nullopt;
    parameters->keyLength = int(key->size());
    const QString problem = parameters->problem();
    if (!problem.isEmpty()) {
        *reason = QStringLiteral("stored password hash: %1").arg(problem);
        return std::nullopt;
    }
    return StoredHash{*parameters, *salt, *key};
}

QString format(const ScryptParameters &parameters, const QByteArray &salt, const QByteArray &key)
{
    return QStringLiteral("%1$N=%2,r=%3,p=%4$%5$%6")
        .arg(kScheme)
        .arg(parameters.n)
        .arg(parameters.r)
        .arg(parameters.p)
        .arg(QLatin1StringView(salt.toBase64(kBase64)), QLatin1StringView(key.toBase64(kBase64)));
}
} // namespace

PasswordHasher::PasswordHasher(ScryptParameters parameters)
    : m_parameters(parameters)
{
}

QString PasswordHasher::hash(const QString &password, QString *error) const
{
    QString problem;
    if (password.isEmpty())
        problem = QStringLiteral("the password is empty");
    else
        problem = m_parameters.problem();
    QByteArray salt(kSaltBytes, '\0');
    if (problem.isEmpty() &&
        RAND_bytes(reinterpret_cast<unsigned char *>(salt.data()), kSaltBytes) != 1)
        problem = openSslError("RAND_bytes");
    if (problem.isEmpty()) {
        const SecretBytes pass(passwordBytes(password));
        const SecretBytes key(deriveKey(pass.bytes(), salt, m_parameters, &problem));
        if (problem.isEmpty())
            return format(m_parameters, salt, key.bytes());
    }
    if (error)
        *error = problem;
    return QString();
}

PasswordCheck PasswordHasher::verify(const QString &password, const QString &stored)
{
    PasswordCheck check;
    const std::optional<StoredHash> parsed = parseStored(stored, &check.reason);
    if (!parsed)
        return check;
    const SecretBytes pass(passwordBytes(password));
    const SecretBytes key(deriveKey(pass.bytes(), parsed->salt, parsed->parameters, &check.reason));
    if (key.bytes().isEmpty())
        return check;
    // Equal lengths by construction (the key length comes from the stored hash), so only the
    // contents are compared, in constant time.
    const bool same = CRYPTO_memcmp(key.bytes().constData(), parsed->key.constData(),
                                    size_t(parsed->key.size())) == 0;
    check.outcome = same ? PasswordCheck::Outcome::Match : PasswordCheck::Outcome::Mismatch;
    return check;
}

bool PasswordHasher::needsRehash(const QString &stored) const
{
    QString reason;
    const std::optional<StoredHash> parsed = parseStored(stored, &reason);
    return !parsed || !(parsed->parameters == m_parameters) || parsed->salt.size() < kSaltBytes;
}

QByteArray PasswordHasher::deriveKey(const QByteArray &password, const QByteArray &salt,
                                     const ScryptParameters &parameters, QString *error)
{
    auto fail = [error](const QString &why) {
        if (error)
            *error = why;
        return QByteArray();
    };
    const QString problem = parameters.problem();
    if (!problem.isEmpty())
        return fail(problem);
    const std::unique_ptr<EVP_KDF, KdfDeleter> kdf(EVP_KDF_fetch(nullptr, "SCRYPT", nullptr));
    if (!kdf)
        return fail(openSslError("EVP_KDF_fetch(SCRYPT)"));
    const std::unique_ptr<EVP_KDF_CTX, KdfDeleter> ctx(EVP_KDF_CTX_new(kdf.get()));
    if (!ctx)
        return fail(openSslError("EVP_KDF_CTX_new"));

    uint64_t n = parameters.n;
    uint32_t r = parameters.r;
    uint32_t p = parameters.p;
    uint64_t maxMemory = ScryptParameters::kMaxMemoryBytes;
    // OpenSSL reads the octet strings only; the casts drop a const its C API does not declare.
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD,
                                          const_cast<char *>(password.constData()),
                                          size_t(password.size())),
        OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, const_cast<char *>(salt.constData()),
                                          size_t(salt.size())),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &n),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &r),
        OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &p),
        OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM, &maxMemory),
        OSSL_PARAM_construct_end(),
    };
    QByteArray key(parameters.keyLength, '\0');
    if (EVP_KDF_derive(ctx.get(), reinterpret_cast<unsigned char *>(key.data()), size_t(key.size()),
                       params) != 1) {
        OPENSSL_cleanse(key.data(), size_t(key.size()));
        return fail(openSslError("scrypt derivation"));
    }
    return key;
}

} // namespace vigil
