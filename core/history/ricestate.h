#pragma once

#include "bitreader.h"
#include "bitwriter.h"

#include <bit>
#include <cstdint>

namespace vigil
{

// Adaptive Golomb-Rice coding of unsigned residuals (as in LOCO-I): the parameter k follows a
// decaying mean of recent residuals, so a chunk needs no side information and both ends adapt
// identically. A residual r is written as q = r >> k in unary ('1' * q, then '0') and the k low
// bits; q >= kEscape is written as kEscape ones, the bit length of r (7 bits) and r itself.
// Residuals are zigzag values (twice the magnitude of the signed residual): chunk format 2 takes
// k one lower than the mean would say, as LOCO-I does on magnitudes, which saves 0.1 to 0.4 bits
// a residual; format 1 chunks are read with the rule they were written with.
class RiceState
{
public:
    static constexpr int kEscape = 20;

    explicit RiceState(int formatVersion = 2)
        : m_lower(formatVersion >= 2 ? 1 : 0)
    {
        m_k = computeK();
    }

    int k() const { return m_k; }

    // Bits write() would take for r now.
    int cost(std::uint64_t r) const
    {
        const int k = this->k();
        const std::uint64_t q = r >> k;
        return q < kEscape ? int(q) + 1 + k : kEscape + 7 + (64 - std::countl_zero(r));
    }

    void write(BitWriter &out, std::uint64_t r)
    {
        encode(out, r);
        update(r);
    }
    std::uint64_t read(BitReader &in)
    {
        const std::uint64_t r = decode(in);
        update(r);
        return r;
    }

    // Coding without adapting, and adapting alone: a coder that is not used for a residual
    // still follows it, so that a choice between coders can compare their costs.
    void encode(BitWriter &out, std::uint64_t r) const
    {
        const int k = this->k();
        const std::uint64_t q = r >> k;
        if (q < kEscape) {
            out.write(((std::uint64_t(1) << q) - 1) << 1, int(q) + 1);
            if (k > 0)
                out.write(r, k);
        } else {
            out.write((std::uint64_t(1) << kEscape) - 1, kEscape);
            const int length = r == 0 ? 0 : 64 - std::countl_zero(r);
            out.write(std::uint64_t(length), 7);
            if (length > 0)
                out.write(r, length);
        }
    }
    std::uint64_t decode(BitReader &in) const
    {
        const int k = this->k();
        const int q = in.readOnes(kEscape);
        std::uint64_t r;
        if (q < kEscape) {
            r = (std::uint64_t(q) << k) | (k > 0 ? in.read(k) : 0);
        } else {
            const int length = int(in.read(7));
            r = length > 0 && length <= 64 ? in.read(length) : 0;
        }
        return r;
    }
    void update(std::uint64_t r)
    {
        constexpr std::uint64_t kCap = std::uint64_t(1) << 56;
        m_sum += r < kCap ? r : kCap;
        if (++m_count >= 16) {
            m_sum >>= 1;
            m_count >>= 1;
        }
        m_k = computeK();
    }

private:
    int computeK() const
    {
        // The smallest k with count * 2^k >= sum (count < 16 and sum < 2^61, so no overflow).
        if (m_count >= m_sum)
            return 0;
        int k = std::countl_zero(m_count) - std::countl_zero(m_sum);
        if ((m_count << k) < m_sum)
            ++k;
        k -= m_lower;
        return k < 0 ? 0 : k < 62 ? k : 62;
    }

    std::uint64_t m_sum = 4;
    std::uint64_t m_count = 1;
    int m_lower = 1;
    int m_k = 0;
};

} // namespace vigil
