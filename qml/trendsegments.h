#pragma once

#include "history/bucketseries.h"

#include <QList>
#include <QPointF>

namespace vigil
{

// Turns a decimated bucket series into what a trend draws: line segments (x = ms since the
// epoch) with two points per bucket (min and max, in the order that continues the line), the
// held value drawn flat across buckets without samples (store on change), a break wherever the
// quality is bad (a gap), the bad periods themselves, and the last value held up to `holdUntil`
// (the present, in live mode). Boolean pens are drawn as steps.
struct TrendSegments {
    QList<QList<QPointF>> segments;
    QList<QPair<qint64, qint64>> badPeriods;
    std::optional<HistorySample> latest; // the last value in the range, with its quality

    static TrendSegments build(const BucketSeries &series, bool stepped, qint64 holdUntil);
    // Segments beyond `maxSegments` are joined to the last one (its gaps no longer drawn).
    void limit(qsizetype maxSegments);
    qsizetype pointCount() const;
};

} // namespace vigil
