#include "driverregistry.h"

namespace vigil
{

bool DriverRegistry::add(std::unique_ptr<DriverFactory> factory)
{
    const QString type = factory->type();
    if (m_factories.count(type))
        return false;
    m_factories.emplace(type, std::move(factory));
    return true;
}

const DriverFactory *DriverRegistry::factory(const QString &type) const
{
    const auto it = m_factories.find(type);
    return it == m_factories.end() ? nullptr : it->second.get();
}

QStringList DriverRegistry::driverTypes() const
{
    QStringList out;
    for (const auto &entry : m_factories)
        out.append(entry.first);
    return out;
}

bool DriverRegistry::hasDriver(const QString &type) const
{
    return m_factories.count(type) != 0;
}

void DriverRegistry::validateDevice(const QString &type, ConfigReader &device) const
{
    if (const DriverFactory *f = factory(type))
        f->validateDevice(device);
}

void DriverRegistry::validateTag(const DeviceConfig &device, const TagDefinition &tag,
                                 Diagnostics &diagnostics) const
{
    if (const DriverFactory *f = factory(device.driver))
        f->validateTag(device, tag, diagnostics);
}

void DriverRegistry::validateDeployment(const DeviceConfig &device,
                                        const DeploymentSettings &settings,
                                        Diagnostics &diagnostics) const
{
    if (const DriverFactory *f = factory(device.driver))
        f->validateDeployment(device, settings, diagnostics);
}

} // namespace vigil
