#pragma once

#include "driverfactory.h"

namespace vigil
{

class SerialDriverFactory final : public DriverFactory
{
public:
    QString type() const override { return QStringLiteral("serial"); }
    QString description() const override;
    void validateDevice(ConfigReader &device) const override;
    void validateTag(const DeviceConfig &device, const TagDefinition &tag,
                     Diagnostics &diagnostics) const override;
    std::unique_ptr<Driver> create(DriverContext context) const override;
};

} // namespace vigil
