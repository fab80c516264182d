#include "scaling.h"

namespace vigil
{

Scaling Scaling::fromGainOffset(double gain, double offset)
{
    Scaling s;
    s.m_gain = gain;
    s.m_offset = offset;
    return s;
}

Scaling Scaling::fromSpan(double rawLo, double rawHi, double euLo, double euHi)
{
    Scaling s;
    s.m_gain = (euHi - euLo) / (rawHi - rawLo);
    s.m_offset = euLo - rawLo * s.m_gain;
    return s;
}

} // namespace vigil
