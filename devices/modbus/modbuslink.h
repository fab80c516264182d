#pragma once

#include "modbusblock.h"
#include "modbuserror.h"
#include "modbussettings.h"
#include "modbustransport.h"
#include "modbusunittracker.h"
#include "reconnectbackoff.h"

#include <functional>
#include <memory>
#include <random>

namespace vigil
{

struct ModbusPoint;
struct ModbusWrite;

// The transaction policy above a transport, free of timers and threads so that it can be tested
// against a fake transport with a fake clock: tries and retries per request, dead units on a
// shared bus (ModbusUnitTracker), and when to open a new connection. Reconnect delays come from
// one ReconnectBackoff, reset by any answer from the device:
//  - a refused connection waits retryDelayMs() before the next open();
//  - a connection closed during a request (by the peer, or by the transport after a timeout or
//    a broken reply, since a late answer must not be read as the next one) is reopened at once
//    when the device has answered on it; when it never has, the link is lost (closed by the
//    peer) or paused (timeout, broken reply) for retryDelayMs(): a server that accepts
//    connections and never answers is retried no faster than one that refuses them.
class ModbusLink
{
public:
    enum class Outcome : quint8 {
        Ok,
        Failed,   // no good answer after the tries (timeout, exception, broken reply)
        Skipped,  // the unit is dead and already had its probe in this cycle
        Paused,   // failed, the connection closed: reopen() after retryDelayMs()
        LinkLost, // the connection is gone: open() after retryDelayMs()
    };
    // Called after every try: error is null for a good answer; ms is the round trip.
    using Observer = std::function<void(const ModbusError *error, double ms)>;

    // seed: the backoff's jitter; tests give a fixed one so that every run draws the same delays.
    ModbusLink(const ModbusSettings &settings, std::unique_ptr<ModbusTransport> transport,
               quint64 seed = std::random_device{}());

    // A fresh link (unit states forgotten). false: *error, and wait retryDelayMs().
    bool open(ModbusError *error);
    // After Paused: a new connection, keeping unit states. false: *error, the link is lost.
    bool reopen(ModbusError *error);
    void close();
    bool isOpen() const { return m_transport->isOpen(); }
    qint64 retryDelayMs() const { return m_retryDelayMs; }
    // Connections opened so far (each open() or reopen() that succeeded).
    quint64 connections() const { return m_connections; }
    const ModbusUnitTracker &units() const { return m_units; }

    // Reads one block into registers or bits. cycle: the scan cycle (unique, > 0), or 0 for a
    // read outside any cycle (never skipped).
    Outcome read(const ModbusBlock &block, quint64 cycle, uint16_t *registers, uint8_t *bits,
                 ModbusError *error, const Observer &observe);
    // Modbus writes set absolute values, so a write lost to a timeout or a broken frame is tried
    // again like a read; an exception is the device's answer and is not.
    Outcome write(const ModbusWrite &job, const ModbusPoint &point, bool singleWrite,
                  ModbusError *error, const Observer &observe);

private:
    using Request = std::function<bool(ModbusTransport &, ModbusError *)>;
    Outcome transact(int unit, bool isRead, quint64 cycle, ModbusError *error,
                     const Observer &observe, const Request &request);
    void answered(int unit);
    bool openTransport(ModbusError *error);

    int m_retries;
    std::unique_ptr<ModbusTransport> m_transport;
    ReconnectBackoff m_backoff;
    ModbusUnitTracker m_units;
    qint64 m_retryDelayMs = 0;
    quint64 m_connections = 0;
    bool m_answered = false; // the device answered on the current connection
};

} // namespace vigil
