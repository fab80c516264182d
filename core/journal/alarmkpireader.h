#pragma once

#include "alarmkpiinput.h"
#include "alarmkpioptions.h"

#include <QSqlDatabase>
#include <QString>

namespace vigil
{

// Reads what the alarm KPIs of a period need from journal.db: the raise and clear transitions
// of [fromMs, toMs + fleeting time] and the alarms active at toMs with the time they were raised.
class AlarmKpiReader
{
public:
    AlarmKpiReader(QSqlDatabase db);

    bool read(qint64 fromMs, qint64 toMs, const AlarmKpiOptions &options, AlarmKpiInput &out);
    QString lastError() const { return m_error; }

private:
    bool readTransitions(qint64 fromMs, qint64 toMs, AlarmKpiInput &out);
    bool readActive(qint64 atMs, AlarmKpiInput &out);

    QSqlDatabase m_db;
    QString m_error;
};

} // namespace vigil
