#pragma once

#include <QLoggingCategory>

// Users, logins, sessions and the audit trail. Names and outcomes only: never a password, a
// password hash or the audit key.
Q_DECLARE_LOGGING_CATEGORY(lcSecurity)
