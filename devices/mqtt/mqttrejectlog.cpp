#include "mqttrejectlog.h"

#include "mqttlog.h"

namespace vigil
{

MqttRejectLog::MqttRejectLog(QString deviceId, qint64 intervalMs)
    : m_deviceId(std::move(deviceId))
    , m_intervalMs(intervalMs)
{
}

bool MqttRejectLog::report(QStringView topic, MqttReject reason, const QString &detail,
                           qint64 nowMs)
{
    Slot &slot = m_slots[size_t(reason)];
    if (slot.lastMs != std::numeric_limits<qint64>::min() && nowMs - slot.lastMs < m_intervalMs) {
        ++slot.suppressed;
        return false;
    }
    const QString suppressed =
        slot.suppressed > 0 ? QStringLiteral(" (%1 similar rejects in the last %2 s not logged)")
                                  .arg(slot.suppressed)
                                  .arg(double(nowMs - slot.lastMs) / 1000.0, 0, 'f', 0)
                            : QString();
    qCWarning(lcMqtt).noquote() << QStringLiteral("device %1: message on '%2' rejected: %3: %4%5")
                                       .arg(m_deviceId, topic, mqttRejectName(reason), detail,
                                            suppressed);
    slot.lastMs = nowMs;
    slot.suppressed = 0;
    return true;
}

} // namespace vigil
