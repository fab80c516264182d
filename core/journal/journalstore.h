#pragma once

#include "journalbatch.h"

#include <QSqlQuery>
#include <QString>

#include <optional>

namespace vigil
{

class JournalConnection;

// The SQL of journal.db's writer: appends alarm transitions and events, upserts alarm states,
// all of one batch in one transaction, and reads the saved states back at start. The schema
// must be migrated (JournalSchema) before prepare().
class JournalStore
{
public:
    explicit JournalStore(JournalConnection &connection);

    bool prepare(QString *error);
    // One transaction; on failure nothing of the batch is stored.
    bool write(const JournalBatch &batch, QString *error);
    std::optional<AlarmSavedStates> loadStates(QString *error);

private:
    bool insertTransition(const AlarmTransition &t, QString *error);
    bool insertEvent(const SystemEvent &e, QString *error);
    bool upsertState(const AlarmSavedState &s, QString *error);
    bool writeAll(const JournalBatch &batch, QString *error);

    JournalConnection &m_connection;
    QSqlQuery m_transition;
    QSqlQuery m_event;
    QSqlQuery m_state;
};

} // namespace vigil
