#pragma once

#include "rollupbucket.h"

#include <vector>

namespace vigil
{

// Builds one tag's rollups as samples arrive: 1-minute buckets from samples and 1-hour buckets
// from completed minutes. A bucket is complete when a sample of a later bucket arrives; then it
// is appended to the output with its level. Buckets are aligned to the Unix epoch (UTC).
class RollupBuilder
{
public:
    enum Level : quint8 {
        Minute = 1,
        Hour = 2,
    };
    static constexpr qint64 kMinuteMs = 60'000;
    static constexpr qint64 kHourMs = 3'600'000;
    static qint64 widthMs(Level level) { return level == Minute ? kMinuteMs : kHourMs; }
    static qint64 floorTo(qint64 time, qint64 width)
    {
        const qint64 r = time % width;
        return r < 0 ? time - r - width : time - r;
    }

    struct Completed {
        Level level;
        RollupBucket bucket;
    };

    void add(qint64 time, double value, Quality quality, std::vector<Completed> &out);
    // Folds a completed minute (read back after a restart) into the hour being built.
    void addMinute(const RollupBucket &minute, std::vector<Completed> &out);

    bool hasMinute() const { return m_hasMinute; }
    const RollupBucket &minute() const { return m_minute; }

private:
    RollupBucket m_minute;
    RollupBucket m_hour;
    bool m_hasMinute = false;
    bool m_hasHour = false;
};

} // namespace vigil
