#pragma once

#include <QString>

namespace vigil
{

// Recognises another client with the same client id: the broker accepts our connection, then
// closes it as soon as the other client connects (it takes the session over), again and again.
// An MQTT 5 broker says so (DISCONNECT reason 0x8E); an MQTT 3.1.1 broker just closes the
// socket, so there the pattern is the evidence: connections accepted and then closed by the
// broker, each within the stable time, at least twice in a row with no failed attempt between.
//
// It also decides when the reconnect backoff may start over: only after a connection that stood
// for the stable time and was not taken over. Otherwise two panels with one client id would
// knock each other off the broker at the backoff's shortest delay forever.
class MqttTakeOverDetector
{
public:
    enum class Loss {
        ClosedByBroker, // the broker closed the connection without a reason
        TakenOver,      // MQTT 5 DISCONNECT with reason 0x8E (session taken over)
        Other           // keepalive timeout, our own abort, ...
    };
    struct Verdict {
        bool takenOver = false;    // report "another client uses client id ..."
        bool resetBackoff = false; // the connection was good: reconnect at the shortest delay
        bool brokerSaidSo = false; // MQTT 5 reason 0x8E rather than the pattern
        int quickLosses = 0;       // connections closed by the broker soon after connecting
    };

    explicit MqttTakeOverDetector(qint64 stableMs)
        : m_stableMs(stableMs)
    {
    }

    qint64 stableMs() const { return m_stableMs; }
    void connected(qint64 nowMs) { m_connectedAtMs = nowMs; }
    Verdict lost(Loss loss, qint64 nowMs);
    // A connection attempt failed: whatever closed the connections, it is not a take-over.
    void attemptFailed() { m_quickLosses = 0; }
    // "another client uses client id X (evidence); ..." for a verdict that says takenOver.
    static QString describe(const QString &clientId, const Verdict &verdict);

private:
    qint64 m_stableMs;
    qint64 m_connectedAtMs = 0;
    int m_quickLosses = 0;
};

} // namespace vigil
