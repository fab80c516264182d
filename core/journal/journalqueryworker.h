#pragma once

#include <QObject>
#include <QString>

#include <memory>

namespace vigil
{

class AlarmKpiReader;
class JournalConnection;
class JournalReader;

// The journal query thread's object: owns the reader connection to journal.db, opened (again)
// on first use, so a journal that appears later (or comes back) is found by the next query.
class JournalQueryWorker : public QObject
{
    Q_OBJECT
public:
    explicit JournalQueryWorker(QString url);
    ~JournalQueryWorker() override;

    // The readers, or nullptr with an error if the journal cannot be read now.
    JournalReader *reader(QString *error);
    AlarmKpiReader *kpiReader(QString *error);
    void reset();

private:
    bool open(QString *error);

    QString m_url;
    std::unique_ptr<JournalConnection> m_connection;
    std::unique_ptr<JournalReader> m_reader;
    std::unique_ptr<AlarmKpiReader> m_kpiReader;
};

} // namespace vigil
