#pragma once

#include "confignode.h"

#include <QString>

namespace vigil
{

// One device of the plant. The whole table is kept so that the driver reads its own settings
// (validated at load by the driver's factory).
struct DeviceConfig {
    QString id;
    QString driver;
    QString description;
    bool enabled = true;
    ConfigNode node;
    SourceLocation location;

    QString object() const { return QStringLiteral("device '%1'").arg(id); }
};

} // namespace vigil
