#include "devicelog.h"

Q_LOGGING_CATEGORY(lcDrivers, "vigil.drivers")
Q_LOGGING_CATEGORY(lcSim, "vigil.sim")
