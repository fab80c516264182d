#include "driverstatus.h"

namespace vigil
{

QString driverStateName(DriverState state)
{
    switch (state) {
    case DriverState::Stopped:
        return QStringLiteral("Stopped");
    case DriverState::Connecting:
        return QStringLiteral("Connecting");
    case DriverState::Connected:
        return QStringLiteral("Connected");
    case DriverState::Degraded:
        return QStringLiteral("Degraded");
    case DriverState::Disconnected:
        return QStringLiteral("Disconnected");
    }
    return QString();
}

} // namespace vigil
