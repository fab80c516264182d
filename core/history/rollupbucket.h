#pragma once

#include "tags/quality.h"

#include <QList>
#include <QMetaType>

#include <algorithm>
#include <limits>

namespace vigil
{

// Aggregate of a tag's samples over a time bucket: what rollups store and what decimated trend
// queries return. Only usable samples (good or uncertain) contribute to the statistics; bad
// samples are counted, and lastQuality tells the state the tag was left in at the bucket's end
// (an empty bucket after a bad one is a gap, after a good one the value holds).
struct RollupBucket {
    qint64 start = 0; // ms, UTC
    quint32 count = 0;
    quint32 badCount = 0;
    double min = std::numeric_limits<double>::quiet_NaN();
    double max = std::numeric_limits<double>::quiet_NaN();
    double sum = 0.0;
    double first = std::numeric_limits<double>::quiet_NaN();
    double last = std::numeric_limits<double>::quiet_NaN();
    Quality lastQuality = Quality::Good;

    bool isEmpty() const { return count == 0 && badCount == 0; }
    double average() const
    {
        return count > 0 ? sum / count : std::numeric_limits<double>::quiet_NaN();
    }

    void add(double value, Quality quality)
    {
        lastQuality = quality;
        if (isBad(quality)) {
            ++badCount;
            return;
        }
        if (count == 0) {
            min = max = first = value;
        } else {
            min = std::min(min, value);
            max = std::max(max, value);
        }
        last = value;
        sum += value;
        ++count;
    }

    // Folds in a bucket that comes later in time.
    void merge(const RollupBucket &later)
    {
        if (later.isEmpty())
            return;
        if (later.count > 0) {
            if (count == 0) {
                min = later.min;
                max = later.max;
                first = later.first;
            } else {
                min = std::min(min, later.min);
                max = std::max(max, later.max);
            }
            last = later.last;
            sum += later.sum;
            count += later.count;
        }
        badCount += later.badCount;
        lastQuality = later.lastQuality;
    }
};

using RollupBuckets = QList<RollupBucket>;

} // namespace vigil

Q_DECLARE_METATYPE(vigil::RollupBucket)
