#include "eventlog.h"

#include "util/clock.h"
#include "util/logging.h"

namespace vigil
{

EventLog::EventLog(const Clock &clock, int capacity, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_capacity(capacity)
{
}

void EventLog::report(SystemEvent event)
{
    if (event.timeMs == 0)
        event.timeMs = m_clock.nowMs();
    {
        QMutexLocker lock(&m_mutex);
        m_recent.push_back(event);
        while (int(m_recent.size()) > m_capacity)
            m_recent.pop_front();
    }
    switch (event.severity) {
    case SystemEvent::Severity::Info:
        qCInfo(lcEvents).noquote() << event.source << event.kind << event.message;
        break;
    case SystemEvent::Severity::Warning:
    case SystemEvent::Severity::Error:
        qCWarning(lcEvents).noquote() << event.source << event.kind << event.message;
        break;
    }
    emit reported(event);
}

void EventLog::report(SystemEvent::Severity severity, const QString &source, const QString &kind,
                      const QString &message)
{
    report(SystemEvent{0, severity, source, kind, message});
}

QList<SystemEvent> EventLog::recent() const
{
    QMutexLocker lock(&m_mutex);
    return QList<SystemEvent>(m_recent.begin(), m_recent.end());
}

} // namespace vigil
