#pragma once

#include "tags/datatype.h"

#include <QtGlobal>

#include <bit>
#include <cmath>
#include <cstdint>

namespace vigil
{

struct TagDefinition;

// How a chunk stores its values, chosen per tag from the data type the device delivers.
//  - Float64: Gorilla XOR of the 64-bit patterns (any value).
//  - Float32: XOR of 32-bit patterns, for values a float32 register holds exactly.
//  - Integer: zigzag deltas of integral values (bool, integer registers).
//  - Scaled: zigzag deltas of the raw integer n where value == n * gain + offset bit for bit
//    (integer registers with a linear scaling), so scaling costs no precision and no bits.
// A value that does not fit its chunk's encoding closes the chunk; the tag then falls back to
// Float64. Every encoding is lossless.
class ValueEncoding
{
public:
    enum class Mode : quint8 {
        Float64 = 0,
        Float32 = 1,
        Integer = 2,
        Scaled = 3,
    };

    ValueEncoding() = default;
    ValueEncoding(Mode mode, double gain = 1.0, double offset = 0.0)
        : m_mode(mode)
        , m_gain(gain)
        , m_offset(offset)
    {
    }
    static ValueEncoding forTag(const TagDefinition &tag);

    Mode mode() const { return m_mode; }
    double gain() const { return m_gain; }
    double offset() const { return m_offset; }

    // The integer a value is stored as (Integer and Scaled), if it fits exactly.
    bool toInteger(double v, std::int64_t &n) const
    {
        const double x = m_mode == Mode::Scaled ? std::nearbyint((v - m_offset) / m_gain) : v;
        if (!(std::abs(x) <= 9007199254740992.0)) // 2^53, also rejects NaN
            return false;
        n = std::int64_t(x);
        return std::bit_cast<std::uint64_t>(fromInteger(n)) == std::bit_cast<std::uint64_t>(v);
    }
    double fromInteger(std::int64_t n) const
    {
        return m_mode == Mode::Scaled ? double(n) * m_gain + m_offset : double(n);
    }
    // Float bit patterns as unsigned integers in the order of the values (width 64: the double,
    // 32: the float32), so that close values have close integers; and back.
    static std::uint64_t orderedBits(double v, int width)
    {
        if (width == 64) {
            const auto b = std::bit_cast<std::uint64_t>(v);
            return (b >> 63) ? ~b : b | (std::uint64_t(1) << 63);
        }
        const auto b = std::uint64_t(std::bit_cast<std::uint32_t>(float(v)));
        return (b >> 31) ? (~b & 0xFFFF'FFFFu) : b | 0x8000'0000u;
    }
    static double fromOrderedBits(std::uint64_t o, int width)
    {
        if (width == 64)
            return std::bit_cast<double>((o >> 63) ? o & ~(std::uint64_t(1) << 63) : ~o);
        const std::uint32_t b = (o >> 31) & 1 ? std::uint32_t(o) & 0x7FFF'FFFFu : ~std::uint32_t(o);
        return double(std::bit_cast<float>(b));
    }
    static bool fitsFloat32(double v)
    {
        return std::bit_cast<std::uint64_t>(double(float(v))) == std::bit_cast<std::uint64_t>(v);
    }
    bool fits(double v) const
    {
        std::int64_t n;
        switch (m_mode) {
        case Mode::Float64:
            return true;
        case Mode::Float32:
            return fitsFloat32(v);
        case Mode::Integer:
        case Mode::Scaled:
            return toInteger(v, n);
        }
        return false;
    }

private:
    Mode m_mode = Mode::Float64;
    double m_gain = 1.0;
    double m_offset = 0.0;
};

} // namespace vigil
