#include "historyqueryworker.h"

#include "historyconnection.h"
#include "historyreader.h"
#include "historyschema.h"

namespace vigil
{

HistoryQueryWorker::HistoryQueryWorker(QString url, const HistoryTailSource *tail)
    : m_url(std::move(url))
    , m_tail(tail)
{
}

HistoryQueryWorker::~HistoryQueryWorker()
{
    reset();
}

void HistoryQueryWorker::reset()
{
    m_reader.reset();
    m_connection.reset();
}

HistoryReader *HistoryQueryWorker::reader(QString *error)
{
    if (m_reader && m_connection->isOpen())
        return m_reader.get();
    reset();
    const std::optional<HistoryUrl> url = HistoryUrl::parse(m_url, error);
    if (!url)
        return nullptr;
    m_connection = std::make_unique<HistoryConnection>(*url, HistoryConnection::Role::Reader);
    if (!m_connection->open(error)) {
        m_connection.reset();
        return nullptr;
    }
    // Not before the historian has brought the schema to this version (a query on an old
    // database would misread it); the next query asks again.
    bool readable = false;
    {
        QSqlDatabase db = m_connection->database(); // released before the connection closes
        readable = HistorySchema::readable(db, url->isSqlite(), error);
    }
    if (!readable) {
        m_connection.reset();
        return nullptr;
    }
    m_reader = std::make_unique<HistoryReader>(m_connection->database(), m_tail);
    return m_reader.get();
}

} // namespace vigil
