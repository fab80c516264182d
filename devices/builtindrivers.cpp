#include "builtindrivers.h"

#include "driverregistry.h"
#include "modbus/modbusdriverfactory.h"
#include "mqtt/mqttdriverfactory.h"
#include "serial/serialdriverfactory.h"
#include "sim/simdriverfactory.h"

namespace vigil
{

void registerBuiltinDrivers(DriverRegistry &registry)
{
    registry.add(std::make_unique<SimDriverFactory>());
    registry.add(std::make_unique<SerialDriverFactory>());
    registry.add(std::make_unique<ModbusDriverFactory>());
    registry.add(std::make_unique<MqttDriverFactory>());
}

} // namespace vigil
