#pragma once

#include <QMetaType>
#include <QString>

namespace vigil
{

// A typed event reported by a service: a device connected or lost, the historian degraded or
// recovered, the plant loaded, a command executed, a user action. Events of every service land
// on one timeline (and, once the journal exists, in journal.db beside the alarm journal).
struct SystemEvent {
    enum class Severity : quint8 {
        Info,
        Warning,
        Error
    };

    qint64 timeMs = 0;
    Severity severity = Severity::Info;
    QString source;  // "device:plc1", "historian", "app", "user:alice"
    QString kind;    // stable machine-readable kind: "device.connected", "historian.degraded"
    QString message; // for people: "connection refused by 10.0.0.5:502"
};

QString severityName(SystemEvent::Severity severity);

} // namespace vigil

Q_DECLARE_METATYPE(vigil::SystemEvent)
