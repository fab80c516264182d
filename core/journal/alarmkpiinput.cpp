#include "alarmkpiinput.h"

namespace vigil
{

int AlarmKpiInput::alarm(const QString &key, const QString &tag, const QString &message,
                         int priority)
{
    const auto found = m_index.constFind(key);
    if (found != m_index.constEnd()) {
        Alarm &a = m_alarms[size_t(*found)];
        a.tag = tag;
        a.message = message;
        a.priority = priority;
        return *found;
    }
    const int index = int(m_alarms.size());
    m_alarms.push_back({key, tag, message, priority});
    m_index.insert(key, index);
    return index;
}

void AlarmKpiInput::addTransition(qint64 timeMs, int alarm, Change change, bool hidden)
{
    m_transitions.push_back({timeMs, alarm, change, hidden});
}

void AlarmKpiInput::addActive(int alarm, qint64 raisedMs, bool hidden)
{
    m_active.push_back({alarm, raisedMs, hidden});
}

} // namespace vigil
