#pragma once

namespace vigil
{

// Registers the core value types that cross threads in queued connections. Call once at start.
void registerCoreMetaTypes();

} // namespace vigil
