#pragma once

#include <QObject>
#include <QTimer>

namespace vigil
{
class MqttClient;
struct MqttMessage;
} // namespace vigil

namespace vigil::sim
{

class PlantModel;

// vigil-sim's MQTT front-end, beside the Modbus ones: publishes the unit's measurements as one
// retained JSON document on <base>/state every period, takes commands on <base>/cmd/<name>,
// and keeps a retained online/offline status with a Last Will on <base>/sim/status. Runs on the
// main thread's event loop through MqttClient (reconnects by itself when the broker restarts).
class MqttSimFrontend : public QObject
{
    Q_OBJECT
public:
    MqttSimFrontend(PlantModel &model, QString host, int port, QString baseTopic, int periodMs,
                    QObject *parent = nullptr);
    ~MqttSimFrontend() override;

    void start();
    void stop();
    quint64 published() const { return m_published; }
    quint64 commands() const { return m_commands; }

private:
    void publishState();
    void onMessage(const vigil::MqttMessage &message);

    PlantModel &m_model;
    QString m_base;
    MqttClient *m_client = nullptr;
    QTimer m_period;
    quint64 m_published = 0;
    quint64 m_commands = 0;
};

} // namespace vigil::sim
