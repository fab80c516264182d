#include "session.h"

#include "security/permissionmatrix.h"
#include "security/securitylog.h"
#include "util/clock.h"

namespace vigil
{

Session::Session(const SecurityOptions &options, Clock *clock, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_clock(clock)
{
}

QString Session::roleName() const
{
    if (m_loggedIn)
        return vigil::roleName(m_role);
    return m_options.autoLoginViewer ? vigil::roleName(Role::Viewer) : QString();
}

bool Session::allowed(Permission permission) const
{
    if (m_loggedIn)
        return PermissionMatrix::allowed(m_role, permission);
    return m_options.autoLoginViewer && PermissionMatrix::allowed(Role::Viewer, permission);
}

void Session::logIn(const QString &user, Role role)
{
    if (m_loggedIn && m_user != user)
        logOut(QStringLiteral("user"));
    m_loggedIn = true;
    m_user = user;
    m_role = role;
    m_lastActivityMs = m_clock->monotonicMs();
    qCInfo(lcSecurity) << "session: logged in" << user << "as" << vigil::roleName(role);
    emit changed();
}

void Session::logOut(const QString &reason)
{
    if (!m_loggedIn)
        return;
    const QString user = m_user;
    m_loggedIn = false;
    m_user.clear();
    m_role = Role::Viewer;
    qCInfo(lcSecurity) << "session: logged out" << user << "reason" << reason;
    emit loggedOut(user, reason);
    emit changed();
}

void Session::touch()
{
    if (m_loggedIn)
        m_lastActivityMs = m_clock->monotonicMs();
}

void Session::tick()
{
    if (idleRemainingMs() == 0)
        logOut(QStringLiteral("idle"));
}

qint64 Session::idleRemainingMs() const
{
    if (!m_loggedIn || m_options.idleLogoutMs <= 0)
        return -1;
    const qint64 idle = m_clock->monotonicMs() - m_lastActivityMs;
    return qMax<qint64>(0, m_options.idleLogoutMs - idle);
}

} // namespace vigil
