#include "systemevent.h"

namespace vigil
{

QString severityName(SystemEvent::Severity severity)
{
    switch (severity) {
    case SystemEvent::Severity::Info:
        return QStringLiteral("info");
    case SystemEvent::Severity::Warning:
        return QStringLiteral("warning");
    case SystemEvent::Severity::Error:
        return QStringLiteral("error");
    }
    return QString();
}

} // namespace vigil
