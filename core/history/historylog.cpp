#include "historylog.h"

Q_LOGGING_CATEGORY(lcHistory, "vigil.history")
