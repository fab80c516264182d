#pragma once

#include <QLoggingCategory>

// Logging categories of the core subsystems. Devices, QML adapters and the app declare their own.
Q_DECLARE_LOGGING_CATEGORY(lcConfig)
Q_DECLARE_LOGGING_CATEGORY(lcTags)
Q_DECLARE_LOGGING_CATEGORY(lcAlarms)
Q_DECLARE_LOGGING_CATEGORY(lcEvents)
