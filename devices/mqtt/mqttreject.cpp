#include "mqttreject.h"

namespace vigil
{

QString mqttRejectName(MqttReject reason)
{
    switch (reason) {
    case MqttReject::TooLarge:
        return QStringLiteral("payload too large");
    case MqttReject::InvalidUtf8:
        return QStringLiteral("invalid UTF-8");
    case MqttReject::InvalidJson:
        return QStringLiteral("invalid JSON");
    case MqttReject::MissingField:
        return QStringLiteral("missing field");
    case MqttReject::WrongType:
        return QStringLiteral("wrong type");
    case MqttReject::NotFinite:
        return QStringLiteral("not a finite number");
    case MqttReject::OutOfRange:
        return QStringLiteral("out of range");
    case MqttReject::BadTimestamp:
        return QStringLiteral("bad timestamp");
    }
    return QStringLiteral("rejected");
}

} // namespace vigil
