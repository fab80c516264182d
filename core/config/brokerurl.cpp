#include "brokerurl.h"

#include "util/urlredaction.h"

#include <QUrl>

namespace vigil
{

// mqtt://host[:port] or mqtts://host[:port]. Credentials, a path or a query are refused rather
// than dropped: the driver would otherwise connect to something else than the URL says. The
// messages never repeat the user info, which may hold a password.
QString checkBrokerUrl(const QString &url)
{
    const QUrl u(url, QUrl::StrictMode);
    const bool mqtt = u.isValid() && (u.scheme() == u"mqtt" || u.scheme() == u"mqtts");
    if (mqtt && !u.userInfo().isEmpty())
        return QStringLiteral("broker URL %1 must not contain a user name or password: set "
                              "username and password_file (or password_env) on the device")
            .arg(u.toString(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery |
                            QUrl::RemoveFragment));
    if (!mqtt || u.host().isEmpty())
        return QStringLiteral(
                   "'%1' is not a broker URL (use mqtt://host:port or mqtts://host:port)")
            .arg(UrlRedaction::redact(url));
    if (!(u.path().isEmpty() || u.path() == u"/") || u.hasQuery() || u.hasFragment())
        return QStringLiteral("broker URL '%1' must not have a path, query or fragment (use "
                              "mqtt://host:port or mqtts://host:port)")
            .arg(UrlRedaction::redact(url));
    if (u.port() == 0)
        return QStringLiteral("broker port must be between 1 and 65535");
    return QString();
}

} // namespace vigil
