#pragma once

#include <QLoggingCategory>

Q_DECLARE_LOGGING_CATEGORY(lcDrivers)
Q_DECLARE_LOGGING_CATEGORY(lcSim)
