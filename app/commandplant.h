#pragma once

#include "config/plantloader.h"

#include <QString>

#include <optional>

class QTextStream;

namespace vigil
{

class DriverCatalog;

// The plant a headless command works on, loaded from `plantFile` into `loaded` (its problems
// printed when it is not valid); the exit code when there is none: 2 without a file, 1 for a
// plant that does not load.
std::optional<int> loadCommandPlant(const QString &plantFile, const DriverCatalog &drivers,
                                    QTextStream &err, PlantLoader::Result &loaded);

} // namespace vigil
