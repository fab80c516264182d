#pragma once

namespace vigil
{

class DriverRegistry;

// Registers every driver that ships with Vigil.
void registerBuiltinDrivers(DriverRegistry &registry);

} // namespace vigil
