#pragma once

#include "security/loginresult.h"

#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace vigil
{

class SecurityService;
class Session;

// Who is logged in on this panel, for the screens: the top bar's user and role, the login
// dialog and the first-start "create administrator" page. Logins and the first administrator go
// to the SecurityService (off the GUI thread); the answer comes back as the session or as a
// translated message. Any touch, click or key restarts the idle time; a 1 s timer lets the
// session log out when it runs out. Logouts, user or idle, are audited here.
class SessionController : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("SessionController is created by the application")
    Q_PROPERTY(QString userName READ userName NOTIFY changed)
    Q_PROPERTY(QString roleName READ roleName NOTIFY changed)
    Q_PROPERTY(bool loggedIn READ loggedIn NOTIFY changed)
    Q_PROPERTY(bool viewerOnly READ viewerOnly NOTIFY changed)
    // The names of the permissions held now ("acknowledge-alarm", ...), for bindings.
    Q_PROPERTY(QStringList permissions READ permissions NOTIFY changed)
    Q_PROPERTY(bool needsAdministrator READ needsAdministrator NOTIFY needsAdministratorChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged)
    // Seconds until the idle logout; -1 when nobody is logged in or there is no idle logout.
    Q_PROPERTY(int idleRemainingSeconds READ idleRemainingSeconds NOTIFY idleChanged)
public:
    static constexpr int kTickMs = 1000;

    // Both must outlive this object.
    SessionController(Session *session, SecurityService *security, QObject *parent = nullptr);
    ~SessionController() override;

    QString userName() const;
    QString roleName() const;
    bool loggedIn() const;
    bool viewerOnly() const;
    QStringList permissions() const;
    bool needsAdministrator() const { return m_needsAdministrator; }
    bool busy() const { return m_busy; }
    QString message() const { return m_message; }
    int idleRemainingSeconds() const;

    // Asks whether any user exists, watches the application's input for activity and starts the
    // idle timer. Call once the security service has started.
    void start();

    Q_INVOKABLE void login(const QString &name, const QString &password);
    Q_INVOKABLE void logout();
    // Only while no user exists: creates the first administrator and logs them in.
    Q_INVOKABLE void createAdministrator(const QString &name, const QString &password,
                                         const QString &repeat);
    // Whether the session holds the permission named ("acknowledge-alarm"); false for an
    // unknown name.
    Q_INVOKABLE bool can(const QString &permission) const;
    Q_INVOKABLE void clearMessage() { setMessage({}); }

    // The translated text for a login answer; empty when granted.
    static QString loginMessage(const LoginResult &result);
    static QString roleText(Role role);

public slots:
    // Lets the session check its idle time (the timer calls it every second).
    void tick();

signals:
    void changed();
    void needsAdministratorChanged();
    void busyChanged();
    void messageChanged();
    void idleChanged();
    // A login or the first administrator succeeded: the dialog or page may close.
    void loggedInNow();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void onLoggedOut(const QString &user, const QString &reason);
    void onLoginAnswer(const LoginResult &result);
    void onAdministratorCreated(const QString &name, const QString &error);
    void auditViewerSession();
    void setBusy(bool busy);
    void setMessage(const QString &message);
    void setNeedsAdministrator(bool needs);
    void updateIdle();

    Session *m_session;
    SecurityService *m_security;
    QTimer m_tick;
    bool m_needsAdministrator = false;
    bool m_busy = false;
    QString m_message;
    int m_idleSeconds = -1;
};

} // namespace vigil
