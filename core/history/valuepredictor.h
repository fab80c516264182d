#pragma once

#include "varint.h"

#include <QtGlobal>

#include <bit>
#include <cstdint>

namespace vigil
{

// Predicts a chunk's next value, taken as an integer (a float's ordered bit pattern or a stored
// integer, in `width` bits with wrap-around), from the values before it, with whichever of three
// predictors has coded the recent values cheapest: the last value (steps, random walks), the
// linear extrapolation of the last two (ramps, slopes, counters, deadband-sampled curves), or
// the last plus the mean offset of the three before it (noise around a level: the residual then
// has close to the noise's own spread instead of twice its variance). Encoder and decoder run
// the same choice on values both know: nothing is written for it. Format 1 chunks predicted the
// last value only (lastOnly).
class ValuePredictor
{
public:
    void reset(std::uint64_t first, int width, bool lastOnly = false)
    {
        m_x1 = m_x2 = m_x3 = m_x4 = first;
        m_shift = width == 64 ? 0 : 64 - width;
        m_mask = width == 64 ? ~std::uint64_t(0) : (std::uint64_t(1) << width) - 1;
        m_lastOnly = lastOnly;
        m_cost[0] = m_cost[1] = m_cost[2] = 0;
        m_choice = 0;
        predictNext();
    }

    std::uint64_t predict() const { return m_prediction[m_choice]; }

    // The residual of a value against a prediction, sign-extended from the width, and back.
    std::int64_t residual(std::uint64_t value, std::uint64_t predicted) const
    {
        return std::int64_t((value - predicted) << m_shift) >> m_shift;
    }
    std::uint64_t apply(std::uint64_t predicted, std::int64_t residual) const
    {
        return (predicted + std::uint64_t(residual)) & m_mask;
    }

    // Learns the actual value (after it was coded with predict()).
    void update(std::uint64_t value)
    {
        if (!m_lastOnly) {
            for (int k = 0; k < 3; ++k) {
                const std::uint64_t z = varint::zigzag(residual(value, m_prediction[k]));
                m_cost[k] += std::uint32_t(64 - std::countl_zero(z)) - (m_cost[k] >> 4);
            }
            m_choice = m_cost[1] < m_cost[0] ? (m_cost[2] < m_cost[1] ? 2 : 1)
                                             : (m_cost[2] < m_cost[0] ? 2 : 0);
        }
        m_x4 = m_x3;
        m_x3 = m_x2;
        m_x2 = m_x1;
        m_x1 = value;
        predictNext();
    }

private:
    void predictNext()
    {
        m_prediction[0] = m_x1;
        m_prediction[1] = 2 * m_x1 - m_x2;
        // Offsets as signed, each quartered first: no overflow whatever the values.
        m_prediction[2] =
            m_x1 + std::uint64_t((residual(m_x2, m_x1) >> 2) + (residual(m_x3, m_x1) >> 2) +
                                 (residual(m_x4, m_x1) >> 2));
    }

    std::uint64_t m_x1 = 0, m_x2 = 0, m_x3 = 0, m_x4 = 0;
    std::uint64_t m_prediction[3] = {0, 0, 0};
    std::uint32_t m_cost[3] = {0, 0, 0}; // decaying sums of residual bit lengths
    std::uint64_t m_mask = ~std::uint64_t(0);
    int m_shift = 0;
    int m_choice = 0;
    bool m_lastOnly = false;
};

} // namespace vigil
