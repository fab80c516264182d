#pragma once

#include "mqttclientoptions.h"

#include <QStringList>

#include <vector>

struct mosquitto;

namespace vigil
{

// libmosquitto housekeeping for MqttClient: one-time library initialisation, applying the
// connection options (protocol, credentials, Last Will, TLS with verification) to a fresh
// handle, and turning library error codes into sentences for operators.
class MqttLibrary
{
public:
    static void initialise();
    // Returns false with the reason if an option was refused (e.g. an unreadable CA file).
    static bool configure(mosquitto *handle, const MqttClientOptions &options, QString *error);
    // rc is a MOSQ_ERR_* code; libraryErrors are the error lines the library logged meanwhile
    // (OpenSSL details), used to say what was wrong with a TLS handshake.
    // beforeConnack: the failure came before the broker accepted the connection.
    static QString describe(int rc, const MqttClientOptions &options,
                            const QStringList &libraryErrors, bool beforeConnack = false);
    // The broker's CONNACK refusal (an MQTT 3.1.1 return code or an MQTT 5 reason code).
    static QString describeRefusal(int code, int protocolVersion);
    // The address families (AF_INET6, AF_INET) a broker name resolves to, in the resolver's
    // order of preference; empty if it does not resolve.
    static std::vector<int> addressFamilies(const QByteArray &host);
};

} // namespace vigil
