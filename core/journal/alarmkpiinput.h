#pragma once

#include <QHash>
#include <QString>

#include <vector>

namespace vigil
{

// What the alarm KPIs are computed from, read from the journal (or written by a test): the
// raise and clear transitions of the period (clears a little beyond it, for fleeting alarms)
// and the alarms active at the period's end with the time they were raised.
class AlarmKpiInput
{
public:
    struct Alarm {
        QString key;
        QString tag;
        QString message;
        int priority = 0;
    };
    enum class Change : quint8 {
        Raised,
        Cleared,
    };
    struct Transition {
        qint64 timeMs = 0;
        int alarm = 0; // index into alarms()
        Change change = Change::Raised;
        bool hidden = false; // shelved, suppressed or out of service after the transition
    };
    struct Active {
        int alarm = 0;
        qint64 raisedMs = 0;
        bool hidden = false;
    };

    // The index of the alarm with this key; tag, message and priority are updated to the
    // latest given (alarms are added in time order).
    int alarm(const QString &key, const QString &tag, const QString &message, int priority);
    // Transitions may be added in any order; the calculator sorts them by time.
    void addTransition(qint64 timeMs, int alarm, Change change, bool hidden = false);
    void addActive(int alarm, qint64 raisedMs, bool hidden = false);

    const std::vector<Alarm> &alarms() const { return m_alarms; }
    const std::vector<Transition> &transitions() const { return m_transitions; }
    const std::vector<Active> &active() const { return m_active; }

private:
    std::vector<Alarm> m_alarms;
    QHash<QString, int> m_index;
    std::vector<Transition> m_transitions;
    std::vector<Active> m_active;
};

} // namespace vigil
