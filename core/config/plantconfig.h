#pragma once

#include "alarms/alarmengineoptions.h"
#include "commands/commandoptions.h"
#include "deploymentsettings.h"
#include "deviceconfig.h"
#include "historyconfig.h"
#include "security/securityoptions.h"
#include "tags/tagdirectory.h"

#include <QList>

#include <memory>

namespace vigil
{

// A validated plant: what the program runs.
struct PlantConfig {
    QString name;
    QString description;
    QString filePath;
    DeploymentSettings settings;
    HistoryConfig history;
    AlarmEngineOptions alarms; // [alarms]: the alarm engine's settings
    SecurityOptions security;  // [security]: logins, lockouts, idle logout
    CommandOptions commands;   // [commands]: select/confirm timeouts, panel rate limit
    QList<DeviceConfig> devices;
    std::shared_ptr<const TagDirectory> tags;

    const DeviceConfig *device(const QString &id) const;
};

} // namespace vigil
