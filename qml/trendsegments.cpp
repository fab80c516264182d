#include "trendsegments.h"

#include <cmath>

namespace vigil
{

TrendSegments TrendSegments::build(const BucketSeries &series, bool stepped, qint64 holdUntil)
{
    TrendSegments out;
    QList<QPointF> current;
    std::optional<double> held; // last good value, while the state is good
    bool bad = false;
    qint64 badSince = series.from;
    bool emptyBefore = false; // the previous bucket had no samples (the value was held)

    auto closeSegment = [&] {
        if (current.size() >= 1)
            out.segments.append(current);
        current.clear();
    };
    auto point = [&](qint64 x, double y) {
        if (stepped && !current.isEmpty() && current.last().y() != y)
            current.append(QPointF(double(x), current.last().y()));
        current.append(QPointF(double(x), y));
    };

    if (series.before) {
        out.latest = series.before;
        if (isBad(series.before->quality)) {
            bad = true;
        } else {
            held = series.before->value;
            point(series.from, *held);
        }
    } else {
        bad = true; // nothing recorded yet: not drawn, but not a bad period either
        badSince = -1;
    }

    for (qsizetype i = 0; i < series.buckets.size(); ++i) {
        const RollupBucket &b = series.buckets[i];
        const qint64 start = series.bucketStart(i);
        const qint64 mid = start + series.width / 2;
        if (b.isEmpty()) {
            emptyBefore = true;
            continue;
        }
        if (b.count > 0) {
            if (bad) {
                if (badSince >= 0)
                    out.badPeriods.append({badSince, start});
                closeSegment();
                bad = false;
            } else if (emptyBefore && held) {
                point(start, *held); // held flat until this change
            }
            // Two points per bucket, min and max, in the order the values went (first to
            // last), a quarter and three quarters into the bucket: a rising stretch draws as a
            // slope, noise as its full band.
            const qint64 early = start + series.width / 4;
            const qint64 late = start + series.width - series.width / 4;
            if (b.count == 1 || b.min == b.max) {
                point(mid, b.min);
            } else if (b.first <= b.last) {
                point(early, b.min);
                point(late, b.max);
            } else {
                point(early, b.max);
                point(late, b.min);
            }
            held = b.last;
            out.latest = HistorySample{mid, b.last, b.lastQuality};
        } else {
            out.latest = HistorySample{mid, held.value_or(std::nan("")), b.lastQuality};
        }
        emptyBefore = false;
        if (isBad(b.lastQuality) && !bad) {
            bad = true;
            badSince = start;
            held.reset();
            closeSegment();
        }
    }
    if (!bad && held) {
        const qint64 end = std::min(series.to, holdUntil);
        if (current.isEmpty() || current.last().x() < double(end))
            point(end, *held);
    }
    if (bad && badSince >= 0)
        out.badPeriods.append({badSince, std::min(series.to, holdUntil)});
    closeSegment();
    return out;
}

void TrendSegments::limit(qsizetype maxSegments)
{
    while (segments.size() > maxSegments && maxSegments > 0) {
        QList<QPointF> last = segments.takeLast();
        segments.last().append(last);
    }
}

qsizetype TrendSegments::pointCount() const
{
    qsizetype n = 0;
    for (const auto &s : segments)
        n += s.size();
    return n;
}

} // namespace vigil
