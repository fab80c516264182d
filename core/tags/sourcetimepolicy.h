#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace vigil
{

// Which source times (a time a device or message carries with a value) are taken, for every
// driver that reads one: a time too far ahead of the panel clock would hold back every later
// sample of its tag, a time far in the past (or 1970, a device clock that was never set) is
// wrong data; both are refused with the reason, never stored. The epoch unit of a number is
// configured, never guessed: a number that fits another unit is refused with a hint saying so.
struct SourceTimePolicy {
    enum class Unit : quint8 {
        Milliseconds,
        Seconds,
        Microseconds,
    };
    Unit unit = Unit::Milliseconds;
    qint64 maxAheadMs = 10'000;
    qint64 maxAgeMs = 3'600'000;

    // Times before this are refused whatever the window: a clock that was never set.
    static constexpr qint64 kEarliestMs = 946'684'800'000; // 2000-01-01T00:00:00Z

    static std::optional<Unit> unitFromName(QStringView name); // "ms", "s", "us"
    static QString unitName(Unit unit);

    // An epoch number in `unit`, checked against the window around `nowMs`: the time in
    // milliseconds, or nullopt with the reason.
    std::optional<qint64> fromNumber(double value, qint64 nowMs, QString &reason) const;
    // A time in milliseconds against the window around `nowMs`: nullopt if taken, else why not.
    std::optional<QString> check(qint64 ms, qint64 nowMs) const;
};

} // namespace vigil
