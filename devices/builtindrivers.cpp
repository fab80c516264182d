#include "builtindrivers.h"

#include "driverregistry.h"
#include "serial/serialdriverfactory.h"
#include "modbus/modbusdriverfactory.h"
#include "sim/simdriverfactory.h"

// MQTT (issue #4)
#include "mqtt/mqttdriverfactory.h"

namespace vigil
{

void registerBuiltinDrivers(DriverRegistry &registry)
{
    registry.add(std::make_unique<SimDriverFactory>());
    registry.add(std::make_unique<SerialDriverFactory>());
    registry.add(std::make_unique<ModbusDriverFactory>());
    registry.add(std::make_unique<MqttDriverFactory>()); // MQTT (issue #4)
}

} // namespace vigil
