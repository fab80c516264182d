#pragma once

#include "mqttreject.h"

#include <QString>

#include <array>
#include <limits>

namespace vigil
{

// Logs rejected messages without flooding: per reason at most one line per interval, naming the
// topic and what was wrong, with the number of similar rejects suppressed since the last line.
class MqttRejectLog
{
public:
    explicit MqttRejectLog(QString deviceId, qint64 intervalMs = 10'000);

    // Returns true if a line was written.
    bool report(QStringView topic, MqttReject reason, const QString &detail, qint64 nowMs);

private:
    struct Slot {
        qint64 lastMs = std::numeric_limits<qint64>::min();
        quint64 suppressed = 0;
    };
    QString m_deviceId;
    qint64 m_intervalMs;
    std::array<Slot, mqttRejectCount> m_slots{};
};

} // namespace vigil
