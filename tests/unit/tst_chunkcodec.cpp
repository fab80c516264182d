#include "history/chunkdecoder.h"
#include "history/chunkencoder.h"
#include "history/valueencoding.h"
#include "history/varint.h"
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
    void widensForValuesThatDoNotFit();
    void decimalTextCostsItsDigits();
    void readsVersionOneChunks();
    void refusesTimeGoingBackwards();
    void flatRegularSignalCostsBitsNotBytes();
    void serializeIsIncremental();
    void corruptChunksAreReported();
    void sampleCountMustFitTheChunkSize();
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
        case ValueEncoding::Mode::Decimal:
            // As a parser makes them of "12.345": 3 decimals, sometimes fewer ("12.3").
            v = QByteArray::number(walk, 'f', p < 20 ? 1 : 3).toDouble();
            if (p == 50)
                v = -1234567.891;
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
    QTest::newRow("decimal") << int(ValueEncoding::Mode::Decimal);
}

void TstChunkCodec::roundTrip()
{
    QFETCH(int, mode);
    const auto m = ValueEncoding::Mode(mode);
    const ValueEncoding encoding = m == ValueEncoding::Mode::Scaled
                                       ? ValueEncoding(m, 100.0 / 27648.0, 3.5)
                                   : m == ValueEncoding::Mode::Decimal ? ValueEncoding::decimal(3)
                                                                       : ValueEncoding(m);
    for (quint64 seed = 1; seed <= 20; ++seed) {
        const Generated g = generate(m, 1 + int(seed * 37 % 900), seed);
        ChunkEncoder enc(encoding);
        for (size_t i = 0; i < g.times.size(); ++i)
            QVERIFY2(enc.append(g.times[i], g.values[i], g.qualities[i]),
                     qPrintable(QStringLiteral("sample %1 value %2").arg(i).arg(g.values[i])));
        QCOMPARE(enc.count(), int(g.times.size()));
        QCOMPARE(enc.encoding().mode(), m); // every value fitted: no widening
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
    // A scaled float32 is any double: chunks start as integers and widen as their values need.
    t.scaling = Scaling::fromGainOffset(2.0, 1.0);
    QCOMPARE(ValueEncoding::forTag(t).mode(), ValueEncoding::Mode::Integer);
    t.type = DataType::Int16;
    QCOMPARE(ValueEncoding::forTag(t).mode(), ValueEncoding::Mode::Scaled);
    QCOMPARE(ValueEncoding::forTag(t).gain(), 2.0);
    t.scaling = Scaling();
    QCOMPARE(ValueEncoding::forTag(t).mode(), ValueEncoding::Mode::Integer);
    t.type = DataType::Bool;
    QCOMPARE(ValueEncoding::forTag(t).mode(), ValueEncoding::Mode::Integer);
    t.type = DataType::Float64;
    QCOMPARE(ValueEncoding::forTag(t).mode(), ValueEncoding::Mode::Integer);
}

// A value that does not fit widens the chunk: what it held is re-encoded, nothing is lost.
void TstChunkCodec::widensForValuesThatDoNotFit()
{
    struct Step {
        double value;
        ValueEncoding::Mode mode;
        int decimals;
    };
    const std::vector<Step> steps{
        {3.0, ValueEncoding::Mode::Integer, 0},  {-7.0, ValueEncoding::Mode::Integer, 0},
        {3.5, ValueEncoding::Mode::Decimal, 1},  {28.125, ValueEncoding::Mode::Decimal, 3},
        {0.1, ValueEncoding::Mode::Decimal, 3},  {double(0.1f), ValueEncoding::Mode::Float64, 0},
        {1e300, ValueEncoding::Mode::Float64, 0}};
    ChunkEncoder enc(ValueEncoding(ValueEncoding::Mode::Integer));
    HistorySamples expected;
    for (const Step &step : steps) {
        const qint64 t = 1000 * expected.size();
        QVERIFY(enc.append(t, step.value, Quality::Good));
        expected.append({t, step.value, Quality::Good});
        QCOMPARE(enc.encoding().mode(), step.mode);
        if (step.mode == ValueEncoding::Mode::Decimal)
            QCOMPARE(enc.encoding().decimals(), step.decimals);
        HistorySamples out;
        QVERIFY(ChunkDecoder::decodeAll(enc.serialize(), out));
        QCOMPARE(out, expected);
    }
    // Float32 values that are not decimals widen a float32 chunk no further than float32.
    ChunkEncoder f32(ValueEncoding(ValueEncoding::Mode::Integer));
    QVERIFY(f32.append(0, 2.0, Quality::Good));
    QVERIFY(f32.append(1, double(0.3f), Quality::Good));
    QCOMPARE(f32.encoding().mode(), ValueEncoding::Mode::Float32);
    // NaN and -0.0 fit only floats.
    ChunkEncoder special(ValueEncoding::decimal(2));
    QVERIFY(special.append(0, 1.25, Quality::Good));
    QVERIFY(special.append(1, -0.0, Quality::Good));
    QVERIFY(special.append(2, std::nan(""), Quality::Bad));
    HistorySamples out;
    QVERIFY(ChunkDecoder::decodeAll(special.serialize(), out));
    QCOMPARE(out.size(), 3);
    QCOMPARE(std::bit_cast<quint64>(out[1].value), std::bit_cast<quint64>(-0.0));
    QVERIFY(std::isnan(out[2].value));
}

// Numbers parsed from decimal text (MQTT JSON, serial ASCII) cost their digits: a noisy
// reading with 3 decimals takes bytes, not the 52 bits of its double's mantissa.
void TstChunkCodec::decimalTextCostsItsDigits()
{
    std::mt19937_64 rng(5);
    std::normal_distribution<double> noise(0.0, 0.1);
    ChunkEncoder enc(ValueEncoding(ValueEncoding::Mode::Integer));
    ChunkEncoder plain(ValueEncoding(ValueEncoding::Mode::Float64));
    for (int i = 0; i < 1000; ++i) {
        const QByteArray text = QByteArray::number(28.8 + noise(rng), 'f', 3);
        QVERIFY(enc.append(i * 500LL, text.toDouble(), Quality::Good));
        QVERIFY(plain.append(i * 500LL, text.toDouble(), Quality::Good));
    }
    QCOMPARE(enc.encoding().mode(), ValueEncoding::Mode::Decimal);
    QCOMPARE(enc.encoding().decimals(), 3);
    // σ 0.1 in steps of 0.001: about 10 bits a value, against 40 and more as doubles.
    QVERIFY2(enc.serialize().size() < 1600, QByteArray::number(enc.serialize().size()));
    QVERIFY2(plain.serialize().size() > 5000, QByteArray::number(plain.serialize().size()));
}

// Databases written before format 2 stay readable: chunks as the version 1 encoder wrote them
// (integer values in codes of fixed classes), an integer, a scaled and a float64 one.
void TstChunkCodec::readsVersionOneChunks()
{
    const QByteArray integer = QByteArray::fromHex(
        "120680a0abfef96200030004410100017ffff8bfa50400f045004e0279b00fe0000040000004e20020");
    const QByteArray scaled =
        QByteArray::fromHex("130480a0abfef962fa0113da4b682fa16d3f0000000000000"
                            "c40010004a7030250604ac30250");
    const QByteArray float64 = QByteArray::fromHex(
        "10048f4e00010004401fffffffffffffebffffe07fc3333333333335006000000000000002ccccccccccccc0");
    HistorySamples out;
    QString error;
    QVERIFY2(ChunkDecoder::decodeAll(integer, out, &error), qPrintable(error));
    const qint64 t0 = 1'700'000'000'000;
    const std::vector<qint64> values{0, 1, 70, -5000, qint64(1) << 40, qint64(1) << 40};
    QCOMPARE(out.size(), 6);
    for (int i = 0; i < 6; ++i)
        QCOMPARE(out[i], (HistorySample{t0 + i * 1000 + i % 2, double(values[size_t(i)]),
                                        i == 4 ? Quality::Stale : Quality::Good}));
    out.clear();
    QVERIFY2(ChunkDecoder::decodeAll(scaled, out, &error), qPrintable(error));
    HistorySamples expected; // written with a period of 250 ms; the fifth sample went back in time
    for (int i = 0; i < 4; ++i)
        expected.append({t0 + i * 250 + (i == 3 ? 500 : 0), (i * 37 - 20) * (100.0 / 27648.0) + 3.5,
                         Quality::Good});
    QCOMPARE(out, expected);
    out.clear();
    QVERIFY2(ChunkDecoder::decodeAll(float64, out, &error), qPrintable(error));
    QCOMPARE(out.size(), 4);
    for (int i = 0; i < 4; ++i)
        QCOMPARE(out[i], (HistorySample{-5000 + i * 7, i * 1.1 - 0.5, Quality::Good}));
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

// A chunk whose header claims more samples than its bits can hold (every sample after the first
// costs at least two bits) is refused at once: a corrupt count must not make the decoder read
// past the data or reserve memory for billions of samples.
void TstChunkCodec::sampleCountMustFitTheChunkSize()
{
    auto chunkClaiming = [](std::uint64_t count) {
        QByteArray blob;
        blob.append(
            char((ChunkEncoder::kFormatVersion << 4) | quint8(ValueEncoding::Mode::Float64)));
        varint::put(blob, count);
        varint::putSigned(blob, 1'700'000'000'000);
        varint::put(blob, 0);
        varint::put(blob, 1); // one quality run holding all of them
        blob.append(char(quint8(Quality::Good)));
        varint::put(blob, count);
        blob.append(QByteArray(24, '\0')); // 192 bits
        return blob;
    };
    QVERIFY(ChunkDecoder(chunkClaiming(97)).isValid()); // 1 + 192 / 2 may fit
    for (const std::uint64_t count : {98ULL, 1'000'000ULL, 0x7FFF'FFFFULL}) {
        const ChunkDecoder decoder(chunkClaiming(count));
        QVERIFY2(!decoder.isValid(), QByteArray::number(qulonglong(count)));
        QVERIFY2(decoder.error().contains(QString::number(count) + QStringLiteral(" samples")),
                 qPrintable(decoder.error()));
        HistorySamples out;
        QString error;
        QVERIFY(!ChunkDecoder::decodeAll(chunkClaiming(count), out, &error));
        QVERIFY(out.isEmpty());
        QCOMPARE(out.capacity(), 0);
    }
}

QTEST_APPLESS_MAIN(TstChunkCodec)
#include "tst_chunkcodec.moc"
