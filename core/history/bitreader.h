#pragma once

#include <algorithm>
#include <bit>
#include <cstddef>
#include <cstdint>

namespace vigil
{

// Reads bit fields written by BitWriter. Reading past the end yields zero bits and sets
// overrun(), which decoders treat as a corrupt chunk.
class BitReader
{
public:
    BitReader(const std::uint8_t *data, std::size_t size)
        : m_data(data)
        , m_end(data + size)
    {
        refill();
    }

    // Reads `count` bits (1 <= count <= 64).
    std::uint64_t read(int count)
    {
        if (count > 56) {
            const std::uint64_t high = read(count - 32);
            return (high << 32) | read(32);
        }
        if (m_bufBits < count) {
            refill();
            if (m_bufBits < count) {
                m_overrun = true;
                m_bufBits = count; // zeros were shifted in
            }
        }
        const std::uint64_t value = m_buf >> (64 - count);
        m_buf <<= count;
        m_bufBits -= count;
        return value;
    }
    bool readBit() { return read(1) != 0; }
    // Counts leading one bits up to `max` (the prefix of a variable-length code), consuming
    // them and the terminating zero if there is one.
    int readOnes(int max)
    {
        int n = 0;
        while (n < max) {
            if (m_bufBits == 0) {
                refill();
                if (m_bufBits == 0) { // past the end: a zero bit, as read() gives
                    m_overrun = true;
                    return n;
                }
            }
            // Valid bits are left-aligned and followed by zeros: the run stops within them.
            const int ones = std::min(std::countl_one(m_buf), max - n);
            if (ones < m_bufBits && n + ones < max) {
                consume(ones + 1); // the ones and their terminating zero
                return n + ones;
            }
            const int taken = std::min(ones, m_bufBits);
            consume(taken);
            n += taken;
        }
        return n;
    }
    bool overrun() const { return m_overrun; }

private:
    void consume(int count)
    {
        m_buf = count < 64 ? m_buf << count : 0;
        m_bufBits -= count;
    }
    void refill()
    {
        while (m_bufBits <= 56 && m_data < m_end) {
            m_buf |= std::uint64_t(*m_data++) << (56 - m_bufBits);
            m_bufBits += 8;
        }
    }

    const std::uint8_t *m_data;
    const std::uint8_t *m_end;
    std::uint64_t m_buf = 0; // valid bits are left-aligned
    int m_bufBits = 0;
    bool m_overrun = false;
};

} // namespace vigil
