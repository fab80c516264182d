#include "history/rollupbuilder.h"

#include <QtTest>

using namespace vigil;

class TstRollupBuilder : public QObject
{
    Q_OBJECT
private slots:
    void finesCompleteWhenALaterSampleArrives();
    void hoursAreBuiltFromFines();
    void badSamplesAreCountedNotAveraged();
    void bucketsAlignToTheEpochAlsoBeforeIt();
};

void TstRollupBuilder::finesCompleteWhenALaterSampleArrives()
{
    RollupBuilder b;
    std::vector<RollupBuilder::Completed> out;
    const qint64 t0 = 1'700'000'800'000; // 400 s into a 10-minute bucket
    b.add(t0, 5, Quality::Good, out);
    b.add(t0 + 100'000, 1, Quality::Good, out);
    b.add(t0 + 199'999, 3, Quality::Uncertain, out);
    QVERIFY(out.empty());
    b.add(t0 + 200'000, 9, Quality::Good, out); // next 10 minutes
    QCOMPARE(out.size(), size_t(1));
    const RollupBucket &m = out[0].bucket;
    QCOMPARE(out[0].level, RollupBuilder::Fine);
    QCOMPARE(m.start, t0 - 400'000);
    QCOMPARE(m.count, 3u);
    QCOMPARE(m.min, 1.0);
    QCOMPARE(m.max, 5.0);
    QCOMPARE(m.first, 5.0);
    QCOMPARE(m.last, 3.0);
    QCOMPARE(m.average(), 3.0);
    QCOMPARE(m.lastQuality, Quality::Uncertain);
    QCOMPARE(b.fine().start, t0 + 200'000);
}

void TstRollupBuilder::hoursAreBuiltFromFines()
{
    RollupBuilder b;
    std::vector<RollupBuilder::Completed> out;
    const qint64 h0 = 1'699'999'200'000; // an hour boundary
    QCOMPARE(RollupBuilder::floorTo(h0, RollupBuilder::kHourMs), h0);
    for (int s = 0; s < 2 * 3600; s += 10)
        b.add(h0 + s * 1000LL, s, Quality::Good, out);
    b.add(h0 + 2 * 3'600'000LL, -1, Quality::Good, out);
    int fines = 0;
    std::vector<RollupBucket> hours;
    for (const auto &c : out) {
        if (c.level == RollupBuilder::Fine)
            ++fines;
        else
            hours.push_back(c.bucket);
    }
    QCOMPARE(fines, 12);
    QCOMPARE(hours.size(), size_t(1)); // the second hour completes with the next 10 minutes
    QCOMPARE(hours[0].start, h0);
    QCOMPARE(hours[0].count, 360u);
    QCOMPARE(hours[0].min, 0.0);
    QCOMPARE(hours[0].max, 3590.0);
    QCOMPARE(hours[0].first, 0.0);
    QCOMPARE(hours[0].last, 3590.0);

    out.clear();
    b.add(h0 + 2 * 3'600'000LL + 600'000, -2, Quality::Good, out);
    QCOMPARE(out.size(), size_t(2));
    QCOMPARE(out[1].level, RollupBuilder::Hour);
    QCOMPARE(out[1].bucket.start, h0 + 3'600'000);
}

void TstRollupBuilder::badSamplesAreCountedNotAveraged()
{
    RollupBucket b;
    b.add(10, Quality::Good);
    b.add(1e9, Quality::CommError);
    b.add(20, Quality::Good);
    b.add(0, Quality::NotConnected);
    QCOMPARE(b.count, 2u);
    QCOMPARE(b.badCount, 2u);
    QCOMPARE(b.max, 20.0);
    QCOMPARE(b.lastQuality, Quality::NotConnected);

    RollupBucket onlyBad;
    onlyBad.add(5, Quality::CommError);
    QVERIFY(!onlyBad.isEmpty());
    QVERIFY(std::isnan(onlyBad.average()));
    RollupBucket merged = onlyBad;
    merged.merge(b);
    QCOMPARE(merged.count, 2u);
    QCOMPARE(merged.badCount, 3u);
    QCOMPARE(merged.first, 10.0);
    QCOMPARE(merged.min, 10.0);
}

void TstRollupBuilder::bucketsAlignToTheEpochAlsoBeforeIt()
{
    QCOMPARE(RollupBuilder::floorTo(-1, 60'000), -60'000);
    QCOMPARE(RollupBuilder::floorTo(-60'000, 60'000), -60'000);
    QCOMPARE(RollupBuilder::floorTo(59'999, 60'000), 0);
}

QTEST_APPLESS_MAIN(TstRollupBuilder)
#include "tst_rollupbuilder.moc"
