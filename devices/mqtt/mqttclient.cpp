#include "mqttclient.h"

#include "mqttlibrary.h"
#include "mqttlog.h"

#include <QSocketNotifier>

#include <mosquitto.h>

#include <poll.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace vigil
{

namespace
{

// Packets handled per read notification before going back to the event loop (the notifier is
// level-triggered, so the rest follows at once; this only bounds the latency for other events).
constexpr int maxPacketsPerWake = 2048;
constexpr int housekeepingMs = 250;
constexpr int sessionTakenOver = 0x8E; // MQTT 5 DISCONNECT reason code

// A connection must stand this long before the backoff starts over; shorter ones lost to the
// broker count towards a take-over. Longer than the longest delay, so that two clients with one
// client id, each waiting up to that delay, still see the pattern.
qint64 stableConnectionMs(const MqttClientOptions &o)
{
    return std::max<qint64>(5'000, 2 * o.reconnectMaxMs);
}

MqttClient *client(void *self)
{
    return static_cast<MqttClient *>(self);
}

} // namespace

MqttClient::MqttClient(MqttClientOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_takeOver(stableConnectionMs(m_options))
    , m_backoff(m_options.reconnectMinMs, m_options.reconnectMaxMs)
{
    MqttLibrary::initialise();
    m_clock.start();
    m_housekeeping.setInterval(housekeepingMs);
    connect(&m_housekeeping, &QTimer::timeout, this, &MqttClient::housekeeping);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &MqttClient::startAttempt);
}

MqttClient::~MqttClient()
{
    releaseHandle();
}

int MqttClient::socketDescriptor() const
{
    return m_mosq ? mosquitto_socket(m_mosq) : -1;
}

void MqttClient::connectToHost()
{
    m_wanted = true;
    if (!m_mosq && !m_retry.isActive())
        startAttempt();
}

void MqttClient::disconnectFromHost()
{
    m_wanted = false;
    m_retry.stop();
    if (m_mosq && m_state == State::Connected) {
        mosquitto_disconnect(m_mosq);
        // Flush what is queued (e.g. a final status message), for at most 200 ms.
        QElapsedTimer flushing;
        flushing.start();
        while (m_mosq && mosquitto_socket(m_mosq) >= 0 && mosquitto_want_write(m_mosq) &&
               flushing.elapsed() < 200) {
            pollfd p{mosquitto_socket(m_mosq), POLLOUT, 0};
            if (::poll(&p, 1, int(200 - flushing.elapsed())) <= 0)
                break;
            if (mosquitto_loop_write(m_mosq, 1) != MOSQ_ERR_SUCCESS)
                break;
        }
    }
    releaseHandle();
    m_pendingLoss.clear();
    m_pendingLossKind = MqttTakeOverDetector::Loss::Other;
    setState(State::Disconnected);
}

void MqttClient::abortConnection(const QString &reason)
{
    if (m_mosq)
        handleLoss(reason);
}

void MqttClient::addSubscription(const QString &filter, int qos)
{
    const QByteArray f = filter.toUtf8();
    m_subscriptions.append({f, qos});
    if (m_state == State::Connected) {
        int mid = 0;
        if (mosquitto_subscribe(m_mosq, &mid, f.constData(), qos) == MOSQ_ERR_SUCCESS)
            m_pendingSubscriptions.insert(mid, f);
        afterLibraryCall();
    }
}

int MqttClient::publish(const QByteArray &topic, QByteArrayView payload, int qos, bool retain,
                        QString *error)
{
    if (m_state != State::Connected) {
        if (error)
            *error = QStringLiteral("not connected to the broker");
        return 0;
    }
    int mid = 0;
    const int rc = mosquitto_publish(m_mosq, &mid, topic.constData(), int(payload.size()),
                                     payload.data(), qos, retain);
    if (rc != MOSQ_ERR_SUCCESS) {
        if (error)
            *error = describe(rc);
        mid = 0;
    }
    afterLibraryCall();
    return mid;
}

void MqttClient::startAttempt()
{
    releaseHandle();
    if (!m_wanted)
        return;
    m_libraryErrors.clear();
    m_pendingLoss.clear();
    m_pendingLossKind = MqttTakeOverDetector::Loss::Other;
    setState(State::Connecting);
    m_mosq = mosquitto_new(m_options.clientId.toUtf8().constData(), m_options.cleanSession, this);
    QString error;
    if (!m_mosq) {
        handleLoss(QStringLiteral("cannot create an MQTT client: %1").arg(strerror(errno)));
        return;
    }
    mosquitto_connect_v5_callback_set(m_mosq, &MqttClient::onConnect);
    mosquitto_disconnect_v5_callback_set(m_mosq, &MqttClient::onDisconnect);
    mosquitto_message_v5_callback_set(m_mosq, &MqttClient::onMessage);
    mosquitto_publish_v5_callback_set(m_mosq, &MqttClient::onPublish);
    mosquitto_subscribe_v5_callback_set(m_mosq, &MqttClient::onSubscribe);
    mosquitto_log_callback_set(m_mosq, &MqttClient::onLog);
    if (!MqttLibrary::configure(m_mosq, m_options, &error)) {
        handleLoss(error);
        return;
    }
    m_attemptStarted.start();
    // The name is looked up again (the library looks it up for the connect anyway) only at the
    // first attempt and after one that failed to connect: addresses may have changed then.
    if (m_families.empty() || m_connectionFailed)
        m_families = MqttLibrary::addressFamilies(m_options.host.toUtf8());
    m_connectionFailed = false;
    // Non-blocking TCP connect (completion is seen by the write notifier); only the host name
    // lookups block, so brokers are best named by address or through a local resolver.
    // libmosquitto keeps the first address whose non-blocking connect starts: for a name with
    // IPv6 and IPv4 addresses (Debian's "localhost": ::1 first) a broker listening on one family
    // only would stay out of reach. Such an attempt binds to one family's wildcard address, and
    // a connection that fails tries the other family at once (handleLoss).
    const QByteArray host = m_options.host.toUtf8();
    const char *bindTo = nullptr;
    if (m_families.size() > 1)
        bindTo = m_families[std::size_t(m_familyTurn % 2)] == AF_INET6 ? "::" : "0.0.0.0";
    errno = 0;
    const int rc = mosquitto_connect_bind_async(m_mosq, host.constData(), m_options.port,
                                                m_options.keepAliveSeconds, bindTo);
    if (rc != MOSQ_ERR_SUCCESS) {
        m_connectionFailed = rc == MOSQ_ERR_ERRNO;
        handleLoss(describe(rc));
        return;
    }
    m_housekeeping.start();
    afterLibraryCall();
}

// A non-blocking connect that failed (refused, unreachable) leaves its error on the socket, or
// (some kernels, once the error was read) a hung-up socket; while TLS waits for its handshake
// the library does not notice either, and the level-triggered notifier would spin.
bool MqttClient::connectFailed()
{
    const int fd = m_mosq ? mosquitto_socket(m_mosq) : -1;
    if (m_state != State::Connecting || fd < 0)
        return false;
    pollfd p{fd, 0, 0}; // POLLHUP and POLLERR are always reported
    if (::poll(&p, 1, 0) <= 0 || !(p.revents & (POLLHUP | POLLERR)))
        return false;
    // Data first: a TLS alert before the reset says more than the reset; the library reads it.
    char byte = 0;
    const ssize_t n = ::recv(fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    const int error = n < 0 ? errno : 0;
    if (n > 0 || (n < 0 && (error == EAGAIN || error == EWOULDBLOCK || error == EINTR)))
        return false;
    m_connectionFailed = true;
    m_pendingLoss = error != 0 ? QString::fromLocal8Bit(std::strerror(error))
                               : QStringLiteral("the connection closed before the broker answered");
    afterLibraryCall();
    return true;
}

void MqttClient::readSocket()
{
    if (!m_mosq || connectFailed())
        return;
    m_lastInbound.start();
    for (int i = 0; i < maxPacketsPerWake && m_pendingLoss.isEmpty(); ++i) {
        errno = 0;
        const int rc = mosquitto_loop_read(m_mosq, 1);
        if (rc != MOSQ_ERR_SUCCESS) {
            if (m_pendingLoss.isEmpty()) {
                m_pendingLoss = describe(rc);
                if (rc == MOSQ_ERR_CONN_LOST)
                    m_pendingLossKind = MqttTakeOverDetector::Loss::ClosedByBroker;
            }
            break;
        }
        if (errno == EAGAIN || errno == EWOULDBLOCK || mosquitto_socket(m_mosq) < 0)
            break;
    }
    emit receiveBatchFinished();
    afterLibraryCall();
}

void MqttClient::writeSocket()
{
    if (!m_mosq || connectFailed())
        return;
    const int rc = mosquitto_loop_write(m_mosq, 1);
    if (rc != MOSQ_ERR_SUCCESS && m_pendingLoss.isEmpty())
        m_pendingLoss = describe(rc);
    afterLibraryCall();
}

void MqttClient::housekeeping()
{
    if (!m_mosq)
        return;
    if (m_state == State::Connecting) {
        if (m_attemptStarted.elapsed() > m_options.connectTimeoutMs) {
            m_connectionFailed = true;
            m_pendingLoss = QStringLiteral("no answer from %1:%2 within %3 s")
                                .arg(m_options.host)
                                .arg(m_options.port)
                                .arg(m_options.connectTimeoutMs / 1000.0);
        }
    } else if (m_state == State::Connected) {
        mosquitto_loop_misc(m_mosq); // sends PINGREQ when idle
        const qint64 silence = m_options.silenceTimeoutMs > 0 ? m_options.silenceTimeoutMs
                                                              : 2000LL * m_options.keepAliveSeconds;
        if (m_lastInbound.elapsed() > silence && m_pendingLoss.isEmpty())
            m_pendingLoss = QStringLiteral("the broker did not answer within the keepalive time "
                                           "(%1 s)")
                                .arg(silence / 1000.0);
    }
    afterLibraryCall();
}

void MqttClient::afterLibraryCall()
{
    if (!m_pendingLoss.isEmpty()) {
        const QString reason = std::exchange(m_pendingLoss, QString());
        handleLoss(reason, std::exchange(m_pendingLossKind, MqttTakeOverDetector::Loss::Other));
        return;
    }
    syncNotifiers();
}

void MqttClient::syncNotifiers()
{
    const int fd = m_mosq ? mosquitto_socket(m_mosq) : -1;
    if (fd != m_socket) {
        for (QSocketNotifier *n : {m_readNotifier, m_writeNotifier}) {
            if (n) {
                n->setEnabled(false);
                n->deleteLater();
            }
        }
        m_readNotifier = m_writeNotifier = nullptr;
        m_socket = fd;
        if (fd >= 0) {
            m_readNotifier = new QSocketNotifier(fd, QSocketNotifier::Read, this);
            connect(m_readNotifier, &QSocketNotifier::activated, this, &MqttClient::readSocket);
            m_writeNotifier = new QSocketNotifier(fd, QSocketNotifier::Write, this);
            connect(m_writeNotifier, &QSocketNotifier::activated, this, &MqttClient::writeSocket);
        }
    }
    if (m_writeNotifier)
        m_writeNotifier->setEnabled(mosquitto_want_write(m_mosq));
}

void MqttClient::handleLoss(const QString &why, MqttTakeOverDetector::Loss kind)
{
    const bool wasConnected = m_state == State::Connected;
    releaseHandle();
    QString reason = why;
    if (wasConnected) {
        const MqttTakeOverDetector::Verdict verdict = m_takeOver.lost(kind, m_clock.elapsed());
        if (verdict.takenOver)
            reason = MqttTakeOverDetector::describe(m_options.clientId, verdict);
        if (verdict.resetBackoff)
            m_backoff.reset();
    } else {
        m_takeOver.attemptFailed();
    }
    m_lastError = reason;
    const QString broker = QStringLiteral("%1:%2").arg(m_options.host).arg(m_options.port);
    if (wasConnected)
        qCWarning(lcMqtt).noquote() << "connection to" << broker << "lost:" << reason;
    else
        qCInfo(lcMqtt).noquote() << "cannot connect to" << broker << "-" << reason;
    setState(State::Disconnected);
    emit connectionFailed(reason, wasConnected);
    // A name with both address families: the next attempt uses the other one, at once when it
    // has not been tried in this round.
    bool now = false;
    if (!wasConnected && m_connectionFailed && m_families.size() > 1) {
        ++m_familyTurn;
        now = m_familyTurn % 2 == 1;
    }
    if (m_wanted && !m_retry.isActive())
        m_retry.start(now ? 0 : int(m_backoff.next()));
}

void MqttClient::releaseHandle()
{
    m_housekeeping.stop();
    for (QSocketNotifier *n : {m_readNotifier, m_writeNotifier}) {
        if (n) {
            n->setEnabled(false);
            n->deleteLater();
        }
    }
    m_readNotifier = m_writeNotifier = nullptr;
    m_socket = -1;
    m_pendingSubscriptions.clear();
    if (m_mosq) {
        mosquitto *handle = std::exchange(m_mosq, nullptr);
        mosquitto_destroy(handle); // drops whatever was still queued
    }
}

void MqttClient::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

QString MqttClient::describe(int rc) const
{
    return MqttLibrary::describe(rc, m_options, m_libraryErrors, m_state != State::Connected);
}

void MqttClient::onConnect(mosquitto *, void *self, int rc, int flags, const mosquitto_property *)
{
    MqttClient *c = client(self);
    if (rc != 0) {
        c->m_pendingLoss = MqttLibrary::describeRefusal(rc, c->m_options.protocolVersion);
        return;
    }
    c->m_takeOver.connected(c->m_clock.elapsed());
    c->m_lastInbound.start();
    if (c->m_everConnected)
        ++c->m_reconnects;
    c->m_everConnected = true;
    qCInfo(lcMqtt).noquote() << "connected to" << c->m_options.host << "port" << c->m_options.port
                             << "as" << c->m_options.clientId;
    // The library formats a log line for every packet once a log callback is set; only the
    // connection phase's errors (TLS details) are wanted.
    mosquitto_log_callback_set(c->m_mosq, nullptr);
    c->setState(State::Connected);
    for (const auto &[filter, qos] : std::as_const(c->m_subscriptions)) {
        int mid = 0;
        if (mosquitto_subscribe(c->m_mosq, &mid, filter.constData(), qos) == MOSQ_ERR_SUCCESS)
            c->m_pendingSubscriptions.insert(mid, filter);
    }
    emit c->connected(flags & 1);
}

void MqttClient::onDisconnect(mosquitto *, void *self, int rc, const mosquitto_property *)
{
    MqttClient *c = client(self);
    if (!c->m_pendingLoss.isEmpty())
        return;
    if (rc >= 0x80) // an MQTT 5 broker's DISCONNECT reason code
        c->m_pendingLoss = QStringLiteral("the broker disconnected us: %1")
                               .arg(QString::fromUtf8(mosquitto_reason_string(rc)));
    else
        c->m_pendingLoss = rc == 0 ? QStringLiteral("disconnected") : c->describe(rc);
    if (rc == sessionTakenOver)
        c->m_pendingLossKind = MqttTakeOverDetector::Loss::TakenOver;
    else if (rc == MOSQ_ERR_CONN_LOST)
        c->m_pendingLossKind = MqttTakeOverDetector::Loss::ClosedByBroker;
}

void MqttClient::onMessage(mosquitto *, void *self, const mosquitto_message *m,
                           const mosquitto_property *)
{
    const int savedErrno = errno; // the read loop relies on errno after the library call
    MqttMessage message{QByteArrayView(m->topic, qsizetype(std::strlen(m->topic))),
                        QByteArrayView(static_cast<const char *>(m->payload), m->payloadlen),
                        m->qos, m->retain};
    emit client(self)->messageReceived(message);
    errno = savedErrno;
}

void MqttClient::onPublish(mosquitto *, void *self, int mid, int rc, const mosquitto_property *)
{
    emit client(self)->published(mid, rc);
}

void MqttClient::onSubscribe(mosquitto *, void *self, int mid, int count, const int *granted,
                             const mosquitto_property *)
{
    MqttClient *c = client(self);
    const QString filter = QString::fromUtf8(c->m_pendingSubscriptions.take(mid));
    for (int i = 0; i < count; ++i) {
        if (granted[i] >= 0x80) {
            emit c->subscriptionFailed(
                filter, granted[i] == 0x80
                            ? QStringLiteral("refused by the broker")
                            : QString::fromUtf8(mosquitto_reason_string(granted[i])));
            return;
        }
    }
    emit c->subscribed(filter);
}

void MqttClient::onLog(mosquitto *, void *self, int level, const char *text)
{
    if (level & (MOSQ_LOG_ERR | MOSQ_LOG_WARNING)) {
        QString line = QString::fromUtf8(text);
        if (line.startsWith(u"Error: "))
            line = line.mid(7);
        QStringList &errors = client(self)->m_libraryErrors;
        if (!errors.contains(line) && errors.size() < 8)
            errors.append(line);
        qCDebug(lcMqtt).noquote() << "libmosquitto:" << line;
    }
}

} // namespace vigil
