#include "mqttdriverfactory.h"

#include "config/configreader.h"
#include "config/deploymentsettings.h"
#include "config/diagnostics.h"
#include "mqttdevicesettings.h"
#include "mqttdriver.h"
#include "mqtttagmapping.h"
#include "mqtttopic.h"

namespace vigil
{

QString MqttDriverFactory::description() const
{
    return QStringLiteral("MQTT 3.1.1/5 broker (libmosquitto): topics mapped to tags, commands, "
                          "TLS");
}

void MqttDriverFactory::validateDevice(ConfigReader &device) const
{
    MqttDeviceSettings::read(device);
}

void MqttDriverFactory::validateDeployment(const DeviceConfig &device,
                                           const DeploymentSettings &settings,
                                           Diagnostics &diagnostics) const
{
    Diagnostics ignored; // reported by validateDevice
    ConfigReader r(device.node, device.object(), ignored);
    MqttDeviceSettings s = MqttDeviceSettings::read(r);
    QString origin;
    if (s.brokerUrl.isEmpty()) {
        origin = QStringLiteral("deployment broker_url from %1")
                     .arg(settings.origin(DeploymentSettings::Key::BrokerUrl));
        s.brokerUrl = settings.brokerUrl();
        if (!s.setBroker(s.brokerUrl).isEmpty())
            return; // reported with the settings
    }
    s.checkTransport(device, origin, diagnostics);
}

void MqttDriverFactory::validateTag(const DeviceConfig &device, const TagDefinition &tag,
                                    Diagnostics &diagnostics) const
{
    const std::optional<MqttTagMapping> mapping = MqttTagMapping::read(tag, diagnostics);
    if (!mapping)
        return;
    Diagnostics ignored;
    ConfigReader r(device.node, device.object(), ignored);
    const MqttDeviceSettings settings = MqttDeviceSettings::read(r);
    if (settings.subscriptions.isEmpty())
        return;
    for (const auto &[filter, qos] : settings.subscriptions) {
        if (MqttTopic::covers(filter, mapping->topic))
            return;
    }
    QStringList filters;
    for (const auto &entry : settings.subscriptions)
        filters.append(entry.first);
    diagnostics.error(tag.addressLocation, tag.object(),
                      QStringLiteral("topic '%1' is not covered by the subscriptions of device "
                                     "'%2' (%3)")
                          .arg(mapping->topic, device.id, filters.join(u", ")));
}

std::unique_ptr<Driver> MqttDriverFactory::create(DriverContext context) const
{
    return std::make_unique<MqttDriver>(std::move(context));
}

} // namespace vigil
