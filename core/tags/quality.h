#pragma once

#include <QMetaType>
#include <QString>

namespace vigil
{

// OPC-UA-style quality: the major class in the top two bits, a sub-status below.
enum class Quality : quint8 {
    Good = 0x00,
    Uncertain = 0x40,
    Stale = 0x41, // Uncertain, last usable value: no update within the expected time
    Bad = 0x80,
    NotConnected = 0x81,
    CommError = 0x82,
    ConfigError = 0x83,
    OutOfService = 0x84,
    WaitingForInitialData = 0x85,
    NonFinite = 0x86, // the source sent NaN or infinity: no usable value
};

constexpr bool isGood(Quality q)
{
    return (quint8(q) & 0xC0) == 0x00;
}
constexpr bool isUncertain(Quality q)
{
    return (quint8(q) & 0xC0) == 0x40;
}
constexpr bool isBad(Quality q)
{
    return (quint8(q) & 0x80) != 0;
}

// "Good", "Uncertain/Stale", "Bad/CommError", ...
QString qualityName(Quality q);
// What an operator sees next to the value when colour is not available: "" (good), "?"
// (uncertain or stale), "COMM" (communication), "BAD", "OOS" (out of service), "WAIT".
QString qualityMark(Quality q);

} // namespace vigil

Q_DECLARE_METATYPE(vigil::Quality)
