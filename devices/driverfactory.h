#pragma once

#include "drivercontext.h"

#include <QString>

#include <memory>

namespace vigil
{

class ConfigReader;
class DeploymentSettings;
class Diagnostics;
class Driver;

// Knows one driver type: validates its device settings and tag addresses at load, and creates
// driver instances. Registered by type name in the DriverRegistry.
class DriverFactory
{
public:
    virtual ~DriverFactory() = default;

    virtual QString type() const = 0;
    virtual QString description() const = 0;
    virtual void validateDevice(ConfigReader &device) const = 0;
    virtual void validateTag(const DeviceConfig &device, const TagDefinition &tag,
                             Diagnostics &diagnostics) const = 0;
    // Checks what depends on the deployment settings (e.g. the default broker URL); optional.
    virtual void validateDeployment(const DeviceConfig &device, const DeploymentSettings &settings,
                                    Diagnostics &diagnostics) const
    {
        Q_UNUSED(device)
        Q_UNUSED(settings)
        Q_UNUSED(diagnostics)
    }
    virtual std::unique_ptr<Driver> create(DriverContext context) const = 0;
};

} // namespace vigil
