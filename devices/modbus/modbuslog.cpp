#include "modbuslog.h"

Q_LOGGING_CATEGORY(lcModbus, "vigil.modbus")
