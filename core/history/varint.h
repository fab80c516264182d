#pragma once

#include <QByteArray>

#include <cstdint>

namespace vigil::varint
{

// LEB128 unsigned varints and zigzag signed integers for chunk and journal headers.

inline void put(QByteArray &out, std::uint64_t v)
{
    while (v >= 0x80) {
        out.append(char((v & 0x7F) | 0x80));
        v >>= 7;
    }
    out.append(char(v));
}

inline std::uint64_t zigzag(std::int64_t v)
{
    return (std::uint64_t(v) << 1) ^ std::uint64_t(v >> 63);
}

inline std::int64_t unzigzag(std::uint64_t v)
{
    return std::int64_t(v >> 1) ^ -std::int64_t(v & 1);
}

inline void putSigned(QByteArray &out, std::int64_t v)
{
    put(out, zigzag(v));
}

// Reads from [pos, end); on malformed or truncated input sets ok to false and returns 0.
inline std::uint64_t get(const std::uint8_t *&pos, const std::uint8_t *end, bool &ok)
{
    std::uint64_t v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= end) {
            ok = false;
            return 0;
        }
        const std::uint8_t b = *pos++;
        v |= std::uint64_t(b & 0x7F) << shift;
        if (!(b & 0x80))
            return v;
    }
    ok = false;
    return 0;
}

inline std::int64_t getSigned(const std::uint8_t *&pos, const std::uint8_t *end, bool &ok)
{
    return unzigzag(get(pos, end, ok));
}

} // namespace vigil::varint
