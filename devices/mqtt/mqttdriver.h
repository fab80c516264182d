#pragma once

#include "driver.h"
#include "mqttclient.h"
#include "mqttdevicesettings.h"
#include "mqttmessagerouter.h"
#include "mqttrejectlog.h"

#include <QTimer>

#include <map>

namespace vigil
{

// The "mqtt" driver: subscribes to the tags' topics on a broker and turns messages into samples
// (one batch per socket read), publishes commands for writable tags (QoS 1, never retained,
// completed on the broker's PUBACK), and keeps a retained online/offline status with a Last Will.
// Broker loss turns every tag Bad/CommError; reconnection restores the subscriptions.
class MqttDriver final : public Driver
{
    Q_OBJECT
public:
    explicit MqttDriver(DriverContext context);
    ~MqttDriver() override;

    QStringList configurationWarnings() const override;
    const MqttDeviceSettings &settings() const { return m_settings; }
    // The client (driver thread only; null before start). For tests and diagnostics.
    MqttClient *client() const { return m_client; }

protected:
    void onStart() override;
    void onStop() override;
    void onWrite(quint64 id, quint32 tag, const RawValue &raw) override;

private:
    struct PendingWrite {
        quint64 id;
        quint32 tag;
    };

    MqttClientOptions clientOptions(const QByteArray &password) const;
    void onMessage(const MqttMessage &message);
    void flushBatch();
    void onConnected();
    void onConnectionFailed(const QString &reason, bool wasConnected);
    void onPublished(int mid, int reasonCode);
    void onSubscriptionFailed(const QString &filter, const QString &reason);
    void onWriteTimeout(int mid, quint64 id);
    void checkStale();
    void failInflightWrites(const QString &reason);
    void markBad(Quality quality);

    MqttDeviceSettings m_settings;
    MqttMessageRouter m_router;
    MqttRejectLog m_rejectLog;
    MqttClient *m_client = nullptr;
    QTimer m_staleTimer;
    SampleBatch m_batch;
    std::map<int, PendingWrite> m_inflight; // message id -> write
    QStringList m_subscriptionErrors;
    bool m_tagsBad = false;
    // Counted on the receive path, moved into the statistics once per batch.
    quint64 m_messagesIn = 0;
    qint64 m_batchNowMs = 0;
    quint64 m_rejected = 0;
    std::array<quint64, mqttRejectCount> m_rejectsByReason{};
    QString m_lastReject;
};

} // namespace vigil
