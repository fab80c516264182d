#include "configcheck.h"

#include "config/plantloader.h"

namespace vigil
{

int runConfigCheck(const QString &path, const DriverCatalog &drivers, QTextStream &out,
                   QTextStream &err)
{
    const PlantLoader loader(drivers);
    const PlantLoader::Result result = loader.load(path);
    for (const QString &line : result.diagnostics.toStringList())
        err << line << Qt::endl;
    if (!result.plant) {
        err << path << ": " << result.diagnostics.errorCount() << " error(s), "
            << result.diagnostics.warningCount() << " warning(s): the plant is not valid"
            << Qt::endl;
        return 1;
    }
    const PlantConfig &plant = *result.plant;
    out << path << ": OK: plant '" << plant.name << "', " << plant.devices.size() << " device(s), "
        << plant.tags->size() << " tag(s), " << result.diagnostics.warningCount() << " warning(s)"
        << Qt::endl;
    return 0;
}

} // namespace vigil
