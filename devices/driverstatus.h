#pragma once

#include <QMetaType>
#include <QString>

namespace vigil
{

enum class DriverState : quint8 {
    Stopped,      // not started, or stopped on purpose
    Connecting,   // opening the link (or waiting to retry)
    Connected,    // everything is answering
    Degraded,     // connected, but part of the device is failing (some blocks, topics)
    Disconnected, // the link is down; reason says why
};

QString driverStateName(DriverState state);

// A driver's connection state and why it is in it ("connection refused", "timeout after 3 tries").
struct DriverStatus {
    DriverState state = DriverState::Stopped;
    QString reason;
    qint64 sinceMs = 0;
};

} // namespace vigil

Q_DECLARE_METATYPE(vigil::DriverStatus)
