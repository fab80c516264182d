#include "useradministration.h"

#include "security/securityservice.h"
#include "security/session.h"
#include "sessioncontroller.h"
#include "uilog.h"
#include "userlistmodel.h"
#include "util/clock.h"

#include <QVariantMap>

#include <exception>

namespace vigil
{

namespace
{

constexpr Role kRoles[] = {Role::Viewer, Role::Operator, Role::Engineer, Role::Admin};

// An unknown key becomes no role, which the service refuses (audited) with the list of roles.
Role roleOf(const QString &key)
{
    return parseRole(key).value_or(Role(0));
}

} // namespace

UserAdministration::UserAdministration(Session *session, SecurityService *security,
                                       const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_security(security)
    , m_clock(clock)
    , m_users(new UserListModel(this))
{
    m_allowed = allowed();
    connect(m_session, &Session::changed, this, &UserAdministration::onSessionChanged);
    connect(m_security, &SecurityService::usersChanged, this, &UserAdministration::refresh);
}

UserAdministration::~UserAdministration() = default;

bool UserAdministration::allowed() const
{
    return m_session->allowed(Permission::ManageUsers);
}

QVariantList UserAdministration::roleChoices() const
{
    QVariantList choices;
    for (const Role role : kRoles)
        choices.append(QVariantMap{{QStringLiteral("key"), roleName(role)},
                                   {QStringLiteral("text"), SessionController::roleText(role)}});
    return choices;
}

void UserAdministration::onSessionChanged()
{
    const bool now = allowed();
    if (now == m_allowed)
        return;
    m_allowed = now;
    setMessage({});
    if (m_allowed)
        refresh();
    else
        m_users->reset({}, m_clock.nowMs()); // nobody else reads the list off the screen
    emit allowedChanged();
}

void UserAdministration::refresh()
{
    if (!allowed())
        return;
    m_security->listUsers().then(this, [this](QFuture<QList<UserSummary>> f) {
        try {
            const QList<UserSummary> users = f.result();
            if (allowed())
                m_users->reset(users, m_clock.nowMs());
        } catch (const std::exception &e) {
            qCWarning(lcUi) << "cannot list the users:" << e.what();
            setMessage(tr("The user list cannot be read: %1").arg(QString::fromUtf8(e.what())));
        }
    });
}

bool UserAdministration::mayChange()
{
    if (m_busy)
        return false;
    if (!allowed()) {
        setMessage(tr("Only an administrator manages users"));
        return false;
    }
    return true;
}

void UserAdministration::addUser(const QString &name, const QString &role, const QString &password,
                                 const QString &repeat)
{
    if (!mayChange())
        return;
    const QString user = name.trimmed();
    if (user.isEmpty())
        return setMessage(tr("Enter a user name"));
    if (password != repeat)
        return setMessage(tr("The two passwords differ"));
    await(m_security->addUser(user, roleOf(role), password, m_session->user()),
          tr("%1 added as %2").arg(user, SessionController::roleText(roleOf(role))));
}

void UserAdministration::setRole(const QString &name, const QString &role)
{
    if (!mayChange())
        return;
    await(m_security->setRole(name, roleOf(role), m_session->user()),
          tr("%1 is now %2").arg(name, SessionController::roleText(roleOf(role))));
}

void UserAdministration::setDisabled(const QString &name, bool disabled)
{
    if (!mayChange())
        return;
    await(m_security->setDisabled(name, disabled, m_session->user()),
          disabled ? tr("%1 is disabled").arg(name) : tr("%1 is enabled").arg(name));
}

void UserAdministration::resetPassword(const QString &name, const QString &password,
                                       const QString &repeat)
{
    if (!mayChange())
        return;
    if (password != repeat)
        return setMessage(tr("The two passwords differ"));
    await(m_security->resetPassword(name, password, m_session->user()),
          tr("The password of %1 is reset").arg(name));
}

void UserAdministration::await(QFuture<QString> answer, const QString &doneText)
{
    setBusy(true);
    setMessage({});
    answer.then(this, [this, doneText](QFuture<QString> f) {
        QString error;
        try {
            error = f.result();
        } catch (const std::exception &e) {
            error = QString::fromUtf8(e.what());
        }
        setBusy(false);
        if (!error.isEmpty()) {
            setMessage(tr("Not done: %1").arg(error));
            return;
        }
        setMessage(doneText);
        emit done();
    });
}

void UserAdministration::setBusy(bool busy)
{
    if (busy == m_busy)
        return;
    m_busy = busy;
    emit busyChanged();
}

void UserAdministration::setMessage(const QString &message)
{
    if (message == m_message)
        return;
    m_message = message;
    emit messageChanged();
}

} // namespace vigil
