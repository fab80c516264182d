#include "historyreadsession.h"

#include "historyschema.h"

#include <QFileInfo>

namespace vigil
{

HistoryReadSession::HistoryReadSession(const HistoryTailSource *tail)
    : m_tail(tail)
{
}

HistoryReadSession::~HistoryReadSession()
{
    m_reader.reset(); // before the connection it queries
}

HistoryReadSession::Status HistoryReadSession::open(const QString &url)
{
    m_reader.reset();
    m_connection.reset();
    QString error;
    m_url = HistoryUrl::parse(url, &error);
    if (!m_url)
        return fail(error);
    if (m_url->isSqlite() && !QFileInfo::exists(m_url->path())) {
        m_error = QStringLiteral("no history at %1").arg(m_url->path());
        return Status::Empty;
    }
    m_connection = std::make_unique<HistoryConnection>(*m_url, HistoryConnection::Role::Reader);
    if (!m_connection->open(&error))
        return fail(error);
    QSqlDatabase db = m_connection->database();
    const int version = HistorySchema::version(db, m_url->isSqlite(), &error);
    if (version < 0)
        return fail(
            QStringLiteral("%1: cannot read the schema version: %2").arg(m_url->display(), error));
    if (version == 0) {
        m_error =
            QStringLiteral("%1: the history database holds no history yet").arg(m_url->display());
        return Status::Empty;
    }
    if (!HistorySchema::readable(db, m_url->isSqlite(), &error))
        return fail(QStringLiteral("%1: %2").arg(m_url->display(), error));
    m_reader = std::make_unique<HistoryReader>(db, m_tail);
    m_error.clear();
    return Status::Ready;
}

HistoryReadSession::Status HistoryReadSession::fail(const QString &message)
{
    m_error = message; // the connection closes with the session or the next open()
    return Status::Failed;
}

} // namespace vigil
