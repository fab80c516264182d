#pragma once

#include "security/userrecord.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace vigil
{

// The app_user table of journal.db on a connection owned by the caller's thread (the security
// worker, or the command line). Plain storage: which changes are allowed is UserAdmin's and
// LoginPolicy's business. Every method returns false / nullopt with `error` set when the
// database fails; find() returns nullopt with an empty error for an unknown user.
class UserStore
{
public:
    explicit UserStore(QSqlDatabase db);

    bool add(const UserRecord &user, QString *error);
    std::optional<UserRecord> find(const QString &name, QString *error) const;
    // Every user, by name.
    std::optional<QList<UserRecord>> list(QString *error) const;
    // How many users exist (-1 on error).
    int count(QString *error) const;
    // How many enabled users have the admin role (-1 on error).
    int enabledAdmins(QString *error) const;

    // Each returns false with `error` "no user 'NAME'" when the user does not exist.
    bool setPassword(const QString &name, const QString &passwordHash, qint64 nowMs,
                     QString *error);
    bool setDisabled(const QString &name, bool disabled, qint64 nowMs, QString *error);
    bool setRole(const QString &name, Role role, qint64 nowMs, QString *error);
    // The login counters after an attempt (LoginPolicy decides them).
    bool setLoginState(const QString &name, int failedLogins, qint64 lockedUntilMs, QString *error);

private:
    bool update(const QString &name, const QString &assignments, const QVariantList &values,
                QString *error);

    QSqlDatabase m_db;
};

} // namespace vigil
