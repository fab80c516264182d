#include "auditlistmodel.h"

#include "security/auditfilter.h"
#include "security/securityservice.h"

namespace vigil
{

namespace
{

// One answer of the service in the shape JournalListModel appends: the rows and where the next
// (older) page starts, if the page was full.
struct AuditPage {
    QList<AuditRecord> rows;
    std::optional<JournalCursor> next;
};

} // namespace

AuditListModel::AuditListModel(SecurityService &security, const Clock &clock, QObject *parent)
    : JournalListModel(clock, parent)
    , m_security(security)
{
    connect(&m_security, &SecurityService::auditAppended, this, [this] {
        if (m_active)
            filterChanged();
    });
}

int AuditListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QHash<int, QByteArray> AuditListModel::roleNames() const
{
    return {
        {TimeTextRole, "timeText"}, {SeqRole, "seq"},       {UserRole, "user"},
        {ActionRole, "action"},     {TargetRole, "target"}, {DetailRole, "detail"},
        {ResultRole, "result"},
    };
}

QVariant AuditListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return {};
    const AuditRecord &r = m_rows[size_t(index.row())];
    switch (role) {
    case TimeTextRole:
        return timeText(r.timeMs);
    case SeqRole:
        return r.seq;
    case UserRole:
        return r.user;
    case Qt::DisplayRole:
    case ActionRole:
        return r.action;
    case TargetRole:
        return r.target;
    case DetailRole:
        return r.detail;
    case ResultRole:
        return r.result;
    default:
        return {};
    }
}

void AuditListModel::setUserFilter(const QString &user)
{
    setFilterField(m_user, user.trimmed(), true);
}

void AuditListModel::setActionFilter(const QString &prefix)
{
    setFilterField(m_action, prefix, false);
}

QVariantList AuditListModel::actionChoices() const
{
    auto choice = [](const QString &text, const char *prefix) {
        return QVariantMap{{QStringLiteral("text"), text},
                           {QStringLiteral("prefix"), QString::fromLatin1(prefix)}};
    };
    // The action names are stable: "log" takes in login, login.failed, login.locked and logout.
    return {choice(tr("All"), ""),
            choice(tr("Logins"), "log"),
            choice(tr("Commands"), "command."),
            choice(tr("Alarms"), "alarm."),
            choice(tr("Users"), "user."),
            choice(tr("Audit"), "audit.")};
}

void AuditListModel::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    emit activeChanged();
    if (m_active)
        refresh();
}

void AuditListModel::requestPage(qint64 generation, qint64 fromMs, qint64 toMs,
                                 std::optional<JournalCursor> after)
{
    AuditFilter filter;
    filter.fromMs = fromMs;
    filter.toMs = toMs + 1; // the range shown ends with its last millisecond
    filter.user = m_user;
    filter.actionPrefix = m_action;
    filter.text = textFilter().trimmed();
    filter.beforeSeq = after ? after->id : 0;
    filter.pageSize = pageSize();
    const int size = filter.pageSize;
    QFuture<AuditPage> page =
        m_security.auditPage(filter).then([size](const QList<AuditRecord> &rows) {
            AuditPage p;
            p.rows = rows;
            if (rows.size() >= size)
                p.next = JournalCursor{rows.constLast().timeMs, rows.constLast().seq,
                                       JournalCursor::Origin::Event};
            return p;
        });
    receivePage(page, generation, m_rows);
}

} // namespace vigil
