#pragma once

#include "security/role.h"
#include "userlistmodel.h"

#include <QFuture>
#include <QObject>
#include <QtQml/qqmlregistration.h>
#include <QVariantList>

namespace vigil
{

class Clock;
class SecurityService;
class Session;

// The Users page's adapter: lists the users and passes an administrator's changes (add, role,
// disable/enable, password reset, which also unlocks) to the SecurityService under the logged-in
// user's name. The rules and the audit rows are the service's; this only refuses, before asking,
// a session without manage-users, an empty name and two passwords that differ. Each answer is
// shown as `message` (translated, or the service's reason); `done` lets a dialog close.
class UserAdministration : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("UserAdministration is created by the application")
    Q_PROPERTY(UserListModel *users READ users CONSTANT)
    // Whether the session may manage users (the page and its nav entry are shown only then).
    Q_PROPERTY(bool allowed READ allowed NOTIFY allowedChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    // {key, text} for each role, least trusted first.
    Q_PROPERTY(QVariantList roleChoices READ roleChoices CONSTANT)
public:
    // All must outlive this object.
    UserAdministration(Session *session, SecurityService *security, const Clock &clock,
                       QObject *parent = nullptr);
    ~UserAdministration() override;

    UserListModel *users() const { return m_users; }
    bool allowed() const;
    bool busy() const { return m_busy; }
    QString message() const { return m_message; }
    QVariantList roleChoices() const;

    Q_INVOKABLE void refresh();
    Q_INVOKABLE void addUser(const QString &name, const QString &role, const QString &password,
                             const QString &repeat);
    Q_INVOKABLE void setRole(const QString &name, const QString &role);
    Q_INVOKABLE void setDisabled(const QString &name, bool disabled);
    Q_INVOKABLE void resetPassword(const QString &name, const QString &password,
                                   const QString &repeat);
    Q_INVOKABLE void clearMessage() { setMessage({}); }

signals:
    void allowedChanged();
    void busyChanged();
    void messageChanged();
    void done(); // the last change was made

private:
    // Whether a change may be asked for now; sets the message when not.
    bool mayChange();
    void await(QFuture<QString> answer, const QString &doneText);
    void onSessionChanged();
    void setBusy(bool busy);
    void setMessage(const QString &message);

    Session *m_session;
    SecurityService *m_security;
    const Clock &m_clock;
    UserListModel *m_users;
    bool m_allowed = false;
    bool m_busy = false;
    QString m_message;
};

} // namespace vigil
