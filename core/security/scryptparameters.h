#pragma once

#include <QString>
#include <QtGlobal>

namespace vigil
{

// The cost of one scrypt derivation (RFC 7914). The defaults cost about 32 MiB and a tenth of a
// second on a panel PC: slow for a guessing attacker, bearable at a login. Tests use a small n.
struct ScryptParameters {
    quint64 n = quint64(1) << 15; // CPU and memory cost, a power of two
    quint32 r = 8;                // block size
    quint32 p = 1;                // parallelism
    int keyLength = 32;           // bytes of derived key stored as the hash

    // Bounds checked before any derivation, also on parameters read from a stored hash, so that a
    // crafted row cannot make a login allocate gigabytes or spin for minutes.
    static constexpr quint64 kMinN = 2;
    static constexpr quint64 kMaxN = quint64(1) << 20;
    static constexpr quint32 kMaxR = 32;
    static constexpr quint32 kMaxP = 16;
    static constexpr int kMinKeyLength = 16;
    static constexpr int kMaxKeyLength = 64;
    static constexpr quint64 kMaxMemoryBytes = quint64(256) * 1024 * 1024;

    // Memory scrypt needs for these parameters (its V and B arrays), in bytes.
    quint64 memoryBytes() const;
    // Empty if usable, otherwise why not, e.g. "scrypt N=3 is not a power of two".
    QString problem() const;

    bool operator==(const ScryptParameters &) const = default;
};

} // namespace vigil
