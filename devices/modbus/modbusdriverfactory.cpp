#include "modbusdriverfactory.h"

#include "config/configreader.h"
#include "config/diagnostics.h"
#include "modbusdriver.h"
#include "modbuspoint.h"
#include "modbussettings.h"

namespace vigil
{

QString ModbusDriverFactory::description() const
{
    return QStringLiteral("Modbus TCP and RTU (libmodbus): coils, discrete inputs, input and "
                          "holding registers");
}

void ModbusDriverFactory::validateDevice(ConfigReader &device) const
{
    ModbusSettings::read(device);
}

void ModbusDriverFactory::validateTag(const DeviceConfig &device, const TagDefinition &tag,
                                      Diagnostics &diagnostics) const
{
    Diagnostics ignored; // device errors were reported once by validateDevice
    ConfigReader reader(device.node, device.object(), ignored);
    const ModbusSettings settings = ModbusSettings::read(reader);
    ModbusPoint::resolve(settings, tag, 0, diagnostics);
}

std::unique_ptr<Driver> ModbusDriverFactory::create(DriverContext context) const
{
    return std::make_unique<ModbusDriver>(std::move(context));
}

} // namespace vigil
