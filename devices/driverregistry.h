#pragma once

#include "config/drivercatalog.h"
#include "driverfactory.h"

#include <map>
#include <memory>

namespace vigil
{

// The driver factories keyed by type name ("sim", "modbus", ...). Adding a driver means adding a
// factory; nothing else keeps a list of types.
class DriverRegistry final : public DriverCatalog
{
public:
    // Refuses a second factory for the same type (returns false).
    bool add(std::unique_ptr<DriverFactory> factory);
    const DriverFactory *factory(const QString &type) const;

    QStringList driverTypes() const override;
    bool hasDriver(const QString &type) const override;
    void validateDevice(const QString &type, ConfigReader &device) const override;
    void validateTag(const DeviceConfig &device, const TagDefinition &tag,
                     Diagnostics &diagnostics) const override;
    void validateDeployment(const DeviceConfig &device, const DeploymentSettings &settings,
                            Diagnostics &diagnostics) const override;

private:
    std::map<QString, std::unique_ptr<DriverFactory>> m_factories;
};

} // namespace vigil
