#pragma once

#include <QMetaType>
#include <QString>

namespace vigil
{

// Starting: opening and recovering the database; Recording: every sample is committed within
// about a second; Degraded: the database cannot be written (disk full, read-only, unreachable):
// samples wait in a bounded queue, the oldest are dropped and counted; Stopped.
enum class HistorianState : quint8 {
    Starting,
    Recording,
    Degraded,
    Stopped,
};

inline QString historianStateName(HistorianState s)
{
    switch (s) {
    case HistorianState::Starting:
        return QStringLiteral("starting");
    case HistorianState::Recording:
        return QStringLiteral("recording");
    case HistorianState::Degraded:
        return QStringLiteral("degraded");
    case HistorianState::Stopped:
        return QStringLiteral("stopped");
    }
    return QString();
}

} // namespace vigil

Q_DECLARE_METATYPE(vigil::HistorianState)
