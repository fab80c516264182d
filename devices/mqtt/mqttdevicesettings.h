#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace vigil
{

class ConfigReader;
class Diagnostics;
struct DeviceConfig;

// The settings of one "mqtt" device (keys of its [[devices]] table):
//   broker = "mqtts://host:8883"   default: the deployment setting broker_url (VIGIL_BROKER_URL)
//   client_id, mqtt_version ("3.1.1" | "5"), keepalive ("10s".."18h"), clean_session,
//   username, password_file | password_env (never inline),
//   ca_file, cert_file, key_file (TLS, mqtts:// only; hostname verification is always on),
//   allow_insecure (plain MQTT to a non-loopback host), max_payload_bytes,
//   subscriptions = ["plant/#", { topic = "x/+", qos = 0 }] (default: the tags' topics),
//   status_topic (retained online/offline with a Last Will), reconnect_min, reconnect_max,
//   write_timeout (how long a command waits for the broker's PUBACK).
struct MqttDeviceSettings {
    QString deviceId;
    QString brokerUrl; // empty: use the deployment broker_url
    QString host;
    int port = 0;
    bool tls = false;
    QString clientId;
    int protocolVersion = 5; // 4 = MQTT 3.1.1
    qint64 keepAliveMs = 15'000;
    bool cleanSession = true;
    QString username;
    QString passwordFile;
    QString passwordEnv;
    QString caFile;
    QString certFile;
    QString keyFile;
    bool allowInsecure = false;
    qsizetype maxPayloadBytes = 256 * 1024;
    QList<QPair<QString, int>> subscriptions; // explicit; empty: derived from the tags
    QString statusTopic;
    qint64 reconnectMinMs = 500;
    qint64 reconnectMaxMs = 30'000;
    qint64 writeTimeoutMs = 5'000;

    // Reads (and checks, reporting to the reader's diagnostics) the driver's keys of a device.
    // Does not call finish(): the plant loader reports the device's unknown keys.
    static MqttDeviceSettings read(ConfigReader &device);
    // Reads a validated device's settings, taking the broker from the deployment when unset.
    static MqttDeviceSettings fromDevice(const DeviceConfig &device,
                                         const QString &deploymentBrokerUrl);

    // Splits an mqtt:// or mqtts:// URL into host, port and TLS. Returns an error or "".
    QString setBroker(const QString &url);
    // Checks the (possibly deployment-given) broker against TLS options and allow_insecure.
    // `where` locates the message; errors and the allow_insecure warning go to diagnostics.
    void checkTransport(const DeviceConfig &device, const QString &origin,
                        Diagnostics &diagnostics) const;
    // vigil-<host name>-<device id>; the machine id stands in for a missing or "localhost"
    // host name, the process id for both.
    static QString defaultClientId(const QString &deviceId, const QString &hostName,
                                   const QByteArray &machineId);
    // Non-empty when password_file can be read by other users than its owner.
    QString passwordFileWarning() const;
    // Shown on the Devices page when plain MQTT to a non-loopback host is allowed.
    QString insecureWarning() const;
    bool isInsecure() const { return !tls && !isLoopback(host); }
    static bool isLoopback(const QString &host);

    // The password from password_file or password_env; nullopt with the reason on failure.
    std::optional<QByteArray> readPassword(QString *error) const;
};

} // namespace vigil
