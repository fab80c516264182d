#include "mqttdriver.h"

#include "config/diagnostics.h"
#include "mqttcommandencoder.h"
#include "mqttlog.h"
#include "util/clock.h"

namespace vigil
{

MqttDriver::MqttDriver(DriverContext context)
    : Driver(std::move(context))
    , m_settings(MqttDeviceSettings::fromDevice(device(), deploymentSettings().brokerUrl()))
    , m_router(m_settings.maxPayloadBytes)
    , m_rejectLog(deviceId())
{
    for (quint32 t : tagIndices()) {
        Diagnostics ignored; // validated at load
        if (std::optional<MqttTagMapping> mapping = MqttTagMapping::read(tags().at(t), ignored))
            m_router.addTag(t, tags().at(t).type, std::move(*mapping));
        else
            qCWarning(lcMqtt) << "tag" << tags().at(t).id << "has no usable MQTT mapping";
    }
    m_staleTimer.setParent(this);
    connect(&m_staleTimer, &QTimer::timeout, this, &MqttDriver::checkStale);
}

MqttDriver::~MqttDriver() = default;

QStringList MqttDriver::configurationWarnings() const
{
    QStringList warnings;
    if (m_settings.isInsecure())
        warnings.append(m_settings.insecureWarning());
    if (const QString w = m_settings.passwordFileWarning(); !w.isEmpty())
        warnings.append(w);
    return warnings;
}

MqttClientOptions MqttDriver::clientOptions(const QByteArray &password) const
{
    MqttClientOptions o;
    o.host = m_settings.host;
    o.port = m_settings.port;
    o.clientId = m_settings.clientId;
    o.protocolVersion = m_settings.protocolVersion;
    // The library pings after half the keepalive of silence; no answer within the whole
    // keepalive means the broker is gone: the tags turn bad within the keepalive window.
    o.keepAliveSeconds = int(std::max<qint64>(5, m_settings.keepAliveMs / 2000));
    o.silenceTimeoutMs = m_settings.keepAliveMs;
    o.connectTimeoutMs = m_settings.keepAliveMs;
    o.cleanSession = m_settings.cleanSession;
    o.username = m_settings.username;
    if (!m_settings.passwordFile.isEmpty() || !m_settings.passwordEnv.isEmpty())
        o.password = password;
    o.tls = m_settings.tls;
    o.caFile = m_settings.caFile;
    o.certFile = m_settings.certFile;
    o.keyFile = m_settings.keyFile;
    o.willTopic = m_settings.statusTopic.toUtf8();
    o.willPayload = QByteArrayLiteral("offline");
    o.willQos = 1;
    o.willRetain = true;
    o.reconnectMinMs = m_settings.reconnectMinMs;
    o.reconnectMaxMs = m_settings.reconnectMaxMs;
    return o;
}

void MqttDriver::onStart()
{
    QString error;
    if (m_settings.host.isEmpty())
        error = QStringLiteral("no usable broker URL (broker or the deployment broker_url)");
    if (const QString w = m_settings.passwordFileWarning(); !w.isEmpty())
        qCWarning(lcMqtt).noquote() << "device" << deviceId() << "-" << w;
    const std::optional<QByteArray> password =
        error.isEmpty() ? m_settings.readPassword(&error) : std::nullopt;
    if (!password) {
        updateStatistics([&](DriverStatistics &s) {
            s.recordError(m_settings.host.isEmpty() ? QStringLiteral("configuration")
                                                    : QStringLiteral("credentials"),
                          error, clock().nowMs());
        });
        markAllTags(Quality::ConfigError);
        setStatus(DriverState::Disconnected, error);
        return;
    }
    if (!m_client) {
        m_client = new MqttClient(clientOptions(*password), this);
        connect(m_client, &MqttClient::messageReceived, this, &MqttDriver::onMessage,
                Qt::DirectConnection);
        connect(m_client, &MqttClient::receiveBatchFinished, this, &MqttDriver::flushBatch);
        connect(m_client, &MqttClient::connected, this, &MqttDriver::onConnected);
        connect(m_client, &MqttClient::connectionFailed, this, &MqttDriver::onConnectionFailed);
        connect(m_client, &MqttClient::published, this, &MqttDriver::onPublished);
        connect(m_client, &MqttClient::subscriptionFailed, this, &MqttDriver::onSubscriptionFailed);
        const QList<QPair<QString, int>> subscriptions =
            m_settings.subscriptions.isEmpty() ? m_router.topicFilters() : m_settings.subscriptions;
        for (const auto &[filter, qos] : subscriptions)
            m_client->addSubscription(filter, qos);
    }
    if (const qint64 stale = m_router.shortestStaleAfterMs(); stale > 0)
        m_staleTimer.start(int(std::clamp<qint64>(stale / 4, 50, 1000)));
    qCInfo(lcMqtt).noquote() << "device" << deviceId() << "connecting to"
                             << QStringLiteral("%1://%2:%3")
                                    .arg(m_settings.tls ? u"mqtts" : u"mqtt", m_settings.host)
                                    .arg(m_settings.port);
    m_client->connectToHost();
}

void MqttDriver::onStop()
{
    m_staleTimer.stop();
    if (m_client) {
        if (m_client->state() == MqttClient::State::Connected &&
            m_client->publish(m_settings.statusTopic.toUtf8(), "offline", 1, true) > 0)
            updateStatistics([](DriverStatistics &s) { ++s.messagesOut; });
        m_client->disconnectFromHost();
    }
    failInflightWrites(QStringLiteral("device '%1' stopped before the broker acknowledged the "
                                      "command")
                           .arg(deviceId()));
    flushBatch();
}

void MqttDriver::onMessage(const MqttMessage &message)
{
    if (m_messagesIn++ == 0)
        m_batchNowMs = clock().nowMs(); // one receive time per socket read
    const std::string_view topic(message.topic.data(), size_t(message.topic.size()));
    const qint64 now = m_batchNowMs;
    const MqttMessageRouter::Outcome outcome = m_router.route(topic, message.payload, now, m_batch);
    if (outcome.rejection) {
        const MqttMessageRouter::Rejection &r = *outcome.rejection;
        ++m_rejected;
        ++m_rejectsByReason[size_t(r.reason)];
        const QString topicText = QString::fromUtf8(message.topic);
        if (m_rejectLog.report(topicText, r.reason, r.detail, now) || m_lastReject.isEmpty())
            m_lastReject =
                QStringLiteral("%1 on '%2' (tag %3): %4")
                    .arg(mqttRejectName(r.reason), topicText, tags().at(r.tag).id, r.detail);
    }
    if (outcome.samples > 0)
        m_tagsBad = false;
}

void MqttDriver::flushBatch()
{
    if (m_messagesIn == 0 && m_batch.isEmpty())
        return;
    updateStatistics([&](DriverStatistics &s) {
        s.messagesIn += m_messagesIn;
        if (m_rejected > 0) {
            s.rejected += m_rejected;
            for (int i = 0; i < mqttRejectCount; ++i) {
                if (m_rejectsByReason[size_t(i)] > 0)
                    s.errorsByKind[mqttRejectName(MqttReject(i))] += m_rejectsByReason[size_t(i)];
            }
            s.lastError = QStringLiteral("rejected %1").arg(m_lastReject);
            s.lastErrorMs = clock().nowMs();
        }
    });
    m_messagesIn = 0;
    m_rejected = 0;
    m_rejectsByReason.fill(0);
    m_lastReject.clear();
    publish(m_batch);
    m_batch.clear();
}

void MqttDriver::onConnected()
{
    m_subscriptionErrors.clear();
    if (m_client->publish(m_settings.statusTopic.toUtf8(), "online", 1, true) > 0)
        updateStatistics([](DriverStatistics &s) { ++s.messagesOut; });
    const quint64 reconnects = m_client->reconnects();
    updateStatistics([&](DriverStatistics &s) { s.reconnects = reconnects; });
    setStatus(DriverState::Connected);
}

void MqttDriver::onConnectionFailed(const QString &why, bool wasConnected)
{
    const QString reason =
        QStringLiteral("broker %1:%2: %3").arg(m_settings.host).arg(m_settings.port).arg(why);
    flushBatch();
    const QString kind =
        reason.contains(u"another client uses client id") ? QStringLiteral("client id taken over")
        : reason.contains(u"refused the connection")      ? QStringLiteral("refused")
        : (reason.contains(u"TLS") || reason.contains(u"certificate")) ? QStringLiteral("tls")
        : wasConnected ? QStringLiteral("connection lost")
                       : QStringLiteral("connect");
    updateStatistics([&](DriverStatistics &s) { s.recordError(kind, reason, clock().nowMs()); });
    failInflightWrites(QStringLiteral("connection to the broker lost before it acknowledged the "
                                      "command (%1); it may or may not have been delivered")
                           .arg(reason));
    markBad(Quality::CommError);
    setStatus(DriverState::Disconnected, reason);
}

void MqttDriver::markBad(Quality quality)
{
    m_router.invalidateAll();
    if (m_tagsBad)
        return;
    m_tagsBad = true;
    markAllTags(quality);
}

void MqttDriver::onSubscriptionFailed(const QString &filter, const QString &reason)
{
    m_subscriptionErrors.append(QStringLiteral("subscription '%1' %2").arg(filter, reason));
    updateStatistics([&](DriverStatistics &s) {
        s.recordError(QStringLiteral("subscribe"), m_subscriptionErrors.last(), clock().nowMs());
    });
    setStatus(DriverState::Degraded, m_subscriptionErrors.join(QStringLiteral("; ")));
}

void MqttDriver::onWrite(quint64 id, quint32 tag, const RawValue &raw)
{
    const MqttTagMapping *mapping = m_router.mapping(tag);
    const TagDefinition &def = tags().at(tag);
    if (!mapping || mapping->commandTopic.isEmpty()) {
        completeWrite(id, false, QStringLiteral("tag '%1' has no command_topic").arg(def.id));
        return;
    }
    if (!m_client || m_client->state() != MqttClient::State::Connected) {
        const QString why = m_client && !m_client->lastError().isEmpty()
                                ? m_client->lastError()
                                : QStringLiteral("not connected");
        completeWrite(id, false,
                      QStringLiteral("device '%1' is not connected to the broker (%2): command "
                                     "to '%3' not sent")
                          .arg(deviceId(), why, def.id));
        return;
    }
    const QByteArray payload =
        MqttCommandEncoder::encode(*mapping, def.type, raw, def.id, clock().nowMs());
    QString error;
    const int mid = m_client->publish(mapping->commandTopic.toUtf8(), payload, 1, false, &error);
    if (mid <= 0) {
        completeWrite(id, false, QStringLiteral("command to '%1' not sent: %2").arg(def.id, error));
        return;
    }
    updateStatistics([](DriverStatistics &s) { ++s.messagesOut; });
    m_inflight[mid] = PendingWrite{id, tag};
    QTimer::singleShot(int(m_settings.writeTimeoutMs), this,
                       [this, mid, id] { onWriteTimeout(mid, id); });
}

void MqttDriver::onPublished(int mid, int reasonCode)
{
    const auto it = m_inflight.find(mid);
    if (it == m_inflight.end())
        return;
    const PendingWrite w = it->second;
    m_inflight.erase(it);
    if (reasonCode >= 0x80)
        completeWrite(w.id, false,
                      QStringLiteral("the broker refused the command to '%1' (reason code 0x%2)")
                          .arg(tags().at(w.tag).id)
                          .arg(reasonCode, 2, 16, QLatin1Char('0')));
    else
        completeWrite(w.id, true);
}

void MqttDriver::onWriteTimeout(int mid, quint64 id)
{
    const auto it = m_inflight.find(mid);
    if (it == m_inflight.end() || it->second.id != id)
        return;
    m_inflight.erase(it);
    const QString reason = QStringLiteral("no acknowledgement (PUBACK) from the broker within %1 s")
                               .arg(double(m_settings.writeTimeoutMs) / 1000.0);
    completeWrite(id, false, reason);
    // Never let the unacknowledged command go out later: drop the connection and its queue.
    if (m_client)
        m_client->abortConnection(reason);
}

void MqttDriver::failInflightWrites(const QString &reason)
{
    const std::map<int, PendingWrite> inflight = std::exchange(m_inflight, {});
    for (const auto &[mid, w] : inflight)
        completeWrite(w.id, false, reason);
}

void MqttDriver::checkStale()
{
    if (!m_client || m_client->state() != MqttClient::State::Connected)
        return;
    SampleBatch stale;
    m_router.collectStale(clock().nowMs(), stale);
    publish(stale);
}

} // namespace vigil
