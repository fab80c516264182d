#pragma once

#include "historyconnection.h"
#include "historyreader.h"
#include "historyurl.h"

#include <memory>
#include <optional>

namespace vigil
{

class HistoryTailSource;

// The one way to read history outside the historian's writer: parses the URL, opens a reader
// connection and checks that the database has this program's schema version before any query
// (a reader never migrates, and a query against another version's tables gives wrong answers or
// confusing SQL errors). Use it on the thread that opened it, like its connection.
class HistoryReadSession
{
public:
    enum class Status {
        Ready,  // reader() may be used
        Empty,  // no history there yet: no SQLite file, or a database without the schema
        Failed, // error() says what and where (the URL shown without its password)
    };

    // `tail`: the historian of this process, for samples not yet in stored chunks.
    explicit HistoryReadSession(const HistoryTailSource *tail = nullptr);
    ~HistoryReadSession();
    HistoryReadSession(const HistoryReadSession &) = delete;
    HistoryReadSession &operator=(const HistoryReadSession &) = delete;

    Status open(const QString &url);

    QString error() const { return m_error; }
    // The URL for messages (no password); empty if it did not parse.
    QString display() const { return m_url ? m_url->display() : QString(); }
    HistoryReader &reader() { return *m_reader; }
    QSqlDatabase database() const { return m_connection->database(); }

private:
    Status fail(const QString &message);

    const HistoryTailSource *m_tail;
    std::optional<HistoryUrl> m_url;
    std::unique_ptr<HistoryConnection> m_connection;
    std::unique_ptr<HistoryReader> m_reader;
    QString m_error;
};

} // namespace vigil
