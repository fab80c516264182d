#include "builtindrivers.h"

#include "driverregistry.h"
#include "serial/serialdriverfactory.h"
#include "modbus/modbusdriverfactory.h"
#include "sim/simdriverfactory.h"

namespace vigil
{

void registerBuiltinDrivers(DriverRegistry &registry)
{
    registry.add(std::make_unique<SimDriverFactory>());
    registry.add(std::make_unique<SerialDriverFactory>());
    registry.add(std::make_unique<ModbusDriverFactory>());
}

} // namespace vigil
