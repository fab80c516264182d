#include "simdriverfactory.h"

#include "config/configreader.h"
#include "config/diagnostics.h"
#include "simdriver.h"
#include "simsignal.h"

namespace vigil
{

QString SimDriverFactory::description() const
{
    return QStringLiteral("Simulated signals (sine, ramp, random walk, square, constant, text)");
}

void SimDriverFactory::validateDevice(ConfigReader &device) const
{
    device.durationMs(u"period", 10, 3'600'000);
    device.integer(u"seed", 0, std::numeric_limits<qint64>::max());
}

void SimDriverFactory::validateTag(const DeviceConfig &, const TagDefinition &tag,
                                   Diagnostics &diagnostics) const
{
    QString error;
    if (!SimSignal::parse(tag.address, tag.type, &error))
        diagnostics.error(tag.addressLocation, tag.object(), error);
    if (!tag.options.isNull())
        diagnostics.error(tag.options.location, tag.object(),
                          QStringLiteral("the sim driver takes no tag options"));
}

std::unique_ptr<Driver> SimDriverFactory::create(DriverContext context) const
{
    return std::make_unique<SimDriver>(std::move(context));
}

} // namespace vigil
