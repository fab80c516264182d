#include "sessioncontroller.h"

#include "security/auditentry.h"
#include "security/permissionmatrix.h"
#include "security/securityservice.h"
#include "security/session.h"
#include "uilog.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEvent>
#include <QFuture>

#include <exception>
#include <limits>

namespace vigil
{

namespace
{

bool isUserActivity(QEvent::Type type)
{
    switch (type) {
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::KeyPress:
    case QEvent::Wheel:
        return true;
    default:
        return false;
    }
}

} // namespace

SessionController::SessionController(Session *session, SecurityService *security, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_security(security)
{
    connect(m_session, &Session::changed, this, &SessionController::changed);
    connect(m_session, &Session::changed, this, &SessionController::updateIdle);
    connect(m_session, &Session::loggedOut, this, &SessionController::onLoggedOut);
    m_tick.setInterval(kTickMs);
    connect(&m_tick, &QTimer::timeout, this, &SessionController::tick);
}

SessionController::~SessionController()
{
    if (QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
}

QString SessionController::userName() const
{
    return m_session->user();
}

QString SessionController::roleName() const
{
    if (!m_session->loggedIn())
        return m_session->autoViewer() ? roleText(Role::Viewer) : QString();
    return roleText(m_session->role());
}

bool SessionController::loggedIn() const
{
    return m_session->loggedIn();
}

bool SessionController::viewerOnly() const
{
    return !m_session->allowed(Permission::AcknowledgeAlarm);
}

QStringList SessionController::permissions() const
{
    QStringList names;
    for (const QString &name : permissionNames()) {
        if (can(name))
            names.append(name);
    }
    return names;
}

int SessionController::idleRemainingSeconds() const
{
    return m_idleSeconds;
}

void SessionController::start()
{
    if (QCoreApplication::instance())
        QCoreApplication::instance()->installEventFilter(this);
    m_tick.start();
    updateIdle();
    m_security->hasUsers().then(this, [this](QFuture<bool> f) {
        try {
            setNeedsAdministrator(!f.result());
        } catch (const std::exception &e) {
            qCWarning(lcUi) << "cannot tell whether users exist:" << e.what();
            setMessage(tr("The user list cannot be read: %1").arg(QString::fromUtf8(e.what())));
        }
    });
    auditViewerSession();
}

void SessionController::login(const QString &name, const QString &password)
{
    if (m_busy)
        return;
    const QString user = name.trimmed();
    if (user.isEmpty() || password.isEmpty()) {
        setMessage(tr("Enter your user name and password"));
        return;
    }
    setBusy(true);
    setMessage({});
    m_security->login(user, password).then(this, [this](QFuture<LoginResult> f) {
        LoginResult result;
        try {
            result = f.result();
        } catch (const std::exception &e) {
            result.outcome = LoginResult::Outcome::Refused;
            result.message = QString::fromUtf8(e.what());
        }
        onLoginAnswer(result);
    });
}

void SessionController::onLoginAnswer(const LoginResult &result)
{
    setBusy(false);
    if (!result.granted()) {
        setMessage(loginMessage(result));
        return;
    }
    setMessage({});
    m_session->logIn(result.user, result.role);
    emit loggedInNow();
}

void SessionController::logout()
{
    if (m_session->loggedIn())
        m_session->logOut(QStringLiteral("user"));
}

void SessionController::onLoggedOut(const QString &user, const QString &reason)
{
    AuditEntry entry;
    entry.user = user;
    entry.action = QStringLiteral("logout");
    entry.target = user;
    entry.detail = reason;
    entry.result = QStringLiteral("ok");
    m_security->audit(entry);
    if (reason == u"idle")
        setMessage(tr("%1 was logged out after a time without activity").arg(user));
    auditViewerSession();
    updateIdle();
}

void SessionController::auditViewerSession()
{
    // A panel set to show as viewer when nobody is logged in: record that it does.
    if (!m_session->autoViewer())
        return;
    AuditEntry entry;
    entry.action = QStringLiteral("session.viewer");
    entry.detail = QStringLiteral("automatic viewer");
    entry.result = QStringLiteral("ok");
    m_security->audit(entry);
}

void SessionController::createAdministrator(const QString &name, const QString &password,
                                            const QString &repeat)
{
    if (m_busy)
        return;
    const QString user = name.trimmed();
    if (user.isEmpty()) {
        setMessage(tr("Enter a user name"));
        return;
    }
    if (password != repeat) {
        setMessage(tr("The two passwords differ"));
        return;
    }
    setBusy(true);
    setMessage({});
    m_security->createFirstAdministrator(user, password)
        .then(this, [this, user](QFuture<QString> f) {
            QString error;
            try {
                error = f.result();
            } catch (const std::exception &e) {
                error = QString::fromUtf8(e.what());
            }
            onAdministratorCreated(user, error);
        });
}

void SessionController::onAdministratorCreated(const QString &name, const QString &error)
{
    setBusy(false);
    if (!error.isEmpty()) {
        setMessage(tr("Not created: %1").arg(error));
        return;
    }
    setMessage({});
    setNeedsAdministrator(false);
    // Whoever has just chosen the password is the administrator: no second prompt.
    AuditEntry entry;
    entry.user = name;
    entry.action = QStringLiteral("login");
    entry.target = name;
    entry.detail = QStringLiteral("first administrator");
    entry.result = QStringLiteral("ok");
    m_security->audit(entry);
    m_session->logIn(name, Role::Admin);
    emit loggedInNow();
}

bool SessionController::can(const QString &permission) const
{
    const std::optional<Permission> p = parsePermission(permission);
    if (!p) {
        qCWarning(lcUi) << "unknown permission asked for:" << permission;
        return false;
    }
    return m_session->allowed(*p);
}

QString SessionController::loginMessage(const LoginResult &result)
{
    switch (result.outcome) {
    case LoginResult::Outcome::Granted:
        return {};
    case LoginResult::Outcome::WrongCredentials:
        return tr("Wrong user name or password");
    case LoginResult::Outcome::LockedOut:
        if (result.lockedUntilMs > 0) {
            const QDateTime until = QDateTime::fromMSecsSinceEpoch(result.lockedUntilMs);
            return tr("Locked after too many failed logins until %1")
                .arg(until.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
        }
        return tr("Locked after too many failed logins");
    case LoginResult::Outcome::Disabled:
        return tr("This user is disabled: ask an administrator");
    case LoginResult::Outcome::Refused:
        break;
    }
    return tr("The login cannot be checked now: %1").arg(result.message);
}

QString SessionController::roleText(Role role)
{
    switch (role) {
    case Role::Viewer:
        return tr("Viewer");
    case Role::Operator:
        return tr("Operator");
    case Role::Engineer:
        return tr("Engineer");
    case Role::Admin:
        return tr("Administrator");
    }
    return {};
}

void SessionController::tick()
{
    m_session->tick();
    updateIdle();
}

bool SessionController::eventFilter(QObject *watched, QEvent *event)
{
    if (isUserActivity(event->type()) && m_session->loggedIn())
        m_session->touch();
    return QObject::eventFilter(watched, event);
}

void SessionController::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

void SessionController::setMessage(const QString &message)
{
    if (message == m_message)
        return;
    m_message = message;
    emit messageChanged();
}

void SessionController::setNeedsAdministrator(bool needs)
{
    if (needs == m_needsAdministrator)
        return;
    m_needsAdministrator = needs;
    emit needsAdministratorChanged();
}

void SessionController::updateIdle()
{
    int seconds = -1;
    const qint64 ms = m_session->idleRemainingMs();
    if (m_session->loggedIn() && ms >= 0 && ms < std::numeric_limits<qint64>::max() / 2)
        seconds = int((ms + 999) / 1000);
    if (seconds == m_idleSeconds)
        return;
    m_idleSeconds = seconds;
    emit idleChanged();
}

} // namespace vigil
