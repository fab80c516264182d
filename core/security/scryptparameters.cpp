#include "scryptparameters.h"

namespace vigil
{

quint64 ScryptParameters::memoryBytes() const
{
    // Only meaningful within the bounds (problem() checks them first), where this cannot overflow.
    return quint64(128) * r * (n + 2) + quint64(128) * r * p;
}

QString ScryptParameters::problem() const
{
    if (n < kMinN || n > kMaxN)
        return QStringLiteral("scrypt N=%1 is outside %2..%3").arg(n).arg(kMinN).arg(kMaxN);
    if ((n & (n - 1)) != 0)
        return QStringLiteral("scrypt N=%1 is not a power of two").arg(n);
    if (r < 1 || r > kMaxR)
        return QStringLiteral("scrypt r=%1 is outside 1..%2").arg(r).arg(kMaxR);
    if (p < 1 || p > kMaxP)
        return QStringLiteral("scrypt p=%1 is outside 1..%2").arg(p).arg(kMaxP);
    if (keyLength < kMinKeyLength || keyLength > kMaxKeyLength)
        return QStringLiteral("scrypt key length %1 bytes is outside %2..%3")
            .arg(keyLength)
            .arg(kMinKeyLength)
            .arg(kMaxKeyLength);
    if (memoryBytes() > kMaxMemoryBytes)
        return QStringLiteral("scrypt N=%1, r=%2, p=%3 needs %4 MiB, more than the %5 MiB allowed")
            .arg(n)
            .arg(r)
            .arg(p)
            .arg(memoryBytes() / (1024 * 1024))
            .arg(kMaxMemoryBytes / (1024 * 1024));
    return QString();
}

} // namespace vigil
