#include "commandlog.h"

Q_LOGGING_CATEGORY(lcCommands, "vigil.commands")
