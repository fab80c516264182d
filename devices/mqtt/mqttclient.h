#pragma once

#include "mqttclientoptions.h"
#include "mqttmessage.h"
#include "mqtttakeoverdetector.h"
#include "reconnectbackoff.h"

#include <QElapsedTimer>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPair>
#include <QTimer>

#include <vector>

struct mosquitto;
struct mosquitto_message;
typedef struct mqtt5__property mosquitto_property;
class QSocketNotifier;

namespace vigil
{

// A small Qt-shaped MQTT 3.1.1/5 client around libmosquitto, driven by the thread's event loop:
// socket notifiers on the library's socket (read; write only while it has data queued) and a
// housekeeping timer for keepalive pings, silence detection and the connect timeout. No
// library thread, no polling. Use it from the thread it lives in.
//
// connectToHost() keeps the client connected: after a failure or loss it reconnects with capped
// exponential backoff and jitter, each time with a fresh library handle (so nothing queued on a
// dead connection is ever sent later), and restores the subscriptions. The backoff starts over
// only after a connection that stood; another client taking the session over (same client id)
// is recognised and reported, and backed off like a failed connect.
class MqttClient : public QObject
{
    Q_OBJECT
public:
    enum class State {
        Disconnected,
        Connecting,
        Connected
    };
    Q_ENUM(State)

    explicit MqttClient(MqttClientOptions options, QObject *parent = nullptr);
    ~MqttClient() override;

    State state() const { return m_state; }
    QString lastError() const { return m_lastError; }
    const MqttClientOptions &options() const { return m_options; }
    // Connections re-established after a loss.
    quint64 reconnects() const { return m_reconnects; }
    // The library's socket (-1 when there is none), for diagnostics and tests.
    int socketDescriptor() const;

    void connectToHost();
    // Sends DISCONNECT after what is queued (no Last Will) and stops reconnecting.
    void disconnectFromHost();
    // Drops the connection as on a failure; reconnects after the backoff.
    void abortConnection(const QString &reason);

    // Kept and (re)subscribed on every connection.
    void addSubscription(const QString &filter, int qos);
    // Returns the message id (> 0), or 0 with the reason when not connected or refused. QoS 1/2
    // completion is reported by published().
    int publish(const QByteArray &topic, QByteArrayView payload, int qos, bool retain,
                QString *error = nullptr);

signals:
    void stateChanged(vigil::MqttClient::State state);
    void connected(bool sessionPresent);
    // A connection attempt failed, or an established connection was lost (wasConnected).
    void connectionFailed(const QString &reason, bool wasConnected);
    // Synchronous, from inside the socket read: connect with Qt::DirectConnection only.
    void messageReceived(const vigil::MqttMessage &message);
    // The messages of one socket read have all been delivered (a batch boundary).
    void receiveBatchFinished();
    // A QoS 1/2 publish was acknowledged (reasonCode >= 0x80: refused by an MQTT 5 broker).
    void published(int messageId, int reasonCode);
    void subscribed(const QString &filter);
    void subscriptionFailed(const QString &filter, const QString &reason);

private:
    static void onConnect(mosquitto *, void *self, int rc, int flags, const mosquitto_property *);
    static void onDisconnect(mosquitto *, void *self, int rc, const mosquitto_property *);
    static void onMessage(mosquitto *, void *self, const mosquitto_message *message,
                          const mosquitto_property *);
    static void onPublish(mosquitto *, void *self, int mid, int rc, const mosquitto_property *);
    static void onSubscribe(mosquitto *, void *self, int mid, int count, const int *granted,
                            const mosquitto_property *);
    static void onLog(mosquitto *, void *self, int level, const char *text);

    void startAttempt();
    void readSocket();
    void writeSocket();
    void housekeeping();
    void afterLibraryCall();
    void syncNotifiers();
    void handleLoss(const QString &reason,
                    MqttTakeOverDetector::Loss kind = MqttTakeOverDetector::Loss::Other);
    void releaseHandle();
    void setState(State state);
    QString describe(int rc) const;
    bool connectFailed();

    MqttClientOptions m_options;
    mosquitto *m_mosq = nullptr;
    State m_state = State::Disconnected;
    bool m_wanted = false;
    bool m_everConnected = false;
    quint64 m_reconnects = 0;
    // A broker name with IPv6 and IPv4 addresses: which family this attempt uses (see
    // startAttempt), and whether the attempt failed before the TCP connection stood.
    int m_familyTurn = 0;
    std::vector<int> m_families; // AF_INET6 / AF_INET of the broker's name, preferred first
    bool m_connectionFailed = false;
    QString m_lastError;
    QString m_pendingLoss; // set by library callbacks, handled once the library call returns
    MqttTakeOverDetector::Loss m_pendingLossKind = MqttTakeOverDetector::Loss::Other;
    MqttTakeOverDetector m_takeOver;
    QElapsedTimer m_clock;       // time base of the take-over detector
    QStringList m_libraryErrors; // error lines the library logged during this attempt
    int m_socket = -1;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    QTimer m_housekeeping;
    QTimer m_retry;
    QElapsedTimer m_lastInbound;
    QElapsedTimer m_attemptStarted;
    QList<QPair<QByteArray, int>> m_subscriptions;
    QMap<int, QByteArray> m_pendingSubscriptions; // mid -> filter
    ReconnectBackoff m_backoff;
};

} // namespace vigil
