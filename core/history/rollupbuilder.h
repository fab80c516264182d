#pragma once

#include "rollupbucket.h"

#include <vector>

namespace vigil
{

// Builds one tag's rollups as samples arrive: 10-minute buckets from samples and 1-hour buckets
// from completed 10-minute ones. A bucket is complete when a sample of a later bucket arrives;
// then it is appended to the output with its level. Buckets are aligned to the Unix epoch (UTC).
// (Schema version 1 had 1-minute buckets: at one row per tag and minute they took more space
// than the samples of most signals; migration 2 merged them into 10-minute buckets.)
class RollupBuilder
{
public:
    enum Level : quint8 {
        Fine = 1, // 10 minutes
        Hour = 2,
    };
    static constexpr qint64 kFineMs = 600'000;
    static constexpr qint64 kHourMs = 3'600'000;
    static qint64 widthMs(Level level) { return level == Fine ? kFineMs : kHourMs; }
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
    // Folds a completed 10-minute bucket (read back after a restart) into the hour being built.
    void addFine(const RollupBucket &fine, std::vector<Completed> &out);

    bool hasFine() const { return m_hasFine; }
    const RollupBucket &fine() const { return m_fine; }

private:
    RollupBucket m_fine;
    RollupBucket m_hour;
    bool m_hasFine = false;
    bool m_hasHour = false;
};

} // namespace vigil
