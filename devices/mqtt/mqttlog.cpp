#include "mqttlog.h"

Q_LOGGING_CATEGORY(lcMqtt, "vigil.mqtt")
