#include "trendrange.h"

#include <QtTest>

using namespace vigil;

class TstTrendRange : public QObject
{
    Q_OBJECT
private slots:
    void zoomsAroundTheAnchor();
    void zoomAroundThePresentStaysLive();
    void panLeavesLiveAndStopsAtThePresent();
    void spansAreClamped();
    void typedRanges();
    void axisFormatFollowsTheSpan();
};

namespace
{
constexpr qint64 kNow = 1'700'000'000'000;
}

void TstTrendRange::zoomsAroundTheAnchor()
{
    TrendRange r(kNow - 1'000'000, 100'000, false);
    QVERIFY(r.zoom(0.5, 0.25, kNow));
    // The time under 25 % of the width stays there.
    QCOMPARE(r.span(), 50'000);
    QCOMPARE(r.from() + r.span() / 4, kNow - 1'100'000 + 25'000);
    QVERIFY(!r.zoom(-1, 0.5, kNow));
}

void TstTrendRange::zoomAroundThePresentStaysLive()
{
    TrendRange r(kNow, 3'600'000, true);
    QVERIFY(r.zoom(2.0, 1.0, kNow + 500));
    QVERIFY(r.live());
    QCOMPARE(r.to(), kNow + 500);
    QCOMPARE(r.span(), 7'200'000);
    r.zoom(0.5, 0.5, kNow + 600);
    QVERIFY(!r.live());
}

void TstTrendRange::panLeavesLiveAndStopsAtThePresent()
{
    TrendRange r(kNow, 600'000, true);
    QVERIFY(r.pan(-0.5, kNow));
    QVERIFY(!r.live());
    QCOMPARE(r.to(), kNow - 300'000);
    r.pan(10.0, kNow); // far into the future: at most half a span ahead
    QCOMPARE(r.to(), kNow + 300'000);
}

void TstTrendRange::spansAreClamped()
{
    TrendRange r(kNow, 1, true);
    QCOMPARE(r.span(), TrendRange::kMinSpanMs);
    r.setSpan(100LL * 366 * 86'400'000, kNow);
    QCOMPARE(r.span(), TrendRange::kMaxSpanMs);
    QVERIFY(!r.setSpan(TrendRange::kMaxSpanMs * 2, kNow)); // no change
}

void TstTrendRange::typedRanges()
{
    TrendRange r(kNow, 600'000, true);
    QCOMPARE(r.show(QStringLiteral("-2h"), QStringLiteral("-1h"), kNow), std::optional<bool>(true));
    QCOMPARE(r.from(), kNow - 7'200'000);
    QCOMPARE(r.to(), kNow - 3'600'000);
    QVERIFY(!r.live());
    QVERIFY(!r.show(QStringLiteral("-1h"), QStringLiteral("-2h"), kNow)); // ends before it starts
    QVERIFY(!r.show(QStringLiteral("soon"), QString(), kNow));
    QCOMPARE(r.show(QStringLiteral("-30m"), QString(), kNow), std::optional<bool>(true));
    QCOMPARE(r.to(), kNow);
}

void TstTrendRange::axisFormatFollowsTheSpan()
{
    QCOMPARE(TrendRange(kNow, 600'000, true).axisFormat(), QStringLiteral("HH:mm:ss"));
    QCOMPARE(TrendRange(kNow, 8 * 3'600'000, true).axisFormat(), QStringLiteral("HH:mm"));
    QCOMPARE(TrendRange(kNow, 30 * 86'400'000LL, true).axisFormat(), QStringLiteral("MM-dd HH:mm"));
    QCOMPARE(TrendRange(kNow, 365 * 86'400'000LL, true).axisFormat(), QStringLiteral("yyyy-MM-dd"));
    QCOMPARE(TrendRange(kNow, 3'600'000, true).spanText(), QStringLiteral("1 h"));
}

QTEST_APPLESS_MAIN(TstTrendRange)
#include "tst_trendrange.moc"
