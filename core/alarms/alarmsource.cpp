#include "alarmsource.h"

namespace vigil
{

QString alarmSourceName(AlarmSource source)
{
    switch (source) {
    case AlarmSource::Rule:
        return QStringLiteral("rule");
    case AlarmSource::BadQuality:
        return QStringLiteral("badquality");
    case AlarmSource::CommLoss:
        return QStringLiteral("commloss");
    case AlarmSource::CommandFailure:
        return QStringLiteral("commandfailure");
    }
    return {};
}

} // namespace vigil
