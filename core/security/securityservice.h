#pragma once

#include "security/auditentry.h"
#include "security/auditfilter.h"
#include "security/auditrecord.h"
#include "security/auditverification.h"
#include "security/loginresult.h"
#include "security/passwordhasher.h"
#include "security/securityoptions.h"
#include "security/usersummary.h"

#include <QFuture>
#include <QList>
#include <QObject>
#include <QThread>

namespace vigil
{

class Clock;
class SecurityWorker;

// Users, logins and the audit trail for the GUI thread. The work runs on a "security" thread
// with its own journal.db connection, so scrypt never blocks the GUI. Results arrive as futures
// (QFuture::then with a context object delivers them on that object's thread). The journal
// migrates journal.db before start(); the audit key and head file live beside it in data_dir.
class SecurityService : public QObject
{
    Q_OBJECT
public:
    SecurityService(QString databaseUrl, QString keyFile, QString headFile, SecurityOptions options,
                    Clock *clock, QObject *parent = nullptr);
    ~SecurityService() override;

    // Opens the database and loads or creates the audit key (blocking); false with `error`
    // naming the problem (unreadable key file, database down, schema too old).
    bool start(QString *error);
    // Commits the pending audit rows and closes (blocking).
    void stop();

    // Checks a login against the users, counts failures and locks out; audits the attempt.
    QFuture<LoginResult> login(const QString &name, const QString &password);
    // Same check for the second person of a two-person command; audited as a command.confirm
    // attempt (target: `purpose`); does not change the session.
    QFuture<LoginResult> confirmIdentity(const QString &name, const QString &password,
                                         const QString &purpose);
    // True also while not running or when the users cannot be counted: the first-administrator
    // screen opens only when the database says there is nobody.
    QFuture<bool> hasUsers();
    // Only while no user exists; "" on success, else the reason (weak password, exists…).
    QFuture<QString> createFirstAdministrator(const QString &name, const QString &password);
    // The users by name, without their password hashes; a database error fails the future with
    // a JournalQueryError naming the problem.
    QFuture<QList<UserSummary>> listUsers();
    // User administration by `byUser` (the administrator logged in; the caller checks that the
    // session may manage users). The rules and audit rows are UserAdmin's, as for `vigil user`:
    // each returns "" when done, else why not (unknown role, existing user, weak password, the
    // last enabled admin…). A new password also lifts a lockout.
    QFuture<QString> addUser(const QString &name, Role role, const QString &password,
                             const QString &byUser);
    QFuture<QString> setRole(const QString &name, Role role, const QString &byUser);
    QFuture<QString> setDisabled(const QString &name, bool disabled, const QString &byUser);
    QFuture<QString> resetPassword(const QString &name, const QString &password,
                                   const QString &byUser);
    // Any thread; appended in call order, never blocks. timeMs 0 is stamped now.
    void audit(AuditEntry entry);
    // Newest first, keyset paging (see AuditFilter); a bad filter or a database error fails the
    // future with a JournalQueryError naming the problem.
    QFuture<QList<AuditRecord>> auditPage(const AuditFilter &filter);
    // Walks the whole chain (audited as audit.verify by `user`).
    QFuture<AuditVerification> verifyAudit(const QString &user);

    const SecurityOptions &options() const { return m_options; }
    // Before start(): the scrypt cost of new hashes (tests use a cheap one).
    void setPasswordHasher(const PasswordHasher &hasher);

signals:
    void auditAppended(); // after each committed audit row (Audit page refresh)
    void usersChanged();  // after each user administration call (Users page refresh)

private:
    QString m_databaseUrl;
    QString m_keyFile;
    QString m_headFile;
    SecurityOptions m_options;
    PasswordHasher m_hasher;
    Clock *m_clock;
    QThread m_thread;
    SecurityWorker *m_worker = nullptr;
    bool m_running = false;
};

} // namespace vigil
