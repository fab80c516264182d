#pragma once

#include "diagnostics.h"
#include "plantconfig.h"

#include <QProcessEnvironment>

#include <optional>

namespace vigil
{

class DriverCatalog;

// Loads and validates a plant file (TOML) and the CSV tag lists it references. Validation is
// strict and complete: every problem is collected with its file:line:column, and no plant is
// returned if there is any error.
class PlantLoader
{
public:
    struct Result {
        std::optional<PlantConfig> plant; // set only when there are no errors
        Diagnostics diagnostics;
    };

    explicit PlantLoader(
        const DriverCatalog &drivers,
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment());

    Result load(const QString &path) const;

private:
    void readDevices(const ConfigNode *devices, PlantConfig &plant,
                     QHash<QString, DeviceConfig> &byId, Diagnostics &diagnostics) const;

    const DriverCatalog &m_drivers;
    QProcessEnvironment m_environment;
};

} // namespace vigil
