#pragma once

namespace vigil
{

class AlarmEngine;
class DeviceHost;

// Feeds every driver's connection state to the alarm engine's communication-loss alarms, on the
// engine's thread. Disconnected raises a device's alarm (with the driver's reason), Connected or
// Degraded (the link answers) clears it; Connecting (a retry in progress) and Stopped (on
// purpose) change nothing, so retries neither clear an outage nor does a shutdown raise one.
void connectDeviceAlarms(const DeviceHost &host, AlarmEngine &engine);

} // namespace vigil
