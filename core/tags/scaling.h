#pragma once

namespace vigil
{

// Linear raw -> engineering conversion: eu = raw * gain + offset. Built from a span
// (raw [r0, r1] -> eu [e0, e1]) or given directly as gain and offset.
class Scaling
{
public:
    Scaling() = default;
    static Scaling fromGainOffset(double gain, double offset);
    static Scaling fromSpan(double rawLo, double rawHi, double euLo, double euHi);

    double gain() const { return m_gain; }
    double offset() const { return m_offset; }
    bool isIdentity() const { return m_gain == 1.0 && m_offset == 0.0; }

    double toEngineering(double raw) const { return raw * m_gain + m_offset; }
    double toRaw(double engineering) const { return (engineering - m_offset) / m_gain; }

private:
    double m_gain = 1.0;
    double m_offset = 0.0;
};

} // namespace vigil
