#include "journalqueryworker.h"

#include "alarmkpireader.h"
#include "journalconnection.h"
#include "journallog.h"
#include "journalreader.h"
#include "journalschema.h"

#include <QFileInfo>

namespace vigil
{

JournalQueryWorker::JournalQueryWorker(QString url)
    : m_url(std::move(url))
{
}

JournalQueryWorker::~JournalQueryWorker()
{
    reset();
}

void JournalQueryWorker::reset()
{
    m_reader.reset();
    m_kpiReader.reset();
    m_connection.reset();
}

JournalReader *JournalQueryWorker::reader(QString *error)
{
    return open(error) ? m_reader.get() : nullptr;
}

AlarmKpiReader *JournalQueryWorker::kpiReader(QString *error)
{
    return open(error) ? m_kpiReader.get() : nullptr;
}

bool JournalQueryWorker::open(QString *error)
{
    if (m_reader && m_connection->isOpen())
        return true;
    reset();
    const std::optional<HistoryUrl> url = JournalConnection::parseUrl(m_url, error);
    if (!url)
        return false;
    // Opening a missing SQLite file would create it: the writer creates the journal, not us.
    if (url->isSqlite() && !QFileInfo::exists(url->path())) {
        if (error)
            *error = QStringLiteral("no journal database yet at %1").arg(url->path());
        return false;
    }
    m_connection = std::make_unique<JournalConnection>(*url, JournalConnection::Role::Reader);
    bool readable = m_connection->open(error);
    if (readable) {
        QSqlDatabase db = m_connection->database(); // released before the connection closes
        readable = JournalSchema::readable(db, url->isSqlite(), error);
    }
    if (!readable) {
        m_connection.reset();
        return false;
    }
    qCDebug(lcJournal) << "journal query connection open on" << url->display();
    m_reader = std::make_unique<JournalReader>(m_connection->database(), url->isSqlite());
    m_kpiReader = std::make_unique<AlarmKpiReader>(m_connection->database());
    return true;
}

} // namespace vigil
