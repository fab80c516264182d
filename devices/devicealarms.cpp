#include "devicealarms.h"

#include "alarms/alarmengine.h"
#include "devicehost.h"

namespace vigil
{

void connectDeviceAlarms(const DeviceHost &host, AlarmEngine &engine)
{
    for (Driver *driver : host.drivers()) {
        QObject::connect(driver, &Driver::statusChanged, &engine,
                         [&engine, device = driver->deviceId()](const DriverStatus &status) {
                             switch (status.state) {
                             case DriverState::Disconnected:
                                 engine.setDeviceConnected(device, false, status.reason);
                                 break;
                             case DriverState::Connected:
                             case DriverState::Degraded:
                                 engine.setDeviceConnected(device, true);
                                 break;
                             case DriverState::Connecting:
                             case DriverState::Stopped:
                                 break;
                             }
                         });
    }
}

} // namespace vigil
