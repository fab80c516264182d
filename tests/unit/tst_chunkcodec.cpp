#include "history/chunkdecoder.h"
#include "history/chunkencoder.h"
#include "history/valueencoding.h"
#include "tags/tagdefinition.h"

#include <QtTest>

#include <bit>
#include <cmath>
#include <random>

using namespace vigil;

class TstChunkCodec : public QObject
{
    Q_OBJECT
private slots:
    void roundTrip_data();
    void roundTrip();
    void encodingFollowsTheTagType();
    void refusesValuesThatDoNotFit();
    void refusesTimeGoingBackwards();
    void flatRegularSignalCostsBitsNotBytes();
    void serializeIsIncremental();
    void corruptChunksAreReported();
};

namespace
{

struct Generated {
    std::vector<qint64> times;
    std::vector<double> values;
    std::vector<Quality> qualities;
};

Generated generate(ValueEncoding::Mode mode, int n, quint64 seed)
{
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<int> jitter(-3, 3);
    std::uniform_int_distribution<int> pick(0, 99);
    std::normal_distribution<double> noise(0.0, 1.0);
    Generated g;
    qint64 t = -5'000; // also before the epoch
    double walk = 50.0;
    for (int i = 0; i < n; ++i) {
        const int p = pick(rng);
        if (p < 3)
            t += 0; // equal times happen (several samples in one ms)
        else if (p < 6)
            t += 3'600'000LL * (1 + p); // long silence
        else
            t += 250 + jitter(rng);
        walk += noise(rng);
        double v = walk;
        switch (mode) {
        case ValueEncoding::Mode::Float64:
            if (p == 50)
                v = std::numeric_limits<double>::infinity();
            if (p == 51)
                v = -0.0;
            if (p == 52)
                v = 1e300;
            break;
        case ValueEncoding::Mode::Float32:
            v = double(float(walk));
            break;
        case ValueEncoding::Mode::Integer:
            v = std::round(walk * 1000.0);
            if (p == 50)
                v = 9007199254740992.0; // 2^53
            if (p == 51)
                v = -123456789012.0;
            break;
        case ValueEncoding::Mode::Scaled:
            v = std::round(walk * 100.0) * (100.0 / 27648.0) + 3.5;
            break;
        }
        g.times.push_back(t);
        g.values.push_back(v);
        g.qualities.push_back(p < 90   ? Quality::Good
                              : p < 95 ? Quality::Stale
                                       : Quality::CommError);
    }
    return g;
}

} // namespace

void TstChunkCodec::roundTrip_data()
{
    QTest::addColumn<int>("mode");
    QTest::newRow("float64") << int(ValueEncoding::Mode::Float64);
    QTest::newRow("float32") << int(ValueEncoding::Mode::Float32);
    QTest::newRow("integer") << int(ValueEncoding::Mode::Integer);
    QTest::newRow("scaled") << int(ValueEncoding::Mode::Scaled);
}

void TstChunkCodec::roundTrip()
{
    QFETCH(int, mode);
    const auto m = ValueEncoding::Mode(mode);
    const ValueEncoding encoding = m == ValueEncoding::Mode::Scaled
                                       ? ValueEncoding(m, 100.0 / 27648.0, 3.5)
                                       : ValueEncoding(m);
    for (quint64 seed = 1; seed <= 20; ++seed) {
        const Generated g = generate(m, 1 + int(seed * 37 % 900), seed);
        ChunkEncoder enc(encoding);
        for (size_t i = 0; i < g.times.size(); ++i)
            QVERIFY2(enc.append(g.times[i], g.values[i], g.qualities[i]),
                     qPrintable(QStringLiteral("sample %1 value %2").arg(i).arg(g.values[i])));
        QCOMPARE(enc.count(), int(g.times.size()));
        const QByteArray blob = enc.serialize();
        QVERIFY(blob.size() <= qsizetype(enc.estimatedBytes()) + 8); // never underestimated

        HistorySamples out;
        QString error;
        QVERIFY2(ChunkDecoder::decodeAll(blob, out, &error), qPrintable(error));
        QCOMPARE(out.size(), qsizetype(g.times.size()));
        for (qsizetype i = 0; i < out.size(); ++i) {
            QCOMPARE(out[i].time, g.times[size_t(i)]);
            // Bit for bit: lossless.
            QCOMPARE(std::bit_cast<quint64>(out[i].value),
                     std::bit_cast<quint64>(g.values[size_t(i)]));
            QCOMPARE(out[i].quality, g.qualities[size_t(i)]);
        }
    }
}

void TstChunkCodec::encodingFollowsTheTagType()
{
    TagDefinition t;
    t.type = DataType::Float32;
    QCOMPARE(ValueEncoding::forTag(t).mode(), ValueEncoding::Mode::Float32);
    t.scaling = Scaling::fromGainOffset(2.0, 1.0);
    QCOMPARE(ValueEncoding::forTag(t).mode(), ValueEncoding::Mode::Float64);
    t.type = DataType::Int16;
    QCOMPARE(ValueEncoding::forTag(t).mode(), ValueEncoding::Mode::Scaled);
    QCOMPARE(ValueEncoding::forTag(t).gain(), 2.0);
    t.scaling = Scaling();
    QCOMPARE(ValueEncoding::forTag(t).mode(), ValueEncoding::Mode::Integer);
    t.type = DataType::Bool;
    QCOMPARE(ValueEncoding::forTag(t).mode(), ValueEncoding::Mode::Integer);
    t.type = DataType::Float64;
    QCOMPARE(ValueEncoding::forTag(t).mode(), ValueEncoding::Mode::Float64);
}

void TstChunkCodec::refusesValuesThatDoNotFit()
{
    ChunkEncoder f32(ValueEncoding(ValueEncoding::Mode::Float32));
    QVERIFY(f32.append(0, 1.5, Quality::Good));
    QVERIFY(!f32.append(1, 0.1, Quality::Good)); // 0.1 is not a float32
    QCOMPARE(f32.count(), 1);

    ChunkEncoder integer(ValueEncoding(ValueEncoding::Mode::Integer));
    QVERIFY(integer.append(0, 3.0, Quality::Good));
    QVERIFY(!integer.append(1, 3.5, Quality::Good));
    QVERIFY(!integer.append(1, std::nan(""), Quality::Good));
    QVERIFY(!integer.append(1, 1e300, Quality::Good));

    ChunkEncoder scaled(ValueEncoding(ValueEncoding::Mode::Scaled, 0.1, 0.0));
    QVERIFY(scaled.append(0, 7 * 0.1, Quality::Good));
    QVERIFY(!scaled.append(1, 0.7, Quality::Good) || 7 * 0.1 == 0.7);
    QVERIFY(!scaled.append(1, 0.75, Quality::Good));
}

void TstChunkCodec::refusesTimeGoingBackwards()
{
    ChunkEncoder enc;
    QVERIFY(enc.append(1000, 1, Quality::Good));
    QVERIFY(enc.append(1000, 2, Quality::Good));
    QVERIFY(!enc.append(999, 3, Quality::Good));
    QCOMPARE(enc.count(), 2);
}

void TstChunkCodec::flatRegularSignalCostsBitsNotBytes()
{
    ChunkEncoder enc(ValueEncoding(ValueEncoding::Mode::Float64));
    for (int i = 0; i < 4000; ++i)
        QVERIFY(enc.append(1'700'000'000'000 + i * 1000LL, 42.125, Quality::Good));
    // 2 bits per sample once the coders have adapted: 1000 bytes plus a little.
    QVERIFY2(enc.serialize().size() < 1100, QByteArray::number(enc.serialize().size()));
}

void TstChunkCodec::serializeIsIncremental()
{
    ChunkEncoder enc;
    HistorySamples out;
    for (int i = 0; i < 100; ++i) {
        enc.append(i * 100, std::sin(i * 0.1), Quality::Good);
        if (i % 7 == 0) {
            out.clear();
            QVERIFY(ChunkDecoder::decodeAll(enc.serialize(), out));
            QCOMPARE(out.size(), i + 1);
            QCOMPARE(out.last().value, std::sin(i * 0.1));
        }
    }
    enc.reset(ValueEncoding(ValueEncoding::Mode::Integer));
    QVERIFY(enc.isEmpty());
    QVERIFY(enc.append(5, 1, Quality::Bad));
    out.clear();
    QVERIFY(ChunkDecoder::decodeAll(enc.serialize(), out));
    QCOMPARE(out, HistorySamples({HistorySample{5, 1.0, Quality::Bad}}));
}

void TstChunkCodec::corruptChunksAreReported()
{
    ChunkEncoder enc;
    for (int i = 0; i < 500; ++i)
        enc.append(i * 1000LL, std::sin(i) * 1000, Quality::Good);
    const QByteArray blob = enc.serialize();

    HistorySamples out;
    QString error;
    QVERIFY(!ChunkDecoder::decodeAll(blob.left(blob.size() / 2), out, &error));
    QVERIFY2(error.contains(u"truncated"), qPrintable(error));
    QVERIFY(!ChunkDecoder::decodeAll(QByteArray(), out, &error));
    QVERIFY(!ChunkDecoder::decodeAll(QByteArray("\x7f garbage"), out, &error));
    QVERIFY2(error.contains(u"format"), qPrintable(error));
    QByteArray badRuns = blob;
    badRuns[1] = char(0x7f); // count no longer matches the quality runs
    QVERIFY(!ChunkDecoder::decodeAll(badRuns, out, &error));
    QVERIFY2(error.contains(u"header"), qPrintable(error));
}

QTEST_APPLESS_MAIN(TstChunkCodec)
#include "tst_chunkcodec.moc"
