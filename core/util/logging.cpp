#include "logging.h"

Q_LOGGING_CATEGORY(lcConfig, "vigil.config")
Q_LOGGING_CATEGORY(lcTags, "vigil.tags")
Q_LOGGING_CATEGORY(lcAlarms, "vigil.alarms")
Q_LOGGING_CATEGORY(lcEvents, "vigil.events")
