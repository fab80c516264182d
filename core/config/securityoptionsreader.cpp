#include "securityoptionsreader.h"

#include "configreader.h"
#include "duration.h"

namespace vigil
{

namespace
{

constexpr qint64 kSecond = 1000;
constexpr qint64 kDay = 24 * 3600 * kSecond;
// Shorter than this, a session would end while the operator is still reading a faceplate.
constexpr qint64 kMinIdleLogoutMs = 30 * kSecond;

void readIdleLogout(ConfigReader &r, SecurityOptions &options)
{
    const ConfigNode *node = r.node().member(u"idle_logout");
    const std::optional<qint64> ms = r.durationMs(u"idle_logout", 0, kDay);
    if (!ms)
        return;
    if (*ms > 0 && *ms < kMinIdleLogoutMs) {
        r.error(*node,
                QStringLiteral("'idle_logout' must be \"0s\" (never) or at least %1 (got %2)")
                    .arg(Duration::format(kMinIdleLogoutMs), Duration::format(*ms)));
        return;
    }
    options.idleLogoutMs = *ms;
}

} // namespace

SecurityOptions SecurityOptionsReader::read(const ConfigNode *table, Diagnostics &diagnostics)
{
    SecurityOptions options;
    if (!table)
        return options;
    ConfigReader r(*table, QStringLiteral("security"), diagnostics);
    options.maxFailedLogins =
        int(r.integer(u"max_failed_logins", 1, 100).value_or(options.maxFailedLogins));
    options.lockoutMs = r.durationMs(u"lockout", kSecond, kDay).value_or(options.lockoutMs);
    readIdleLogout(r, options);
    options.autoLoginViewer = r.boolean(u"auto_login_viewer").value_or(options.autoLoginViewer);
    options.minPasswordLength =
        int(r.integer(u"min_password_length", 4, 128).value_or(options.minPasswordLength));
    r.finish();
    return options;
}

} // namespace vigil
