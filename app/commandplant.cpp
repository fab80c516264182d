#include "commandplant.h"

#include <QTextStream>

namespace vigil
{

std::optional<int> loadCommandPlant(const QString &plantFile, const DriverCatalog &drivers,
                                    QTextStream &err, PlantLoader::Result &loaded)
{
    if (plantFile.isEmpty()) {
        err << "vigil: no plant file: give --config FILE or set VIGIL_CONFIG" << Qt::endl;
        return 2;
    }
    loaded = PlantLoader(drivers).load(plantFile);
    if (!loaded.plant) {
        for (const QString &line : loaded.diagnostics.toStringList())
            err << line << Qt::endl;
        err << "vigil: " << plantFile << " is not a valid plant" << Qt::endl;
        return 1;
    }
    return std::nullopt;
}

} // namespace vigil
