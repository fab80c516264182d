#pragma once

#include <QObject>
#include <QString>

#include <memory>

namespace vigil
{

class HistoryConnection;
class HistoryReader;
class HistoryTailSource;

// The query thread's object: owns the reader connection, opened (again) on first use.
class HistoryQueryWorker : public QObject
{
    Q_OBJECT
public:
    HistoryQueryWorker(QString url, const HistoryTailSource *tail);
    ~HistoryQueryWorker() override;

    // The reader, or nullptr with an error if the database cannot be opened now.
    HistoryReader *reader(QString *error);
    void reset();

private:
    QString m_url;
    const HistoryTailSource *m_tail;
    std::unique_ptr<HistoryConnection> m_connection;
    std::unique_ptr<HistoryReader> m_reader;
};

} // namespace vigil
