#include "reconnectbackoff.h"

#include <algorithm>

namespace vigil
{

ReconnectBackoff::ReconnectBackoff(qint64 minMs, qint64 maxMs, quint64 seed)
    : m_minMs(std::max<qint64>(1, minMs))
    , m_maxMs(std::max(m_minMs, maxMs))
    , m_rng(seed)
{
}

qint64 ReconnectBackoff::next()
{
    qint64 ceiling = m_minMs;
    for (int i = 0; i < m_attempt && ceiling < m_maxMs; ++i)
        ceiling *= 2;
    ceiling = std::min(ceiling, m_maxMs);
    ++m_attempt;
    const qint64 floor = std::max(m_minMs, ceiling / 2);
    if (floor >= ceiling)
        return ceiling;
    return std::uniform_int_distribution<qint64>(floor, ceiling)(m_rng);
}

} // namespace vigil
