#pragma once

#include "config/deploymentsettings.h"
#include "config/deviceconfig.h"
#include "tags/tagdirectory.h"

#include <memory>
#include <vector>

namespace vigil
{

class Clock;

// Everything a driver instance is given: its device, the plant's tags and which of them are its
// own, the clock, and the plant's deployment settings.
struct DriverContext {
    DeviceConfig device;
    std::shared_ptr<const TagDirectory> tags;
    std::vector<quint32> deviceTags;
    const Clock *clock = nullptr;
    DeploymentSettings settings{}; // e.g. the default MQTT broker URL
};

} // namespace vigil
