#pragma once

#include "alarmrule.h"
#include "alarmsource.h"

#include <QString>

#include <limits>

namespace vigil
{

constexpr quint32 kNoTag = std::numeric_limits<quint32>::max();

// One alarm the engine tracks: a configured rule resolved against the tag directory, or a
// condition the engine adds (bad quality, communication loss, command failure). Immutable.
struct AlarmDefinition {
    quint32 id = 0;
    AlarmSource source = AlarmSource::Rule;
    AlarmRule rule;               // for the engine's own conditions: priority, message, delays
    QString key;                  // stable across restarts: "TANK_LEVEL/hi", "dev:plc1/commloss"
    QString tagId;                // empty for a device's communication loss
    QString device;               // the tag's device, or the device itself
    quint32 tag = kNoTag;         // the tag read (its index), kNoTag for communication loss
    quint32 setpointTag = kNoTag; // deviation: the setpoint tag's index
    quint32 suppressionTag = kNoTag;
};

} // namespace vigil
