#pragma once

#include "history/historyurl.h"
#include "security/auditentry.h"
#include "security/auditfilter.h"
#include "security/auditrecord.h"
#include "security/auditverification.h"
#include "security/loginresult.h"
#include "security/passwordhasher.h"
#include "security/securityoptions.h"
#include "security/usersummary.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

namespace vigil
{

class AuditTrail;
class Clock;
class JournalConnection;
class LoginPolicy;
class UserStore;
struct LoginDecision;

// SecurityService's worker on the "security" thread, with its own connection to journal.db:
// logins (scrypt is slow on purpose), user creation and the audit trail. Audit entries are
// appended in the order they arrive; while the database fails they are held (bounded) and
// retried, so nothing is lost to a busy or briefly missing database.
class SecurityWorker : public QObject
{
    Q_OBJECT
public:
    struct Setup {
        HistoryUrl url;
        QString keyFile;
        QString headFile;
        SecurityOptions options;
        const Clock *clock = nullptr;
        PasswordHasher hasher;
    };

    explicit SecurityWorker(Setup setup);
    ~SecurityWorker() override;

    // Worker thread only, from here on.
    bool open(QString *error);
    void close(); // appends what is held, if it can, and closes

    LoginResult login(const QString &name, const QString &password);
    LoginResult confirmIdentity(const QString &name, const QString &password,
                                const QString &purpose);
    bool hasUsers();
    QString createFirstAdministrator(const QString &name, const QString &password);
    std::optional<QList<UserSummary>> listUsers(QString *error);
    // UserAdmin's calls under `byUser`; "" when done, else why not.
    QString addUser(const QString &name, Role role, const QString &password, const QString &byUser);
    QString setRole(const QString &name, Role role, const QString &byUser);
    QString setDisabled(const QString &name, bool disabled, const QString &byUser);
    QString resetPassword(const QString &name, const QString &password, const QString &byUser);
    void audit(const AuditEntry &entry);
    std::optional<QList<AuditRecord>> auditPage(const AuditFilter &filter, QString *error);
    AuditVerification verify(const QString &user);

signals:
    void appended();     // one or more audit rows committed
    void usersChanged(); // after an administration call (done or refused)

private:
    LoginDecision check(const QString &name, const QString &password);
    void store(const LoginDecision &decision, const QString &password);
    void appendHeld();
    template<typename Change>
    QString administer(Change change);

    Setup m_setup;
    std::unique_ptr<JournalConnection> m_connection;
    std::unique_ptr<UserStore> m_users;
    std::unique_ptr<AuditTrail> m_audit;
    std::unique_ptr<LoginPolicy> m_policy;
    QByteArray m_key;
    QList<AuditEntry> m_held; // not yet appended, in order
    qint64 m_dropped = 0;
    QTimer m_retry;
};

} // namespace vigil
