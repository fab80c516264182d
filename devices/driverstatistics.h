#pragma once

#include <QMap>
#include <QMetaType>
#include <QString>

namespace vigil
{

// Communication counters of one device, as shown on the Devices page. Each driver fills the
// counters that apply to its protocol (requests for polled links, messages for MQTT).
struct DriverStatistics {
    quint64 requests = 0;  // requests sent (polls, reads)
    quint64 responses = 0; // good answers
    quint64 errors = 0;    // failed requests of any kind
    quint64 timeouts = 0;
    quint64 reconnects = 0;
    quint64 messagesIn = 0; // unsolicited messages received (MQTT, serial frames)
    quint64 messagesOut = 0;
    quint64 rejected = 0; // received but refused (bad payload, bad checksum, overlong frame)
    quint64 writes = 0;
    quint64 writeErrors = 0;
    quint64 overruns = 0; // scan cycles that did not fit their period
    double rttAvgMs = 0.0;
    double rttMaxMs = 0.0;
    QString lastError;
    qint64 lastErrorMs = 0;
    QMap<QString, quint64> errorsByKind; // "timeout", "crc", "exception 2", ...

    void recordRoundTrip(double ms);
    void recordError(const QString &kind, const QString &message, qint64 nowMs);

private:
    quint64 m_rttSamples = 0;
};

} // namespace vigil

Q_DECLARE_METATYPE(vigil::DriverStatistics)
