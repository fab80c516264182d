#include "mqttsimfrontend.h"

#include "mqtt/mqttclient.h"
#include "mqttstatepayload.h"
#include "plantmodel.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QTextStream>

namespace vigil::sim
{

MqttSimFrontend::MqttSimFrontend(PlantModel &model, QString host, int port, QString baseTopic,
                                 int periodMs, QObject *parent)
    : QObject(parent)
    , m_model(model)
    , m_base(std::move(baseTopic))
{
    MqttClientOptions o;
    o.host = std::move(host);
    o.port = port;
    o.clientId = QStringLiteral("vigil-sim-%1").arg(QCoreApplication::applicationPid());
    o.keepAliveSeconds = 10;
    o.reconnectMinMs = 250;
    o.reconnectMaxMs = 5000;
    o.willTopic = (m_base + QStringLiteral("/sim/status")).toUtf8();
    o.willPayload = "offline";
    m_client = new MqttClient(o, this);
    m_client->addSubscription(m_base + QStringLiteral("/cmd/+"), 1);
    connect(m_client, &MqttClient::messageReceived, this, &MqttSimFrontend::onMessage,
            Qt::DirectConnection);
    connect(m_client, &MqttClient::connected, this, [this] {
        m_client->publish(m_client->options().willTopic, "online", 1, true);
        QTextStream(stdout) << "vigil-sim: mqtt connected to " << m_client->options().host << ":"
                            << m_client->options().port << Qt::endl;
        publishState();
    });
    connect(m_client, &MqttClient::connectionFailed, this,
            [](const QString &reason, bool wasConnected) {
                if (wasConnected)
                    QTextStream(stderr)
                        << "vigil-sim: mqtt connection lost: " << reason << Qt::endl;
            });
    m_period.setInterval(periodMs);
    connect(&m_period, &QTimer::timeout, this, &MqttSimFrontend::publishState);
}

MqttSimFrontend::~MqttSimFrontend() = default;

void MqttSimFrontend::start()
{
    m_client->connectToHost();
    m_period.start();
}

void MqttSimFrontend::stop()
{
    m_period.stop();
    if (m_client->state() == MqttClient::State::Connected)
        m_client->publish(m_client->options().willTopic, "offline", 1, true);
    m_client->disconnectFromHost();
}

void MqttSimFrontend::publishState()
{
    if (m_client->state() != MqttClient::State::Connected)
        return;
    const QByteArray payload =
        MqttStatePayload::encode(m_model.state(), QDateTime::currentMSecsSinceEpoch());
    if (m_client->publish((m_base + QStringLiteral("/state")).toUtf8(), payload, 0, true) > 0)
        ++m_published;
}

void MqttSimFrontend::onMessage(const MqttMessage &message)
{
    const QString topic = QString::fromUtf8(message.topic);
    const QString prefix = m_base + QStringLiteral("/cmd/");
    if (!topic.startsWith(prefix) || message.retained)
        return; // retained commands are stale by definition
    PlantCommands commands = m_model.commands();
    const QString error = MqttStatePayload::applyCommand(topic.mid(prefix.size()),
                                                         message.payload.toByteArray(), commands);
    if (!error.isEmpty()) {
        QTextStream(stderr) << "vigil-sim: mqtt command on " << topic << " ignored: " << error
                            << Qt::endl;
        return;
    }
    m_model.setCommands(commands);
    ++m_commands;
    // Publish the effect at once rather than at the next period (read-back is quick).
    QMetaObject::invokeMethod(this, &MqttSimFrontend::publishState, Qt::QueuedConnection);
}

} // namespace vigil::sim
