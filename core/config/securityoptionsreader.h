#pragma once

#include "security/securityoptions.h"

namespace vigil
{

class ConfigNode;
class Diagnostics;

// Reads and validates the plant file's [security] table, reporting file:line:column:
//   max_failed_logins [5]      consecutive wrong passwords before the user is locked out (1…100)
//   lockout ["5m"]             how long the lockout lasts (1 s … 24 h)
//   idle_logout ["10m"]        a session without input ends after this long; "0s": never
//                              (otherwise 30 s … 24 h)
//   auto_login_viewer [false]  the panel shows the process as viewer while nobody is logged in
//   min_password_length [8]    shortest password a user may be given (4…128)
class SecurityOptionsReader
{
public:
    // `table` may be null (no [security]): the defaults.
    static SecurityOptions read(const ConfigNode *table, Diagnostics &diagnostics);
};

} // namespace vigil
