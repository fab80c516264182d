#pragma once

#include "alarmhistoryfilter.h"
#include "alarmhistoryrow.h"
#include "eventfilter.h"
#include "eventrow.h"
#include "journalpage.h"

#include <QSqlDatabase>
#include <QString>

namespace vigil
{

using AlarmHistoryPage = JournalPage<AlarmHistoryRow>;
using EventPage = JournalPage<EventRow>;

// The SQL of the alarm history and events listings on one reader connection of journal.db: one
// page per call, newest first, read with keyset pagination over the time indexes (a page costs
// the same wherever it is in the journal, and the journal is never read as a whole).
class JournalReader
{
public:
    JournalReader(QSqlDatabase db, bool sqlite);

    // False with lastError() on a bad filter or a database error.
    bool alarmHistory(const AlarmHistoryFilter &filter, AlarmHistoryPage &out);
    bool events(const EventFilter &filter, EventPage &out);

    QString lastError() const { return m_error; }

private:
    bool readAlarmRows(const AlarmHistoryFilter &filter, QList<AlarmHistoryRow> &rows);
    bool readEventRows(const EventFilter &filter, int limit, QList<EventRow> &rows);
    bool readAlarmEntries(const EventFilter &filter, int limit, QList<EventRow> &rows);
    bool fail(const QString &error);

    QSqlDatabase m_db;
    bool m_sqlite;
    QString m_error;
};

} // namespace vigil
