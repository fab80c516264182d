#pragma once

#include <QtGlobal>

#include <random>

namespace vigil
{

// The reconnect policy of every driver that keeps a connection (Modbus TCP/RTU, MQTT): delays
// double from min up to max, each drawn uniformly from [delay/2, delay] so that many panels
// losing one gateway or broker do not reconnect in lockstep. reset() once the link proved good.
class ReconnectBackoff
{
public:
    ReconnectBackoff(qint64 minMs, qint64 maxMs, quint64 seed = std::random_device{}());

    qint64 next();
    void reset() { m_attempt = 0; }
    int attempts() const { return m_attempt; }

private:
    qint64 m_minMs;
    qint64 m_maxMs;
    int m_attempt = 0;
    std::mt19937_64 m_rng;
};

} // namespace vigil
