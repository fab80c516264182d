#pragma once

#include <QString>

namespace vigil
{

// "" when url is mqtt://host[:port] or mqtts://host[:port], else why not. The deployment's
// broker_url and a device's broker are checked alike; the message never repeats the URL's user
// info, which may hold a password.
QString checkBrokerUrl(const QString &url);

} // namespace vigil
