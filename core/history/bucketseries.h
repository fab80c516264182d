#pragma once

#include "historysample.h"
#include "rollupbucket.h"

#include <QMetaType>

#include <optional>

namespace vigil
{

// A decimated range of one tag: `count` buckets of equal width from `from`, each with
// min/max/avg/first/last, and the last sample before the range (what the first buckets hold
// when nothing changed in them).
struct BucketSeries {
    enum class Source : quint8 {
        Raw,
        FineRollups, // 10 minutes
        HourRollups
    };

    qint64 from = 0;
    qint64 to = 0;
    qint64 width = 1;
    Source source = Source::Raw;
    std::optional<HistorySample> before;
    RollupBuckets buckets;

    qint64 bucketStart(qsizetype i) const { return from + i * width; }
};

} // namespace vigil

Q_DECLARE_METATYPE(vigil::BucketSeries)
