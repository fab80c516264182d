#include "journalconnection.h"

namespace vigil
{

JournalConnection::JournalConnection(HistoryUrl url, Role role)
    : m_connection(std::move(url), role,
                   HistoryConnection::Profile{QStringLiteral("journal"), /*fullSync=*/true})
{
}

std::optional<HistoryUrl> JournalConnection::parseUrl(const QString &url, QString *error)
{
    QString problem;
    auto parsed = HistoryUrl::parse(url, &problem);
    if (!parsed && error)
        *error = QStringLiteral("database_url: %1").arg(problem);
    return parsed;
}

bool JournalConnection::open(QString *error)
{
    QString problem;
    if (m_connection.open(&problem))
        return true;
    if (error)
        *error = QStringLiteral("journal database: %1").arg(problem);
    return false;
}

} // namespace vigil
