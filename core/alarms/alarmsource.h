#pragma once

#include <QString>

namespace vigil
{

// Where an alarm comes from: a configured rule on a tag, or a condition the engine adds itself.
enum class AlarmSource : quint8 {
    Rule,           // a configured AlarmRule (its AlarmType says which)
    BadQuality,     // a tag with alarm rules has had Bad quality for the configured delay
    CommLoss,       // a device's driver reports it disconnected
    CommandFailure, // the command service reported a failed command on a tag
};

QString alarmSourceName(AlarmSource source); // "rule", "badquality", "commloss", ...

} // namespace vigil
