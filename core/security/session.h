#pragma once

#include "security/permission.h"
#include "security/role.h"
#include "security/securityoptions.h"

#include <QObject>
#include <QString>

namespace vigil
{

class Clock;

// Who is logged in on this panel. Lives on the GUI thread; pure logic driven by a Clock, so the
// idle logout is tested with ManualClock. It checks nothing itself: SecurityService decides
// whether a login is granted, and the one asking (the login dialog) calls logIn() with the
// result. Nobody logged in holds no permission, unless the panel is configured to show the
// process to anyone (auto_login_viewer): then it has the viewer's permissions.
class Session : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool loggedIn READ loggedIn NOTIFY changed)
    Q_PROPERTY(QString user READ user NOTIFY changed)
    Q_PROPERTY(QString roleName READ roleName NOTIFY changed)
public:
    Session(const SecurityOptions &options, Clock *clock, QObject *parent = nullptr);

    bool loggedIn() const { return m_loggedIn; } // a real user (not the automatic viewer)
    QString user() const { return m_user; }      // "" when nobody (or the automatic viewer)
    Role role() const { return m_role; }         // Viewer when nobody
    QString roleName() const;                    // "operator", …; "" when nobody, unless the
                                                 // automatic viewer ("viewer")
    bool autoViewer() const { return !m_loggedIn && m_options.autoLoginViewer; }
    // False for everything when nobody is logged in and there is no automatic viewer.
    bool allowed(Permission permission) const;
    const SecurityOptions &options() const { return m_options; }

    // Replaces whoever was logged in (the previous user is logged out with reason "user").
    void logIn(const QString &user, Role role);
    void logOut(const QString &reason); // "user" or "idle"; nothing if nobody is logged in
    void touch();                       // user activity: restarts the idle time
    void tick();                        // logs out with "idle" once the idle time has passed
    // Time left before the idle logout; -1 when none applies (nobody logged in, or
    // idle_logout = 0).
    qint64 idleRemainingMs() const;

signals:
    void changed(); // user/role/loggedIn changed
    void loggedOut(const QString &user, const QString &reason);

private:
    SecurityOptions m_options;
    Clock *m_clock;
    bool m_loggedIn = false;
    QString m_user;
    Role m_role = Role::Viewer;
    qint64 m_lastActivityMs = 0; // Clock::monotonicMs of the last login or touch
};

} // namespace vigil
