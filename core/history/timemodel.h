#pragma once

#include "ricestate.h"
#include "varint.h"

#include <QtGlobal>

namespace vigil
{

// How a chunk with a sampling period P codes the time between two samples (delta), one of two
// ways, whichever has cost less recently (encoder and decoder follow both, nothing is written
// for the choice):
//  - two parts: the multiple m = round(delta / P) as m - 1, and the jitter delta - m * P, for
//    signals stored on change, which skip polls;
//  - one part: delta - P, for signals stored at every poll, where m - 1 is always 0 and would
//    cost a bit per sample.
// Each part is Rice coded with its own adaptive state.
class TimeModel
{
public:
    explicit TimeModel(int formatVersion = 2)
        : m_multiple(formatVersion)
        , m_jitter(formatVersion)
        , m_single(formatVersion)
    {
    }

    bool onePart() const { return m_costSingle < m_costTwo; }

    struct Parts {
        std::uint64_t multiple, jitter, single;
    };
    static Parts parts(qint64 delta, qint64 period)
    {
        // m = round(delta / period); the usual case without a division.
        const qint64 half = period / 2;
        const qint64 m =
            delta >= period - half && delta < 2 * period - half ? 1 : (delta + half) / period;
        return {varint::zigzag(m - 1), varint::zigzag(delta - m * period),
                varint::zigzag(delta - period)};
    }

    void encode(BitWriter &out, qint64 delta, qint64 period)
    {
        const Parts p = parts(delta, period);
        if (onePart()) {
            m_single.encode(out, p.single);
        } else {
            m_multiple.encode(out, p.multiple);
            m_jitter.encode(out, p.jitter);
        }
        update(p);
    }
    qint64 decode(BitReader &in, qint64 period)
    {
        qint64 delta;
        if (onePart()) {
            delta = period + varint::unzigzag(m_single.decode(in));
        } else {
            const qint64 m = varint::unzigzag(m_multiple.decode(in)) + 1;
            delta = m * period + varint::unzigzag(m_jitter.decode(in));
        }
        if (delta >= 0) // a corrupt chunk can say anything; the time check catches it
            update(parts(delta, period));
        return delta;
    }

private:
    void update(const Parts &p)
    {
        m_costTwo +=
            std::uint32_t(m_multiple.cost(p.multiple) + m_jitter.cost(p.jitter)) - (m_costTwo >> 4);
        m_costSingle += std::uint32_t(m_single.cost(p.single)) - (m_costSingle >> 4);
        m_multiple.update(p.multiple);
        m_jitter.update(p.jitter);
        m_single.update(p.single);
    }

    RiceState m_multiple;
    RiceState m_jitter;
    RiceState m_single;
    std::uint32_t m_costTwo = 0;
    std::uint32_t m_costSingle = 0;
};

} // namespace vigil
