#pragma once

#include <QStringList>

namespace vigil
{

class ConfigReader;
class DeploymentSettings;
class Diagnostics;
struct DeviceConfig;
struct TagDefinition;

// What the plant loader needs to know about drivers: which types exist and how each validates
// its own device settings and tag addresses. Implemented by the driver registry (devices layer),
// so the core never includes a driver header.
class DriverCatalog
{
public:
    virtual ~DriverCatalog() = default;

    virtual QStringList driverTypes() const = 0;
    virtual bool hasDriver(const QString &type) const = 0;
    // Reads and checks the driver's keys of a device table; the loader reports leftover keys.
    virtual void validateDevice(const QString &type, ConfigReader &device) const = 0;
    // Checks that a tag's address, data type and options fit the driver and the device.
    virtual void validateTag(const DeviceConfig &device, const TagDefinition &tag,
                             Diagnostics &diagnostics) const = 0;
    // Checks a device against the deployment settings it depends on (e.g. a driver's default
    // broker URL). Called once per device after [settings] and the devices were read.
    virtual void validateDeployment(const DeviceConfig &device, const DeploymentSettings &settings,
                                    Diagnostics &diagnostics) const
    {
        Q_UNUSED(device)
        Q_UNUSED(settings)
        Q_UNUSED(diagnostics)
    }
};

} // namespace vigil
