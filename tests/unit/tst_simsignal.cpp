// Tests SimSignal: parsing of sim addresses (every kind, every parameter, every error) and the
// values the signals produce as a function of time and seed.
#include "sim/simsignal.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>

using namespace vigil;

namespace
{

constexpr qint64 kEpoch = 1'700'000'000'000; // a realistic "now"

// The first multiple of period at or after kEpoch: the start of a cycle.
qint64 cycleStart(qint64 periodMs)
{
    return (kEpoch / periodMs + 1) * periodMs;
}

SimSignal parseOk(const QString &address, DataType type)
{
    QString error;
    std::optional<SimSignal> s = SimSignal::parse(address, type, &error);
    if (!s)
        qFatal("parse of '%s' failed: %s", qPrintable(address), qPrintable(error));
    return *s;
}

bool near(double a, double b, double tolerance = 1e-6)
{
    return std::abs(a - b) <= tolerance;
}

} // namespace

Q_DECLARE_METATYPE(vigil::DataType)
Q_DECLARE_METATYPE(vigil::SimSignal::Kind)

class TestSimSignal : public QObject
{
    Q_OBJECT

private slots:
    void parsesEveryKind_data();
    void parsesEveryKind();
    void parseErrors_data();
    void parseErrors();
    void acceptsValuesAtTheEdgesOfAnIntegerType();

    void sineAtKnownPhasePoints();
    void sinePhaseShiftsTheCycle();
    void sineWithoutNoiseIgnoresTheGenerator();
    void sineNoiseHasTheConfiguredSpread();
    void sineNoiseStaysInsideTheDataType();
    void rampIsLinearAndWraps();
    void integerTypesAreRounded_data();
    void integerTypesAreRounded();
    void squareFollowsDuty();
    void squareDefaultsForBool();
    void boolValuesAreZeroOrOne();
    void constantValue();
    void textSignal();
    void randomWalkStaysWithinRange_data();
    void randomWalkStaysWithinRange();
    void randomWalkDefaultStep();
    void sameTimeAndSeedGiveSameValues();
    void differentSeedsGiveDifferentWalks();
    void holdReplacesTheSignal();
    void holdIsRoundedForIntegerAndBoolTypes();
};

void TestSimSignal::parsesEveryKind_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<DataType>("type");
    QTest::addColumn<SimSignal::Kind>("kind");

    QTest::newRow("sine full") << "sine:period=60s,lo=0,hi=100,phase=0.25,noise=0.5"
                               << DataType::Float64 << SimSignal::Kind::Sine;
    QTest::newRow("sine bare") << "sine" << DataType::Float32 << SimSignal::Kind::Sine;
    QTest::newRow("sine upper case, spaces")
        << " SINE : period = 2m , lo = -5 , hi = 5 " << DataType::Float64 << SimSignal::Kind::Sine;
    QTest::newRow("ramp") << "ramp:period=30s,lo=0,hi=100" << DataType::Int32
                          << SimSignal::Kind::Ramp;
    QTest::newRow("random") << "random:lo=0,hi=100,step=2" << DataType::Float64
                            << SimSignal::Kind::Random;
    QTest::newRow("square") << "square:period=10s,lo=0,hi=1,duty=0.5" << DataType::Bool
                            << SimSignal::Kind::Square;
    QTest::newRow("square numeric")
        << "square:lo=4,hi=20" << DataType::UInt16 << SimSignal::Kind::Square;
    QTest::newRow("constant") << "constant:value=42" << DataType::Int16
                              << SimSignal::Kind::Constant;
    QTest::newRow("constant bool")
        << "constant:value=1" << DataType::Bool << SimSignal::Kind::Constant;
    QTest::newRow("constant negative")
        << "constant:value=-3.5" << DataType::Float64 << SimSignal::Kind::Constant;
    QTest::newRow("text") << "text:value=READY" << DataType::String << SimSignal::Kind::Text;
    QTest::newRow("text empty") << "text" << DataType::String << SimSignal::Kind::Text;
}

void TestSimSignal::parsesEveryKind()
{
    QFETCH(QString, address);
    QFETCH(DataType, type);
    QFETCH(SimSignal::Kind, kind);

    QString error;
    const std::optional<SimSignal> s = SimSignal::parse(address, type, &error);
    QVERIFY2(s.has_value(), qPrintable(error));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(s->kind(), kind);
}

void TestSimSignal::parseErrors_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<DataType>("type");
    QTest::addColumn<QStringList>("fragments"); // each must appear in the message

    const DataType f64 = DataType::Float64;
    // Unknown signal: names it and lists the known ones.
    QTest::newRow("unknown signal") << "saw:period=1s" << f64
                                    << QStringList{"unknown sim signal 'saw'", "'saw:period=1s'",
                                                   "sine, ramp, random, square, constant, text"};
    QTest::newRow("empty address") << "" << f64 << QStringList{"unknown sim signal ''"};

    // Unknown parameter: names it and lists what the signal takes.
    QTest::newRow("unknown parameter")
        << "sine:freq=2" << f64
        << QStringList{"unknown parameter 'freq=2'", "sine takes: period, lo, hi, phase, noise"};
    QTest::newRow("phase on ramp")
        << "ramp:phase=0.5" << f64
        << QStringList{"unknown parameter 'phase=0.5'", "ramp takes: period, lo, hi"};
    QTest::newRow("duty on sine") << "sine:duty=0.5" << f64
                                  << QStringList{"unknown parameter 'duty=0.5'"};
    QTest::newRow("period on random")
        << "random:period=1s" << f64
        << QStringList{"unknown parameter 'period=1s'", "random takes: lo, hi, step"};
    QTest::newRow("lo on constant")
        << "constant:lo=1" << f64 << QStringList{"unknown parameter 'lo=1'", "value"};
    QTest::newRow("no equals sign") << "sine:lo" << f64 << QStringList{"unknown parameter 'lo'"};

    // Numbers.
    QTest::newRow("lo not a number")
        << "sine:lo=abc" << f64
        << QStringList{"sim parameter 'lo'", "must be a number, got 'abc'", "'sine:lo=abc'"};
    QTest::newRow("hi empty") << "sine:hi=" << f64 << QStringList{"'hi'", "got ''"};
    QTest::newRow("hi infinite") << "sine:hi=inf" << f64 << QStringList{"'hi'", "must be a number"};
    QTest::newRow("noise nan") << "sine:noise=nan" << f64
                               << QStringList{"'noise'", "must be a number"};
    QTest::newRow("step with junk") << "random:step=1x" << f64 << QStringList{"'step'", "got '1x'"};
    QTest::newRow("value not a number")
        << "constant:value=ten" << f64 << QStringList{"'value'", "got 'ten'"};

    // Periods.
    QTest::newRow("period without unit")
        << "sine:period=60" << f64
        << QStringList{"sim period '60'", "at least 100ms", "'sine:period=60'"};
    QTest::newRow("period too short")
        << "ramp:period=50ms" << f64 << QStringList{"sim period '50ms'", "at least 100ms"};
    QTest::newRow("period zero") << "square:period=0s" << f64 << QStringList{"sim period '0s'"};
    QTest::newRow("period negative") << "sine:period=-5s" << f64 << QStringList{"sim period '-5s'"};
    QTest::newRow("period words") << "sine:period=slow" << f64 << QStringList{"sim period 'slow'"};

    // Ranges and shapes.
    QTest::newRow("lo equals hi") << "sine:lo=5,hi=5" << f64
                                  << QStringList{"lo (5) must be below hi (5)"};
    QTest::newRow("lo above hi ramp")
        << "ramp:lo=10,hi=0" << f64 << QStringList{"lo (10) must be below hi (0)"};
    QTest::newRow("lo above hi random")
        << "random:lo=1,hi=-1" << f64 << QStringList{"lo (1) must be below hi (-1)"};
    QTest::newRow("square lo at default hi")
        << "square:lo=1" << f64 << QStringList{"lo (1) must be below hi (1)"};
    QTest::newRow("duty one") << "square:duty=1" << f64 << QStringList{"duty must be in (0, 1)"};
    QTest::newRow("duty zero") << "square:duty=0" << f64 << QStringList{"duty must be in (0, 1)"};
    QTest::newRow("negative noise")
        << "sine:noise=-1" << f64 << QStringList{"noise and step must not be negative"};
    QTest::newRow("negative step")
        << "random:step=-1" << f64 << QStringList{"noise and step must not be negative"};

    // Type misfits.
    QTest::newRow("string tag on sine")
        << "sine:period=60s" << DataType::String
        << QStringList{"data type string does not fit sim address 'sine:period=60s'",
                       "text:value="};
    QTest::newRow("string tag on constant")
        << "constant:value=1" << DataType::String << QStringList{"data type string does not fit"};
    QTest::newRow("bool on sine") << "sine:lo=0,hi=1" << DataType::Bool
                                  << QStringList{"data type bool does not fit",
                                                 "'square' or 'constant'"};
    QTest::newRow("bool on ramp") << "ramp:lo=0,hi=1" << DataType::Bool
                                  << QStringList{"data type bool does not fit"};
    QTest::newRow("bool on random")
        << "random:lo=0,hi=1" << DataType::Bool << QStringList{"data type bool does not fit"};
    QTest::newRow("float on text")
        << "text:value=READY" << f64
        << QStringList{"data type float64 does not fit sim address 'text:value=READY'"};
    QTest::newRow("int16 on text")
        << "text:value=1" << DataType::Int16 << QStringList{"data type int16 does not fit"};
    QTest::newRow("bool on text") << "text:value=1" << DataType::Bool
                                  << QStringList{"data type bool does not fit"};

    // Values an integer (or float32, or bool) type cannot hold.
    QTest::newRow("int16 hi too big")
        << "sine:lo=0,hi=40000" << DataType::Int16
        << QStringList{"'sine:lo=0,hi=40000' produces values a int16 cannot hold"};
    QTest::newRow("int16 lo too small")
        << "ramp:lo=-40000,hi=0" << DataType::Int16 << QStringList{"int16 cannot hold"};
    QTest::newRow("uint16 negative lo")
        << "ramp:lo=-1,hi=10" << DataType::UInt16 << QStringList{"uint16 cannot hold"};
    QTest::newRow("uint16 hi too big")
        << "random:lo=0,hi=65536" << DataType::UInt16 << QStringList{"uint16 cannot hold"};
    QTest::newRow("uint32 negative constant")
        << "constant:value=-1" << DataType::UInt32 << QStringList{"uint32 cannot hold"};
    QTest::newRow("int32 constant too big")
        << "constant:value=3e9" << DataType::Int32 << QStringList{"int32 cannot hold"};
    QTest::newRow("bool constant 2")
        << "constant:value=2" << DataType::Bool << QStringList{"bool cannot hold"};
    QTest::newRow("bool square hi 2")
        << "square:lo=0,hi=2" << DataType::Bool << QStringList{"bool cannot hold"};
    QTest::newRow("float32 overflow")
        << "sine:lo=0,hi=1e39" << DataType::Float32 << QStringList{"float32 cannot hold"};
    QTest::newRow("default range on bool square edge")
        << "square:lo=-1" << DataType::Bool << QStringList{"bool cannot hold"};
}

void TestSimSignal::parseErrors()
{
    QFETCH(QString, address);
    QFETCH(DataType, type);
    QFETCH(QStringList, fragments);

    QString error;
    const std::optional<SimSignal> s = SimSignal::parse(address, type, &error);
    QVERIFY2(!s.has_value(), "the address was accepted");
    QVERIFY(!error.isEmpty());
    for (const QString &fragment : fragments)
        QVERIFY2(error.contains(fragment),
                 qPrintable(QStringLiteral("'%1' not in: %2").arg(fragment, error)));
}

void TestSimSignal::acceptsValuesAtTheEdgesOfAnIntegerType()
{
    QString error;
    QVERIFY(SimSignal::parse(QStringLiteral("ramp:lo=-32768,hi=32767"), DataType::Int16, &error));
    QVERIFY(SimSignal::parse(QStringLiteral("ramp:lo=0,hi=65535"), DataType::UInt16, &error));
    QVERIFY(SimSignal::parse(QStringLiteral("constant:value=-32768"), DataType::Int16, &error));
    QVERIFY(SimSignal::parse(QStringLiteral("constant:value=0"), DataType::Bool, &error));
    QVERIFY2(error.isEmpty(), qPrintable(error));
    // One past either edge is refused.
    QVERIFY(!SimSignal::parse(QStringLiteral("ramp:lo=-32769,hi=0"), DataType::Int16, &error));
    QVERIFY(!SimSignal::parse(QStringLiteral("ramp:lo=0,hi=65536"), DataType::UInt16, &error));
}

void TestSimSignal::sineAtKnownPhasePoints()
{
    const qint64 period = 60'000;
    SimSignal s = parseOk(QStringLiteral("sine:period=60s,lo=10,hi=30"), DataType::Float64);
    std::mt19937_64 rng(1);
    const qint64 t0 = cycleStart(period);
    // sin(0) = 0 -> mid, sin(pi/2) = 1 -> hi, sin(pi) = 0 -> mid, sin(3pi/2) = -1 -> lo.
    QVERIFY(near(s.valueAt(t0, rng), 20.0, 1e-9));
    QVERIFY(near(s.valueAt(t0 + period / 4, rng), 30.0, 1e-9));
    QVERIFY(near(s.valueAt(t0 + period / 2, rng), 20.0, 1e-9));
    QVERIFY(near(s.valueAt(t0 + 3 * period / 4, rng), 10.0, 1e-9));
    QVERIFY(near(s.valueAt(t0 + period, rng), 20.0, 1e-9));
    // Between: mid + half-span * sin(2 pi / 12) = 20 + 10 * 0.5 at a twelfth of the period.
    QVERIFY(near(s.valueAt(t0 + period / 12, rng), 25.0, 1e-6));

    // Never outside [lo, hi] without noise.
    for (qint64 t = t0; t < t0 + period; t += 250) {
        const double v = s.valueAt(t, rng);
        QVERIFY2(v >= 10.0 - 1e-9 && v <= 30.0 + 1e-9, qPrintable(QString::number(v)));
    }
}

void TestSimSignal::sinePhaseShiftsTheCycle()
{
    const qint64 period = 60'000;
    SimSignal shifted =
        parseOk(QStringLiteral("sine:period=60s,lo=10,hi=30,phase=0.25"), DataType::Float64);
    SimSignal plain = parseOk(QStringLiteral("sine:period=60s,lo=10,hi=30"), DataType::Float64);
    std::mt19937_64 rng(1);
    const qint64 t0 = cycleStart(period);
    // A quarter-period phase starts the cycle at the top.
    QVERIFY(near(shifted.valueAt(t0, rng), 30.0, 1e-9));
    QVERIFY(near(shifted.valueAt(t0 + period / 2, rng), 10.0, 1e-9));
    for (qint64 dt = 0; dt < period; dt += 1'700)
        QVERIFY(
            near(shifted.valueAt(t0 + dt, rng), plain.valueAt(t0 + dt + period / 4, rng), 1e-5));
}

void TestSimSignal::sineWithoutNoiseIgnoresTheGenerator()
{
    SimSignal s = parseOk(QStringLiteral("sine:period=10s,lo=0,hi=100"), DataType::Float64);
    std::mt19937_64 a(1), b(999);
    const qint64 t = kEpoch + 1234;
    const double first = s.valueAt(t, a);
    // Same time, different generators and call history: the same value.
    s.valueAt(t + 5000, a);
    QCOMPARE(s.valueAt(t, b), first);
    QCOMPARE(s.valueAt(t, a), first);
}

void TestSimSignal::sineNoiseHasTheConfiguredSpread()
{
    const qint64 period = 60'000;
    SimSignal s =
        parseOk(QStringLiteral("sine:period=60s,lo=10,hi=30,noise=0.5"), DataType::Float64);
    std::mt19937_64 rng(42);
    const qint64 t = cycleStart(period); // clean value: 20
    const int n = 4000;
    double sum = 0, sumSq = 0;
    std::set<double> distinct;
    for (int i = 0; i < n; ++i) {
        const double v = s.valueAt(t, rng);
        sum += v;
        sumSq += v * v;
        distinct.insert(v);
    }
    const double mean = sum / n;
    const double sd = std::sqrt(sumSq / n - mean * mean);
    QVERIFY2(near(mean, 20.0, 0.05), qPrintable(QString::number(mean)));
    QVERIFY2(sd > 0.45 && sd < 0.55, qPrintable(QString::number(sd)));
    QVERIFY(distinct.size() > size_t(n) / 2);
}

void TestSimSignal::sineNoiseStaysInsideTheDataType()
{
    // A uint16 register cannot hold a negative value, however noisy the signal.
    SimSignal s =
        parseOk(QStringLiteral("sine:period=10s,lo=0,hi=65535,noise=50"), DataType::UInt16);
    std::mt19937_64 rng(3);
    const qint64 t0 = cycleStart(10'000);
    double lowest = 1e9, highest = -1e9;
    for (qint64 dt = 0; dt < 10'000; dt += 5) {
        const double v = s.valueAt(t0 + dt, rng);
        QCOMPARE(v, std::round(v));
        lowest = std::min(lowest, v);
        highest = std::max(highest, v);
    }
    QVERIFY2(lowest >= 0.0, qPrintable(QString::number(lowest)));
    QVERIFY2(highest <= 65535.0, qPrintable(QString::number(highest)));
    // The noise is there: the extremes are reached (clamped), not avoided.
    QCOMPARE(lowest, 0.0);
    QCOMPARE(highest, 65535.0);
}

void TestSimSignal::rampIsLinearAndWraps()
{
    const qint64 period = 40'000;
    SimSignal s = parseOk(QStringLiteral("ramp:period=40s,lo=-50,hi=150"), DataType::Float64);
    std::mt19937_64 rng(1);
    const qint64 t0 = cycleStart(period);
    for (int second = 0; second < 40; ++second) {
        const double expected = -50.0 + 200.0 * second / 40.0;
        const double v = s.valueAt(t0 + second * 1000, rng);
        QVERIFY2(near(v, expected, 1e-4),
                 qPrintable(
                     QStringLiteral("at %1 s: %2, expected %3").arg(second).arg(v).arg(expected)));
    }
    // Equal steps: the slope is constant (span / period per ms).
    const double a = s.valueAt(t0 + 10'000, rng);
    const double b = s.valueAt(t0 + 20'000, rng);
    const double c = s.valueAt(t0 + 30'000, rng);
    QVERIFY(near(b - a, c - b, 1e-4));
    QVERIFY(near(b - a, 50.0, 1e-4));
    // Just before the end of a cycle it is near hi, then it starts again at lo.
    QVERIFY(near(s.valueAt(t0 + period - 1, rng), 150.0, 0.01));
    QVERIFY(near(s.valueAt(t0 + period, rng), -50.0, 1e-4));
}

void TestSimSignal::integerTypesAreRounded_data()
{
    QTest::addColumn<DataType>("type");
    QTest::addColumn<qint64>("offsetMs");
    QTest::addColumn<double>("expected");

    // ramp:period=10s,lo=0,hi=10 -> exact value is offset / 1000.
    for (DataType t : {DataType::Int16, DataType::UInt16, DataType::Int32, DataType::UInt32,
                       DataType::Int64, DataType::UInt64}) {
        const QByteArray name = dataTypeName(t).toLatin1();
        QTest::addRow("%s 2.4", name.constData()) << t << qint64(2'400) << 2.0;
        QTest::addRow("%s 2.6", name.constData()) << t << qint64(2'600) << 3.0;
        QTest::addRow("%s 7.49", name.constData()) << t << qint64(7'490) << 7.0;
        QTest::addRow("%s 9.9", name.constData()) << t << qint64(9'900) << 10.0;
    }
    // Floating types keep the fraction.
    QTest::newRow("float64 2.4") << DataType::Float64 << qint64(2'400) << 2.4;
    QTest::newRow("float32 2.6") << DataType::Float32 << qint64(2'600) << 2.6;
}

void TestSimSignal::integerTypesAreRounded()
{
    QFETCH(DataType, type);
    QFETCH(qint64, offsetMs);
    QFETCH(double, expected);

    SimSignal s = parseOk(QStringLiteral("ramp:period=10s,lo=0,hi=10"), type);
    std::mt19937_64 rng(1);
    const double v = s.valueAt(cycleStart(10'000) + offsetMs, rng);
    QVERIFY2(near(v, expected), qPrintable(QString::number(v, 'g', 17)));
    if (isInteger(type))
        QCOMPARE(v, expected); // exactly the integer
}

void TestSimSignal::squareFollowsDuty()
{
    const qint64 period = 10'000;
    SimSignal s =
        parseOk(QStringLiteral("square:period=10s,lo=2,hi=7,duty=0.3"), DataType::Float64);
    std::mt19937_64 rng(1);
    const qint64 t0 = cycleStart(period);
    QCOMPARE(s.valueAt(t0, rng), 7.0);
    QCOMPARE(s.valueAt(t0 + 2'999, rng), 7.0);
    QCOMPARE(s.valueAt(t0 + 3'001, rng), 2.0);
    QCOMPARE(s.valueAt(t0 + 9'999, rng), 2.0);
    QCOMPARE(s.valueAt(t0 + period, rng), 7.0);

    int high = 0, low = 0;
    for (qint64 dt = 5; dt < 2 * period; dt += 10) { // never exactly on an edge
        const double v = s.valueAt(t0 + dt, rng);
        QVERIFY(v == 2.0 || v == 7.0);
        (v == 7.0 ? high : low)++;
    }
    QCOMPARE(high, 600); // 30 % of 2000 samples
    QCOMPARE(low, 1400);
}

void TestSimSignal::squareDefaultsForBool()
{
    // Defaults: period 10 s, lo 0, hi 1, duty 0.5.
    SimSignal s = parseOk(QStringLiteral("square"), DataType::Bool);
    std::mt19937_64 rng(1);
    const qint64 t0 = cycleStart(10'000);
    QCOMPARE(s.valueAt(t0, rng), 1.0);
    QCOMPARE(s.valueAt(t0 + 4'999, rng), 1.0);
    QCOMPARE(s.valueAt(t0 + 5'001, rng), 0.0);
    QCOMPARE(s.valueAt(t0 + 9'999, rng), 0.0);
    QCOMPARE(s.valueAt(t0 + 10'000, rng), 1.0);
}

void TestSimSignal::boolValuesAreZeroOrOne()
{
    std::mt19937_64 rng(1);
    SimSignal on = parseOk(QStringLiteral("constant:value=1"), DataType::Bool);
    SimSignal off = parseOk(QStringLiteral("constant:value=0"), DataType::Bool);
    SimSignal half = parseOk(QStringLiteral("constant:value=0.25"), DataType::Bool);
    SimSignal blink = parseOk(QStringLiteral("square:period=1s,duty=0.25"), DataType::Bool);
    QCOMPARE(on.valueAt(kEpoch, rng), 1.0);
    QCOMPARE(off.valueAt(kEpoch, rng), 0.0);
    QCOMPARE(half.valueAt(kEpoch, rng), 1.0); // any non-zero value is true
    int ones = 0;
    for (qint64 dt = 5; dt < 1000; dt += 10) { // never exactly on an edge
        const double v = blink.valueAt(cycleStart(1000) + dt, rng);
        QVERIFY2(v == 0.0 || v == 1.0, qPrintable(QString::number(v)));
        ones += int(v);
    }
    QCOMPARE(ones, 25);
}

void TestSimSignal::constantValue()
{
    std::mt19937_64 rng(1);
    SimSignal f = parseOk(QStringLiteral("constant:value=42.5"), DataType::Float64);
    SimSignal i = parseOk(QStringLiteral("constant:value=41.6"), DataType::Int16);
    SimSignal n = parseOk(QStringLiteral("constant:value=-7"), DataType::Int32);
    SimSignal zero = parseOk(QStringLiteral("constant"), DataType::Float64);
    for (qint64 t : {kEpoch, kEpoch + 1, kEpoch + 3'600'000}) {
        QCOMPARE(f.valueAt(t, rng), 42.5);
        QCOMPARE(i.valueAt(t, rng), 42.0);
        QCOMPARE(n.valueAt(t, rng), -7.0);
        QCOMPARE(zero.valueAt(t, rng), 0.0);
    }
}

void TestSimSignal::textSignal()
{
    SimSignal s = parseOk(QStringLiteral("text:value=READY"), DataType::String);
    QCOMPARE(s.kind(), SimSignal::Kind::Text);
    QCOMPARE(s.text(), QStringLiteral("READY"));
    SimSignal spaced = parseOk(QStringLiteral("text:value= Batch 7 = done "), DataType::String);
    QCOMPARE(spaced.text(), QStringLiteral("Batch 7 = done"));

    s.holdText(QStringLiteral("RUNNING"));
    QCOMPARE(s.kind(), SimSignal::Kind::Text);
    QCOMPARE(s.text(), QStringLiteral("RUNNING"));
}

void TestSimSignal::randomWalkStaysWithinRange_data()
{
    QTest::addColumn<QString>("address");
    QTest::addColumn<double>("lo");
    QTest::addColumn<double>("hi");
    QTest::addColumn<double>("step");

    QTest::newRow("small steps") << "random:lo=0,hi=100,step=2" << 0.0 << 100.0 << 2.0;
    QTest::newRow("negative range") << "random:lo=-20,hi=-10,step=0.5" << -20.0 << -10.0 << 0.5;
    QTest::newRow("step equals span") << "random:lo=0,hi=10,step=10" << 0.0 << 10.0 << 10.0;
    QTest::newRow("step larger than span") << "random:lo=0,hi=1,step=25" << 0.0 << 1.0 << 25.0;
}

void TestSimSignal::randomWalkStaysWithinRange()
{
    QFETCH(QString, address);
    QFETCH(double, lo);
    QFETCH(double, hi);
    QFETCH(double, step);

    SimSignal s = parseOk(address, DataType::Float64);
    std::mt19937_64 rng(7);
    double previous = (lo + hi) / 2; // the walk starts in the middle
    std::set<double> distinct;
    for (int i = 0; i < 20'000; ++i) {
        const double v = s.valueAt(kEpoch + i * 100, rng);
        QVERIFY2(v >= lo && v <= hi,
                 qPrintable(
                     QStringLiteral("step %1: %2 outside [%3, %4]").arg(i).arg(v).arg(lo).arg(hi)));
        QVERIFY2(std::abs(v - previous) <= step + 1e-9,
                 qPrintable(QStringLiteral("step %1 moved %2").arg(i).arg(v - previous)));
        previous = v;
        distinct.insert(v);
    }
    QVERIFY(distinct.size() > 1000); // it does walk
}

void TestSimSignal::randomWalkDefaultStep()
{
    // Without step, each move is at most 1/50 of the span.
    SimSignal s = parseOk(QStringLiteral("random:lo=0,hi=500"), DataType::Float64);
    std::mt19937_64 rng(11);
    double previous = 250.0;
    double largest = 0;
    for (int i = 0; i < 5'000; ++i) {
        const double v = s.valueAt(kEpoch + i, rng);
        largest = std::max(largest, std::abs(v - previous));
        previous = v;
    }
    QVERIFY2(largest <= 10.0 + 1e-9, qPrintable(QString::number(largest)));
    QVERIFY2(largest > 9.0, qPrintable(QString::number(largest))); // and steps use most of it
}

void TestSimSignal::sameTimeAndSeedGiveSameValues()
{
    const QStringList addresses{
        QStringLiteral("sine:period=7s,lo=0,hi=100,phase=0.1,noise=2"),
        QStringLiteral("random:lo=-5,hi=5,step=0.3"),
        QStringLiteral("ramp:period=3s,lo=0,hi=1"),
        QStringLiteral("square:period=2s,lo=0,hi=9,duty=0.7"),
    };
    for (const QString &address : addresses) {
        SimSignal a = parseOk(address, DataType::Float64);
        SimSignal b = parseOk(address, DataType::Float64);
        std::mt19937_64 rngA(1234), rngB(1234);
        for (int i = 0; i < 500; ++i) {
            const qint64 t = kEpoch + i * 137;
            QCOMPARE(a.valueAt(t, rngA), b.valueAt(t, rngB));
        }
    }
}

void TestSimSignal::differentSeedsGiveDifferentWalks()
{
    SimSignal a = parseOk(QStringLiteral("random:lo=0,hi=100"), DataType::Float64);
    SimSignal b = parseOk(QStringLiteral("random:lo=0,hi=100"), DataType::Float64);
    std::mt19937_64 rngA(1), rngB(2);
    int differing = 0;
    for (int i = 0; i < 100; ++i)
        differing += a.valueAt(kEpoch + i, rngA) != b.valueAt(kEpoch + i, rngB) ? 1 : 0;
    QVERIFY(differing > 90);
}

void TestSimSignal::holdReplacesTheSignal()
{
    std::mt19937_64 rng(1);
    for (const QString &address :
         {QStringLiteral("sine:period=1s,lo=0,hi=100,noise=3"), QStringLiteral("ramp:period=1s"),
          QStringLiteral("random:lo=0,hi=100"), QStringLiteral("square:period=1s,lo=0,hi=100"),
          QStringLiteral("constant:value=5")}) {
        SimSignal s = parseOk(address, DataType::Float64);
        s.hold(42.25);
        QCOMPARE(s.kind(), SimSignal::Kind::Constant);
        for (qint64 dt = 0; dt < 2000; dt += 97)
            QCOMPARE(s.valueAt(kEpoch + dt, rng), 42.25);
        // A later write replaces the earlier one.
        s.hold(-3.0);
        QCOMPARE(s.valueAt(kEpoch, rng), -3.0);
    }
}

void TestSimSignal::holdIsRoundedForIntegerAndBoolTypes()
{
    std::mt19937_64 rng(1);
    SimSignal i = parseOk(QStringLiteral("ramp:period=1s,lo=0,hi=1000"), DataType::Int16);
    i.hold(12.7);
    QCOMPARE(i.valueAt(kEpoch, rng), 13.0);
    SimSignal b = parseOk(QStringLiteral("square:period=1s"), DataType::Bool);
    b.hold(1.0);
    for (qint64 dt = 0; dt < 1000; dt += 50)
        QCOMPARE(b.valueAt(kEpoch + dt, rng), 1.0);
    b.hold(0.0);
    for (qint64 dt = 0; dt < 1000; dt += 50)
        QCOMPARE(b.valueAt(kEpoch + dt, rng), 0.0);
}

QTEST_GUILESS_MAIN(TestSimSignal)
#include "tst_simsignal.moc"
