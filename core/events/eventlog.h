#pragma once

#include "systemevent.h"

#include <QList>
#include <QMutex>
#include <QObject>

#include <deque>

namespace vigil
{

class Clock;

// The one event interface of the core. Any thread may report(); subscribers get reported() in
// their own thread through queued connections; the newest events are kept in memory for screens
// that open later. Persistence subscribes like any other listener.
class EventLog : public QObject
{
    Q_OBJECT
public:
    explicit EventLog(const Clock &clock, int capacity = 1000, QObject *parent = nullptr);

    // Stamps the event with the clock if it has no time, keeps it and emits reported().
    void report(SystemEvent event);
    void report(SystemEvent::Severity severity, const QString &source, const QString &kind,
                const QString &message);

    // The newest events, oldest first.
    QList<SystemEvent> recent() const;

signals:
    void reported(const vigil::SystemEvent &event);

private:
    const Clock &m_clock;
    const int m_capacity;
    mutable QMutex m_mutex;
    std::deque<SystemEvent> m_recent;
};

} // namespace vigil
