#include "historystatus.h"

#include "history/historian.h"

namespace vigil
{

HistoryStatus::HistoryStatus(Historian *historian, QObject *parent)
    : QObject(parent)
    , m_historian(historian)
{
    if (historian)
        connect(historian, &Historian::stateChanged, this, &HistoryStatus::refresh);
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &HistoryStatus::refresh);
    m_timer.start();
    refresh();
}

QString HistoryStatus::stateText() const
{
    if (!m_historian)
        return tr("History: read only");
    switch (m_state) {
    case HistorianState::Starting:
        return tr("History: starting");
    case HistorianState::Recording:
        return tr("History: recording");
    case HistorianState::Degraded:
        return tr("HISTORY DEGRADED");
    case HistorianState::Stopped:
        return tr("History: stopped");
    }
    return QString();
}

void HistoryStatus::refresh()
{
    if (!m_historian)
        return;
    const Historian::Stats s = m_historian->stats();
    if (s.state == m_state && s.reason == m_reason && s.dropped == m_dropped)
        return;
    m_state = s.state;
    m_reason = s.reason;
    m_dropped = s.dropped;
    emit changed();
}

} // namespace vigil
