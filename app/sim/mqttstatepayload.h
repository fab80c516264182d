#pragma once

#include "plantstate.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace vigil::sim
{

// The MQTT side of the simulated unit's data: one JSON document with all its measurements
// (published on <base>/state), and the commands it takes on <base>/cmd/<name>.
class MqttStatePayload
{
public:
    // {"ts":…, "tank":{"level","temperature"}, "valve":{…}, "flow":[inlet, outlet],
    //  "pump":{…}, "pressure", "heater":{…}, "setpoints":{…}, "total", "mode"}
    static QByteArray encode(const PlantState &state, qint64 nowMs);

    // Applies the command <name> with payload {"value": x} or a bare value ("true", "61.5") to
    // the commands. Returns an error text when the name or the value is not understood.
    static QString applyCommand(const QString &name, const QByteArray &payload,
                                PlantCommands &commands);
};

} // namespace vigil::sim
