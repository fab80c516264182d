#include "tags/scaling.h"

#include <QtTest>

using namespace vigil;

class TstScaling : public QObject
{
    Q_OBJECT
private slots:
    void identityByDefault();
    void span_data();
    void span();
    void gainOffset();
    void reversedSpan();
    void roundTrip_data();
    void roundTrip();
};

void TstScaling::identityByDefault()
{
    const Scaling s;
    QVERIFY(s.isIdentity());
    QCOMPARE(s.toEngineering(12.5), 12.5);
    QCOMPARE(s.toRaw(-3.0), -3.0);
}

void TstScaling::span_data()
{
    QTest::addColumn<double>("raw");
    QTest::addColumn<double>("eu");
    // 4-20 mA card: 0..27648 counts -> 0..100 %
    QTest::newRow("zero") << 0.0 << 0.0;
    QTest::newRow("full") << 27648.0 << 100.0;
    QTest::newRow("half") << 13824.0 << 50.0;
    QTest::newRow("over range") << 32767.0 << 32767.0 / 276.48;
    QTest::newRow("negative") << -2765.0 << -2765.0 / 276.48;
}

void TstScaling::span()
{
    QFETCH(double, raw);
    QFETCH(double, eu);
    const Scaling s = Scaling::fromSpan(0, 27648, 0, 100);
    QVERIFY(!s.isIdentity());
    QVERIFY(qFuzzyCompare(1.0 + s.toEngineering(raw), 1.0 + eu));
}

void TstScaling::gainOffset()
{
    const Scaling s = Scaling::fromGainOffset(0.1, -40.0); // tenths of a degree, offset
    QCOMPARE(s.gain(), 0.1);
    QCOMPARE(s.offset(), -40.0);
    QVERIFY(qFuzzyCompare(s.toEngineering(650), 25.0));
    QVERIFY(qFuzzyCompare(s.toRaw(25.0), 650.0));
}

void TstScaling::reversedSpan()
{
    // A reverse-acting transmitter: 4 mA = 100 %, 20 mA = 0 %.
    const Scaling s = Scaling::fromSpan(4, 20, 100, 0);
    QVERIFY(qFuzzyCompare(s.toEngineering(4), 100.0));
    QVERIFY(qFuzzyCompare(1.0 + s.toEngineering(20), 1.0));
    QVERIFY(qFuzzyCompare(s.toEngineering(12), 50.0));
    QVERIFY(s.gain() < 0);
}

void TstScaling::roundTrip_data()
{
    QTest::addColumn<double>("eu");
    QTest::newRow("0") << 0.0;
    QTest::newRow("12.34") << 12.34;
    QTest::newRow("-7") << -7.0;
    QTest::newRow("1e6") << 1e6;
}

void TstScaling::roundTrip()
{
    QFETCH(double, eu);
    const Scaling s = Scaling::fromSpan(-32768, 32767, -50, 150);
    QVERIFY(qAbs(s.toEngineering(s.toRaw(eu)) - eu) < 1e-9 * qMax(1.0, qAbs(eu)));
}

QTEST_GUILESS_MAIN(TstScaling)
#include "tst_scaling.moc"
