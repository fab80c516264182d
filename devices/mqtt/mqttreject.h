#pragma once

#include <QString>

namespace vigil
{

// Why a received message was not applied to a tag. The tag keeps its last value and quality.
enum class MqttReject : quint8 {
    TooLarge,
    InvalidUtf8,
    InvalidJson,
    MissingField,
    WrongType,
    NotFinite,
    OutOfRange,
    BadTimestamp,
};
constexpr int mqttRejectCount = 8;

// "payload too large", "invalid JSON", ... (also the key in the device's errors by kind).
QString mqttRejectName(MqttReject reason);

} // namespace vigil
