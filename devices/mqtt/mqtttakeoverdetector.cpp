#include "mqtttakeoverdetector.h"

namespace vigil
{

MqttTakeOverDetector::Verdict MqttTakeOverDetector::lost(Loss loss, qint64 nowMs)
{
    const bool quick = nowMs - m_connectedAtMs < m_stableMs;
    Verdict v;
    if (loss == Loss::TakenOver) {
        ++m_quickLosses;
        v.takenOver = true;
        v.brokerSaidSo = true;
    } else if (loss == Loss::ClosedByBroker && quick) {
        ++m_quickLosses;
        v.takenOver = m_quickLosses >= 2;
    } else {
        m_quickLosses = 0;
        v.resetBackoff = !quick;
    }
    v.quickLosses = m_quickLosses;
    return v;
}

QString MqttTakeOverDetector::describe(const QString &clientId, const Verdict &verdict)
{
    const QString evidence =
        verdict.brokerSaidSo
            ? QStringLiteral("the broker says the session was taken over")
            : QStringLiteral("the broker closed %1 connections in a row soon after accepting "
                             "them")
                  .arg(verdict.quickLosses);
    return QStringLiteral("another client uses client id %1 (%2); give each panel its own "
                          "client_id")
        .arg(clientId, evidence);
}

} // namespace vigil
