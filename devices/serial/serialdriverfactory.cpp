#include "serialdriverfactory.h"

#include "config/configreader.h"
#include "serialdriver.h"
#include "serialsettings.h"
#include "serialtagbinding.h"

namespace vigil
{

QString SerialDriverFactory::description() const
{
    return QStringLiteral("ASCII instruments on a serial line (scales, sensors, NMEA 0183)");
}

void SerialDriverFactory::validateDevice(ConfigReader &device) const
{
    SerialSettings::read(device);
}

void SerialDriverFactory::validateTag(const DeviceConfig &, const TagDefinition &tag,
                                      Diagnostics &diagnostics) const
{
    SerialTagBinding::read(tag, diagnostics);
}

std::unique_ptr<Driver> SerialDriverFactory::create(DriverContext context) const
{
    return std::make_unique<SerialDriver>(std::move(context));
}

} // namespace vigil
