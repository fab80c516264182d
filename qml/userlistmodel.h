#pragma once

#include "security/usersummary.h"

#include <QAbstractListModel>
#include <QList>
#include <QtQml/qqmlregistration.h>

namespace vigil
{

// The Users page's list: every user by name with role and state (enabled, disabled, locked
// until when). Filled by UserAdministration from the security service; holds no password hash.
class UserListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("UserListModel is created by the application")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role {
        NameRole = Qt::UserRole + 1,
        RoleKeyRole,  // "operator": stable, for the role buttons
        RoleTextRole, // translated
        DisabledRole,
        LockedRole,
        StateTextRole, // "Enabled", "Disabled", "Locked until 2026-12-08 10:15"
    };
    Q_ENUM(Role)

    explicit UserListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Replaces the list; `nowMs` (wall time) decides who is locked.
    void reset(const QList<UserSummary> &users, qint64 nowMs);
    // The user named, or nullptr.
    const UserSummary *find(const QString &name) const;

    static QString stateText(const UserSummary &user, qint64 nowMs);

signals:
    void countChanged();

private:
    QList<UserSummary> m_users;
    qint64 m_nowMs = 0;
};

} // namespace vigil
