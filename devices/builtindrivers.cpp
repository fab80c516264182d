#include "builtindrivers.h"

#include "driverregistry.h"
#include "sim/simdriverfactory.h"

namespace vigil
{

void registerBuiltinDrivers(DriverRegistry &registry)
{
    registry.add(std::make_unique<SimDriverFactory>());
}

} // namespace vigil
