#include "mqttlibrary.h"

#include <mosquitto.h>

#include <netdb.h>
#include <sys/socket.h>

#include <algorithm>

#include <cerrno>
#include <cstring>
#include <mutex>

namespace vigil
{

namespace
{

// Encrypted private keys are not supported: refuse instead of prompting on the terminal.
int noKeyPassword(char *, int, int, void *)
{
    return 0;
}

constexpr const char *systemCaPath = "/etc/ssl/certs";

} // namespace

void MqttLibrary::initialise()
{
    static std::once_flag once;
    std::call_once(once, [] { mosquitto_lib_init(); });
}

bool MqttLibrary::configure(mosquitto *handle, const MqttClientOptions &options, QString *error)
{
    mosquitto_int_option(handle, MOSQ_OPT_PROTOCOL_VERSION,
                         options.protocolVersion == 5 ? MQTT_PROTOCOL_V5 : MQTT_PROTOCOL_V311);
    mosquitto_int_option(handle, MOSQ_OPT_TCP_NODELAY, 1);
    int rc = MOSQ_ERR_SUCCESS;
    if (!options.username.isEmpty() || options.password) {
        const QByteArray user = options.username.toUtf8();
        rc = mosquitto_username_pw_set(handle, user.isEmpty() ? nullptr : user.constData(),
                                       options.password ? options.password->constData() : nullptr);
        if (rc != MOSQ_ERR_SUCCESS) {
            *error = QStringLiteral("username/password: %1").arg(describe(rc, options, {}));
            return false;
        }
    }
    if (!options.willTopic.isEmpty()) {
        rc = mosquitto_will_set(handle, options.willTopic.constData(),
                                int(options.willPayload.size()), options.willPayload.constData(),
                                options.willQos, options.willRetain);
        if (rc != MOSQ_ERR_SUCCESS) {
            *error = QStringLiteral("Last Will: %1").arg(describe(rc, options, {}));
            return false;
        }
    }
    if (options.tls) {
        const QByteArray ca = options.caFile.toLocal8Bit();
        const QByteArray cert = options.certFile.toLocal8Bit();
        const QByteArray key = options.keyFile.toLocal8Bit();
        // Without a CA file the system's trust store (OpenSSL's default paths) verifies the
        // broker. mosquitto_tls_set refuses a null CA file and path even then, and it is only
        // needed for a client certificate: that call gets Debian's CA directory, which the
        // default paths load as well.
        if (ca.isEmpty())
            mosquitto_int_option(handle, MOSQ_OPT_TLS_USE_OS_CERTS, 1);
        if (!ca.isEmpty() || !cert.isEmpty())
            rc = mosquitto_tls_set(handle, ca.isEmpty() ? nullptr : ca.constData(),
                                   ca.isEmpty() ? systemCaPath : nullptr,
                                   cert.isEmpty() ? nullptr : cert.constData(),
                                   key.isEmpty() ? nullptr : key.constData(), &noKeyPassword);
        if (rc == MOSQ_ERR_SUCCESS)
            rc = mosquitto_tls_opts_set(handle, 1 /* SSL_VERIFY_PEER */, nullptr, nullptr);
        if (rc == MOSQ_ERR_SUCCESS)
            rc = mosquitto_tls_insecure_set(handle, false); // host name verification stays on
        if (rc != MOSQ_ERR_SUCCESS) {
            *error = QStringLiteral("TLS setup failed (ca_file, cert_file, key_file): %1")
                         .arg(describe(rc, options, {}));
            return false;
        }
    }
    return true;
}

QString MqttLibrary::describe(int rc, const MqttClientOptions &options,
                              const QStringList &libraryErrors, bool beforeConnack)
{
    const int error = errno;
    QString text;
    if (rc == MOSQ_ERR_ERRNO)
        text = QString::fromLocal8Bit(strerror(error));
    else if (rc == MOSQ_ERR_CONN_LOST)
        text = QStringLiteral("connection lost");
    else if (rc == MOSQ_ERR_KEEPALIVE)
        text = QStringLiteral("the broker did not answer within the keepalive time (%1 s)")
                   .arg(options.keepAliveSeconds);
    else
        text = QString::fromUtf8(mosquitto_strerror(rc));
    if (options.tls && !libraryErrors.isEmpty()) {
        const QString details = libraryErrors.join(QStringLiteral("; "));
        if (details.contains(u"host name verification failed"))
            return QStringLiteral("TLS: the broker's certificate is not valid for host '%1' "
                                  "(%2)")
                .arg(options.host, details);
        if (details.contains(u"certificate verify failed"))
            return QStringLiteral("TLS: the broker's certificate is not trusted: not signed by "
                                  "%1, expired or not yet valid (%2)")
                .arg(options.caFile.isEmpty()
                         ? QStringLiteral("a CA the system trusts (no ca_file given)")
                         : QStringLiteral("the CA in ca_file"),
                     details);
        return QStringLiteral("TLS: %1 (%2)").arg(text, details);
    }
    const bool broken = rc == MOSQ_ERR_PROTOCOL || rc == MOSQ_ERR_CONN_LOST ||
                        (rc == MOSQ_ERR_ERRNO && (error == EPROTO || error == ECONNRESET));
    if (options.tls && beforeConnack && broken)
        // With TLS 1.3 the broker may refuse the client's certificate (or its absence) after the
        // handshake looked complete to the client: all it sees is the connection failing.
        return QStringLiteral("TLS: %1 before the broker accepted the connection (the broker "
                              "may require or refuse the client certificate)")
            .arg(text);
    return text;
}

QString MqttLibrary::describeRefusal(int code, int protocolVersion)
{
    const char *why =
        protocolVersion == 5 ? mosquitto_reason_string(code) : mosquitto_connack_string(code);
    const bool credentials =
        protocolVersion == 5 ? (code == 0x86 || code == 0x87) : (code == 4 || code == 5);
    return QStringLiteral("the broker refused the connection: %1%2")
        .arg(QString::fromUtf8(why),
             credentials ? QStringLiteral(" (check the username and the password)") : QString());
}

std::vector<int> MqttLibrary::addressFamilies(const QByteArray &host)
{
    std::vector<int> families;
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo *list = nullptr;
    if (::getaddrinfo(host.constData(), nullptr, &hints, &list) != 0)
        return families;
    for (const addrinfo *a = list; a; a = a->ai_next) {
        if ((a->ai_family == AF_INET || a->ai_family == AF_INET6) &&
            std::find(families.begin(), families.end(), a->ai_family) == families.end())
            families.push_back(a->ai_family);
    }
    ::freeaddrinfo(list);
    return families;
}

} // namespace vigil
