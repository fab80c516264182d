#pragma once

#include "deviceconfig.h"
#include "tags/tagdefinition.h"

#include <QHash>

#include <optional>

namespace vigil
{

class ConfigNode;
class Diagnostics;
class DriverCatalog;

// Reads one tag from a table (a [[tags]] entry of the plant file, or a CSV row turned into a
// table) and checks everything that can be checked about it alone: keys, types, ranges,
// scaling, deadband, write limits, alarms, and, through its driver, the address.
class TagReader
{
public:
    TagReader(const QHash<QString, DeviceConfig> &devices, const DriverCatalog &drivers,
              Diagnostics &diagnostics);

    // Returns the tag if it has an id (even when other errors were reported, so the loader can
    // still find duplicates); std::nullopt otherwise. fallbackObject names the tag in messages
    // until its id is known ("tag #3").
    std::optional<TagDefinition> read(const ConfigNode &table, const QString &fallbackObject,
                                      const QString &defaultDevice = QString());

    static bool isValidId(const QString &id);

private:
    void readScaling(class ConfigReader &r, TagDefinition &tag);
    void readDeadband(class ConfigReader &r, TagDefinition &tag, bool hasRange);
    void readWriteLimits(class ConfigReader &r, TagDefinition &tag);

    const QHash<QString, DeviceConfig> &m_devices;
    const DriverCatalog &m_drivers;
    Diagnostics &m_diagnostics;
};

} // namespace vigil
