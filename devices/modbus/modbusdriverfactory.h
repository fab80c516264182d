#pragma once

#include "driverfactory.h"

namespace vigil
{

// The "modbus" driver type: validates Modbus device settings and tag addresses at load (so
// `vigil --check-config` catches every misfit) and creates ModbusDriver instances.
class ModbusDriverFactory final : public DriverFactory
{
public:
    QString type() const override { return QStringLiteral("modbus"); }
    QString description() const override;
    void validateDevice(ConfigReader &device) const override;
    void validateTag(const DeviceConfig &device, const TagDefinition &tag,
                     Diagnostics &diagnostics) const override;
    std::unique_ptr<Driver> create(DriverContext context) const override;
};

} // namespace vigil
