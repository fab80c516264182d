#include "userlistmodel.h"

#include "sessioncontroller.h"

#include <QDateTime>

namespace vigil
{

UserListModel::UserListModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

int UserListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

QHash<int, QByteArray> UserListModel::roleNames() const
{
    return {{NameRole, "name"},         {RoleKeyRole, "roleKey"}, {RoleTextRole, "roleText"},
            {DisabledRole, "disabled"}, {LockedRole, "locked"},   {StateTextRole, "stateText"}};
}

QVariant UserListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const UserSummary &user = m_users.at(index.row());
    switch (role) {
    case NameRole:
        return user.name;
    case RoleKeyRole:
        return roleName(user.role);
    case RoleTextRole:
        return SessionController::roleText(user.role);
    case DisabledRole:
        return user.disabled;
    case LockedRole:
        return user.lockedAt(m_nowMs);
    case StateTextRole:
        return stateText(user, m_nowMs);
    default:
        return {};
    }
}

void UserListModel::reset(const QList<UserSummary> &users, qint64 nowMs)
{
    const bool countChanges = users.size() != m_users.size();
    beginResetModel();
    m_users = users;
    m_nowMs = nowMs;
    endResetModel();
    if (countChanges)
        emit countChanged();
}

const UserSummary *UserListModel::find(const QString &name) const
{
    for (const UserSummary &user : m_users) {
        if (user.name == name)
            return &user;
    }
    return nullptr;
}

QString UserListModel::stateText(const UserSummary &user, qint64 nowMs)
{
    if (user.disabled)
        return tr("Disabled");
    if (user.lockedAt(nowMs))
        return tr("Locked until %1")
            .arg(QDateTime::fromMSecsSinceEpoch(user.lockedUntilMs)
                     .toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    return tr("Enabled");
}

} // namespace vigil
