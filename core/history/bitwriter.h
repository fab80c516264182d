#pragma once

#include <QByteArray>

#include <cstdint>
#include <vector>

namespace vigil
{

// Appends bit fields most significant bit first. The chunk codec writes time and value codes of
// varying width with it; bytes() pads the last partial byte with zeros.
class BitWriter
{
public:
    // Writes the low `count` bits of `bits` (1 <= count <= 64).
    void write(std::uint64_t bits, int count)
    {
        if (count > 56) {
            write(bits >> 32, count - 32);
            bits &= 0xFFFF'FFFFull;
            count = 32;
        }
        if (count < 64)
            bits &= (std::uint64_t(1) << count) - 1;
        m_acc = (m_acc << count) | bits;
        m_accBits += count;
        while (m_accBits >= 8) {
            m_accBits -= 8;
            m_bytes.push_back(std::uint8_t(m_acc >> m_accBits));
        }
        m_acc &= (std::uint64_t(1) << m_accBits) - 1;
    }
    void writeBit(bool bit) { write(bit ? 1u : 0u, 1); }

    std::int64_t bitCount() const { return std::int64_t(m_bytes.size()) * 8 + m_accBits; }
    std::size_t byteCount() const { return m_bytes.size() + (m_accBits > 0 ? 1 : 0); }
    // Appends the bits written so far, the last byte padded with zeros.
    void appendTo(QByteArray &out) const;
    void clear()
    {
        m_bytes.clear();
        m_acc = 0;
        m_accBits = 0;
    }
    void reserve(std::size_t bytes) { m_bytes.reserve(bytes); }

private:
    std::vector<std::uint8_t> m_bytes;
    std::uint64_t m_acc = 0; // fewer than 8 pending bits between calls
    int m_accBits = 0;
};

} // namespace vigil
