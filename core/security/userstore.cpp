#include "userstore.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace vigil
{

namespace
{

const QString kColumns = QStringLiteral("name, role, password, disabled, failed_logins, "
                                        "locked_until_ms, created_ms, changed_ms");

bool failed(const QSqlQuery &q, QString *error)
{
    if (error)
        *error = QStringLiteral("user database: %1").arg(q.lastError().text());
    return false;
}

UserRecord fromRow(const QSqlQuery &q)
{
    UserRecord u;
    u.name = q.value(0).toString();
    // A value outside the enum stays a number that is no Role: PermissionMatrix denies it.
    u.role = Role(quint8(q.value(1).toInt()));
    u.passwordHash = q.value(2).toString();
    u.disabled = q.value(3).toInt() != 0;
    u.failedLogins = q.value(4).toInt();
    u.lockedUntilMs = q.value(5).toLongLong();
    u.createdMs = q.value(6).toLongLong();
    u.changedMs = q.value(7).toLongLong();
    return u;
}

int countOf(const QSqlDatabase &db, const QString &sql, QString *error)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next()) {
        failed(q, error);
        return -1;
    }
    return q.value(0).toInt();
}

} // namespace

UserStore::UserStore(QSqlDatabase db)
    : m_db(std::move(db))
{
}

bool UserStore::add(const UserRecord &user, QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(
        QStringLiteral("INSERT INTO app_user (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?)").arg(kColumns));
    q.addBindValue(user.name);
    q.addBindValue(int(user.role));
    q.addBindValue(user.passwordHash);
    q.addBindValue(user.disabled ? 1 : 0);
    q.addBindValue(user.failedLogins);
    q.addBindValue(user.lockedUntilMs);
    q.addBindValue(user.createdMs);
    q.addBindValue(user.changedMs);
    return q.exec() || failed(q, error);
}

std::optional<UserRecord> UserStore::find(const QString &name, QString *error) const
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("SELECT %1 FROM app_user WHERE name = ?").arg(kColumns));
    q.addBindValue(name);
    if (!q.exec()) {
        failed(q, error);
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return fromRow(q);
}

std::optional<QList<UserRecord>> UserStore::list(QString *error) const
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT %1 FROM app_user ORDER BY name").arg(kColumns))) {
        failed(q, error);
        return std::nullopt;
    }
    QList<UserRecord> users;
    while (q.next())
        users.append(fromRow(q));
    return users;
}

int UserStore::count(QString *error) const
{
    return countOf(m_db, QStringLiteral("SELECT count(*) FROM app_user"), error);
}

int UserStore::enabledAdmins(QString *error) const
{
    return countOf(m_db,
                   QStringLiteral("SELECT count(*) FROM app_user WHERE disabled = 0 AND role = %1")
                       .arg(int(Role::Admin)),
                   error);
}

bool UserStore::setPassword(const QString &name, const QString &passwordHash, qint64 nowMs,
                            QString *error)
{
    return update(name, QStringLiteral("password = ?, changed_ms = ?"), {passwordHash, nowMs},
                  error);
}

bool UserStore::setDisabled(const QString &name, bool disabled, qint64 nowMs, QString *error)
{
    return update(name, QStringLiteral("disabled = ?, changed_ms = ?"), {disabled ? 1 : 0, nowMs},
                  error);
}

bool UserStore::setRole(const QString &name, Role role, qint64 nowMs, QString *error)
{
    return update(name, QStringLiteral("role = ?, changed_ms = ?"), {int(role), nowMs}, error);
}

bool UserStore::setLoginState(const QString &name, int failedLogins, qint64 lockedUntilMs,
                              QString *error)
{
    return update(name, QStringLiteral("failed_logins = ?, locked_until_ms = ?"),
                  {failedLogins, lockedUntilMs}, error);
}

bool UserStore::update(const QString &name, const QString &assignments, const QVariantList &values,
                       QString *error)
{
    QSqlQuery q(m_db);
    q.prepare(QStringLiteral("UPDATE app_user SET %1 WHERE name = ?").arg(assignments));
    for (const QVariant &v : values)
        q.addBindValue(v);
    q.addBindValue(name);
    if (!q.exec())
        return failed(q, error);
    if (q.numRowsAffected() == 0) {
        if (error)
            *error = QStringLiteral("no user '%1'").arg(name);
        return false;
    }
    return true;
}

} // namespace vigil
