#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace vigil
{

// How MqttClient connects: broker, session, credentials, TLS, Last Will and reconnect policy.
struct MqttClientOptions {
    QString host = QStringLiteral("127.0.0.1");
    int port = 1883;
    QString clientId;
    int protocolVersion = 5; // 4: MQTT 3.1.1, 5: MQTT 5
    // Negotiated with the broker; the library pings when the link is idle this long.
    int keepAliveSeconds = 10;
    // Nothing received for this long (pings are answered, so a live broker never stays silent)
    // means the connection is dead. 0: twice the keepalive.
    qint64 silenceTimeoutMs = 0;
    qint64 connectTimeoutMs = 10'000;
    bool cleanSession = true;
    QString username;
    std::optional<QByteArray> password;
    // TLS: the broker's certificate is always verified, hostname included. Without a CA file the
    // system's trusted certificates are used.
    bool tls = false;
    QString caFile;
    QString certFile;
    QString keyFile;
    // Last Will, published by the broker if the connection drops without a DISCONNECT.
    QByteArray willTopic;
    QByteArray willPayload;
    int willQos = 1;
    bool willRetain = true;
    // Reconnect delay (ReconnectBackoff): doubles from min to max after each failed attempt,
    // with jitter.
    qint64 reconnectMinMs = 500;
    qint64 reconnectMaxMs = 30'000;
};

} // namespace vigil
