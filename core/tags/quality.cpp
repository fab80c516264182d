#include "quality.h"

namespace vigil
{

QString qualityName(Quality q)
{
    switch (q) {
    case Quality::Good:
        return QStringLiteral("Good");
    case Quality::Uncertain:
        return QStringLiteral("Uncertain");
    case Quality::Stale:
        return QStringLiteral("Uncertain/Stale");
    case Quality::Bad:
        return QStringLiteral("Bad");
    case Quality::NotConnected:
        return QStringLiteral("Bad/NotConnected");
    case Quality::CommError:
        return QStringLiteral("Bad/CommError");
    case Quality::ConfigError:
        return QStringLiteral("Bad/ConfigError");
    case Quality::OutOfService:
        return QStringLiteral("Bad/OutOfService");
    case Quality::WaitingForInitialData:
        return QStringLiteral("Bad/WaitingForInitialData");
    case Quality::NonFinite:
        return QStringLiteral("Bad/NonFinite");
    }
    return QStringLiteral("Bad");
}

QString qualityMark(Quality q)
{
    switch (q) {
    case Quality::Good:
        return QString();
    case Quality::Uncertain:
    case Quality::Stale:
        return QStringLiteral("?");
    case Quality::NotConnected:
    case Quality::CommError:
        return QStringLiteral("COMM");
    case Quality::OutOfService:
        return QStringLiteral("OOS");
    case Quality::WaitingForInitialData:
        return QStringLiteral("WAIT");
    case Quality::Bad:
    case Quality::ConfigError:
    case Quality::NonFinite:
        return QStringLiteral("BAD");
    }
    return QStringLiteral("BAD");
}

} // namespace vigil
