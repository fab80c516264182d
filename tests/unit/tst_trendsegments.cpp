#include "trendsegments.h"

#include <QtTest>

using namespace vigil;

class TstTrendSegments : public QObject
{
    Q_OBJECT
private slots:
    void twoPointsPerBucketInTheDirectionOfChange();
    void emptyBucketsHoldTheValueFlat();
    void badQualityBreaksTheLine();
    void holdsTheLastValueToNow();
    void nothingRecordedYetIsNotDrawn();
    void booleansAreSteps();
    void tooManyGapsAreJoined();
};

namespace
{

BucketSeries series(qint64 from, qint64 width, int count)
{
    BucketSeries s;
    s.from = from;
    s.width = width;
    s.to = from + width * count;
    s.buckets.resize(count);
    for (int i = 0; i < count; ++i)
        s.buckets[i].start = s.bucketStart(i);
    return s;
}

} // namespace

void TstTrendSegments::twoPointsPerBucketInTheDirectionOfChange()
{
    BucketSeries s = series(0, 100, 2);
    s.before = HistorySample{-5, 1.0, Quality::Good};
    for (double v : {1.0, 3.0, 2.0})
        s.buckets[0].add(v, Quality::Good); // rising: first 1, last 2
    for (double v : {5.0, 0.0, 4.0})
        s.buckets[1].add(v, Quality::Good); // falling: first 5, last 4
    const TrendSegments t = TrendSegments::build(s, false, 1000);
    QCOMPARE(t.segments.size(), 1);
    const QList<QPointF> expected{{0, 1}, {25, 1}, {75, 3}, {125, 5}, {175, 0}, {200, 4}};
    QCOMPARE(t.segments[0], expected);
    QCOMPARE(t.latest->value, 4.0);
}

void TstTrendSegments::emptyBucketsHoldTheValueFlat()
{
    BucketSeries s = series(0, 100, 5);
    s.buckets[0].add(10, Quality::Good);
    s.buckets[3].add(20, Quality::Good);
    const TrendSegments t = TrendSegments::build(s, false, 10'000);
    QCOMPARE(t.segments.size(), 1);
    // 10 at bucket 0, held flat until bucket 3 starts, then 20 held to the end.
    const QList<QPointF> expected{{50, 10}, {300, 10}, {350, 20}, {500, 20}};
    QCOMPARE(t.segments[0], expected);
}

void TstTrendSegments::badQualityBreaksTheLine()
{
    BucketSeries s = series(1000, 100, 6);
    s.before = HistorySample{900, 5, Quality::Good};
    s.buckets[0].add(6, Quality::Good);
    s.buckets[1].add(7, Quality::Good);
    s.buckets[1].add(0, Quality::CommError); // goes bad inside bucket 1
    s.buckets[4].add(8, Quality::Good);      // back in bucket 4
    const TrendSegments t = TrendSegments::build(s, false, 10'000);
    QCOMPARE(t.segments.size(), 2);
    QCOMPARE(t.segments[0].last(), QPointF(1150, 7));
    QCOMPARE(t.segments[1].first(), QPointF(1450, 8));
    QCOMPARE(t.badPeriods.size(), 1);
    QCOMPARE(t.badPeriods[0], (QPair<qint64, qint64>(1100, 1400)));
}

void TstTrendSegments::holdsTheLastValueToNow()
{
    BucketSeries s = series(0, 1000, 10);
    s.buckets[2].add(3, Quality::Good);
    const TrendSegments t = TrendSegments::build(s, false, 5500);
    QCOMPARE(t.segments[0].last(), QPointF(5500, 3)); // not beyond the present
    const TrendSegments past = TrendSegments::build(s, false, 1'000'000);
    QCOMPARE(past.segments[0].last(), QPointF(10'000, 3));
}

void TstTrendSegments::nothingRecordedYetIsNotDrawn()
{
    BucketSeries s = series(0, 100, 10);
    s.buckets[7].add(1, Quality::Good);
    const TrendSegments t = TrendSegments::build(s, false, 100'000);
    QCOMPARE(t.segments.size(), 1);
    QCOMPARE(t.segments[0].first().x(), 750.0);
    QVERIFY(t.badPeriods.isEmpty()); // no data is not bad data
}

void TstTrendSegments::booleansAreSteps()
{
    BucketSeries s = series(0, 100, 3);
    s.before = HistorySample{-1, 0, Quality::Good};
    s.buckets[1].add(1, Quality::Good);
    const TrendSegments t = TrendSegments::build(s, true, 1000);
    const QList<QPointF> expected{{0, 0}, {100, 0}, {150, 0}, {150, 1}, {300, 1}};
    QCOMPARE(t.segments[0], expected);
}

void TstTrendSegments::tooManyGapsAreJoined()
{
    BucketSeries s = series(0, 10, 40);
    for (int i = 0; i < 40; ++i)
        s.buckets[i].add(i, i % 2 ? Quality::CommError : Quality::Good);
    TrendSegments t = TrendSegments::build(s, false, 10'000);
    QCOMPARE(t.segments.size(), 20);
    const qsizetype points = t.pointCount();
    t.limit(12);
    QCOMPARE(t.segments.size(), 12);
    QCOMPARE(t.pointCount(), points);
}

QTEST_APPLESS_MAIN(TstTrendSegments)
#include "tst_trendsegments.moc"
