#include "securitylog.h"

Q_LOGGING_CATEGORY(lcSecurity, "vigil.security")
