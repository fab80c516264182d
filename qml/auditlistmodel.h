#pragma once

#include "journallistmodel.h"
#include "security/auditrecord.h"

#include <QVariantList>

#include <vector>

namespace vigil
{

class SecurityService;

// The Audit page's list: audit rows from journal.db, newest first, filtered by time range, user,
// kind of action (a prefix: "command." is every command step) and text in target or detail, one
// page at a time. While the page is shown (`active`), a new audit row refreshes the list after
// the filter pause, so a burst of rows reads the journal once.
class AuditListModel : public JournalListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("AuditListModel is created by the application")
    Q_PROPERTY(QString userFilter READ userFilter WRITE setUserFilter NOTIFY filtersChanged)
    Q_PROPERTY(QString actionFilter READ actionFilter WRITE setActionFilter NOTIFY filtersChanged)
    // {text, prefix} for each offered kind of action, "All" (prefix "") first.
    Q_PROPERTY(QVariantList actionChoices READ actionChoices CONSTANT)
    Q_PROPERTY(bool active READ active WRITE setActive NOTIFY activeChanged)
public:
    enum Role {
        TimeTextRole = Qt::UserRole + 1,
        SeqRole,
        UserRole,
        ActionRole,
        TargetRole,
        DetailRole,
        ResultRole,
    };
    Q_ENUM(Role)

    // The service must outlive this object.
    AuditListModel(SecurityService &security, const Clock &clock, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString userFilter() const { return m_user; }
    void setUserFilter(const QString &user);
    QString actionFilter() const { return m_action; }
    void setActionFilter(const QString &prefix);
    QVariantList actionChoices() const;
    bool active() const { return m_active; }
    void setActive(bool active);

signals:
    void activeChanged();

protected:
    void requestPage(qint64 generation, qint64 fromMs, qint64 toMs,
                     std::optional<JournalCursor> after) override;
    void clearRows() override { m_rows.clear(); }

private:
    SecurityService &m_security;
    std::vector<AuditRecord> m_rows;
    QString m_user;
    QString m_action;
    bool m_active = false;
};

} // namespace vigil
