#pragma once

#include "driverfactory.h"

namespace vigil
{

// The "mqtt" driver type: validates device settings (broker, credentials, TLS, subscriptions)
// and each tag's topic mapping at load, with file:line:column for every problem.
class MqttDriverFactory final : public DriverFactory
{
public:
    QString type() const override { return QStringLiteral("mqtt"); }
    QString description() const override;
    void validateDevice(ConfigReader &device) const override;
    void validateDeployment(const DeviceConfig &device, const DeploymentSettings &settings,
                            Diagnostics &diagnostics) const override;
    void validateTag(const DeviceConfig &device, const TagDefinition &tag,
                     Diagnostics &diagnostics) const override;
    std::unique_ptr<Driver> create(DriverContext context) const override;
};

} // namespace vigil
