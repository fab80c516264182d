#pragma once

#include "tags/datatype.h"

#include <QtGlobal>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>

namespace vigil
{

struct TagDefinition;

// How a chunk stores its values, chosen per tag from the data type the device delivers.
//  - Float64: deltas of the 64-bit patterns taken as ordered integers (any value).
//  - Float32: the same on 32-bit patterns, for values a float32 register holds exactly.
//  - Integer: zigzag deltas of integral values (bool, integer registers).
//  - Scaled: zigzag deltas of the raw integer n where value == n * gain + offset bit for bit
//    (integer registers with a linear scaling), so scaling costs no precision and no bits.
//  - Decimal: zigzag deltas of n where value == n / 10^decimals bit for bit: exactly the double
//    a decimal text with that many decimals parses to (MQTT JSON numbers, serial ASCII values),
//    whatever the data type; the value's noise then costs its decimal digits, not 52 bits.
// A chunk starts in its tag's encoding and widens (Decimal with more decimals, Float32, Float64)
// when a value does not fit, re-encoding what it holds. Every encoding is lossless.
class ValueEncoding
{
public:
    enum class Mode : quint8 {
        Float64 = 0,
        Float32 = 1,
        Integer = 2,
        Scaled = 3,
        Decimal = 4,
    };
    static constexpr int kMaxDecimals = 9;

    ValueEncoding() = default;
    ValueEncoding(Mode mode, double gain = 1.0, double offset = 0.0, int decimals = 0)
        : m_mode(mode)
        , m_gain(gain)
        , m_offset(offset)
        , m_decimals(decimals)
    {
    }
    static ValueEncoding forTag(const TagDefinition &tag);
    static ValueEncoding decimal(int decimals)
    {
        return ValueEncoding(Mode::Decimal, 1.0, 0.0, decimals);
    }

    Mode mode() const { return m_mode; }
    double gain() const { return m_gain; }
    double offset() const { return m_offset; }
    int decimals() const { return m_decimals; }
    bool isInteger() const
    {
        return m_mode == Mode::Integer || m_mode == Mode::Scaled || m_mode == Mode::Decimal;
    }

    // The integer a value is stored as (Integer, Scaled, Decimal), if it fits exactly.
    bool toInteger(double v, std::int64_t &n) const
    {
        const double x = m_mode == Mode::Scaled    ? std::nearbyint((v - m_offset) / m_gain)
                         : m_mode == Mode::Decimal ? std::nearbyint(v * pow10(m_decimals))
                                                   : v;
        if (!(std::abs(x) <= 9007199254740992.0)) // 2^53, also rejects NaN
            return false;
        n = std::int64_t(x);
        return std::bit_cast<std::uint64_t>(fromInteger(n)) == std::bit_cast<std::uint64_t>(v);
    }
    double fromInteger(std::int64_t n) const
    {
        // Decimal: one correctly rounded division of two exact doubles, the same double a
        // correctly rounding parser makes of the decimal text.
        return m_mode == Mode::Scaled    ? double(n) * m_gain + m_offset
               : m_mode == Mode::Decimal ? double(n) / pow10(m_decimals)
                                         : double(n);
    }
    // The fewest decimals (0..kMaxDecimals) a value is exactly the decimal text of, or -1.
    static int decimalsOf(double v)
    {
        std::int64_t n;
        for (int d = 0; d <= kMaxDecimals; ++d) {
            if (decimal(d).toInteger(v, n))
                return d;
        }
        return -1;
    }
    static double pow10(int d)
    {
        static constexpr double kPow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
        return kPow10[d];
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
        case Mode::Decimal:
            return toInteger(v, n);
        }
        return false;
    }
    // The encoding a chunk in this one widens to so that it holds `values` (all it held and
    // the value that did not fit): Decimal with the decimals they need, else Float32, else
    // Float64.
    template<typename Values>
    static ValueEncoding widenedFor(const Values &values)
    {
        int decimals = 0;
        bool float32 = true;
        for (double v : values) {
            if (decimals >= 0) {
                const int d = decimalsOf(v);
                decimals = d < 0 ? -1 : std::max(decimals, d);
            }
            float32 = float32 && fitsFloat32(v);
            if (decimals < 0 && !float32)
                break;
        }
        if (decimals >= 0) {
            // With more decimals a value stays exact, up to the 2^53 limit: verify.
            const ValueEncoding e =
                decimals == 0 ? ValueEncoding(Mode::Integer) : decimal(decimals);
            if (std::all_of(values.begin(), values.end(), [&](double v) { return e.fits(v); }))
                return e;
        }
        return ValueEncoding(float32 ? Mode::Float32 : Mode::Float64);
    }

private:
    Mode m_mode = Mode::Float64;
    double m_gain = 1.0;
    double m_offset = 0.0;
    int m_decimals = 0;
};

} // namespace vigil
