// ModbusCodec: every data type in every word/byte order against register images computed by hand
// (Python struct), string packing, and encode/decode round trips.

#include "modbus/modbuscodec.h"
#include "modbus/modbuswrite.h"

#include <QtTest>

#include <array>
#include <cmath>

using namespace vigil;

namespace
{

using Regs = std::vector<uint16_t>;

uint16_t swap(uint16_t r)
{
    return uint16_t((r >> 8) | (r << 8));
}

// Big-endian (ABCD) registers rearranged into another order.
Regs reorder(const Regs &abcd, ByteOrder order)
{
    Regs r = abcd;
    if (order == ByteOrder::CDAB || order == ByteOrder::DCBA)
        std::reverse(r.begin(), r.end());
    if (order == ByteOrder::BADC || order == ByteOrder::DCBA)
        for (uint16_t &x : r)
            x = swap(x);
    return r;
}

} // namespace

class TstModbusCodec : public QObject
{
    Q_OBJECT
private slots:
    void everyTypeEveryOrder_data();
    void everyTypeEveryOrder();
    void knownWordSwappedImages();
    void bitsAndBools();
    void strings();
    void orderNames();
    void registerCounts();
    void sixtyFourBitLimitsAreRefusedNotOverflowed();
};

void TstModbusCodec::everyTypeEveryOrder_data()
{
    QTest::addColumn<int>("type");
    QTest::addColumn<double>("value");
    QTest::addColumn<Regs>("abcd"); // big-endian image
    const struct {
        DataType type;
        double value;
        Regs abcd;
    } cases[] = {
        {DataType::Int16, -123, {0xFF85}},
        {DataType::UInt16, 65000, {0xFDE8}},
        {DataType::Int32, -100000, {0xFFFE, 0x7960}},
        {DataType::UInt32, 3000000000.0, {0xB2D0, 0x5E00}},
        {DataType::Int64, -1234567890123.0, {0xFFFF, 0xFEE0, 0x8E04, 0xFB35}},
        {DataType::UInt64, 1234567890123456768.0, {0x1122, 0x10F4, 0x7DE9, 0x8100}},
        {DataType::Float32, double(3.14159f), {0x4049, 0x0FD0}},
        {DataType::Float64, -2.718281828459045, {0xC005, 0xBF0A, 0x8B14, 0x5769}},
    };
    for (const auto &c : cases) {
        for (ByteOrder o : {ByteOrder::ABCD, ByteOrder::CDAB, ByteOrder::BADC, ByteOrder::DCBA}) {
            QTest::addRow("%s %s", qPrintable(dataTypeName(c.type)),
                          qPrintable(ModbusCodec::orderName(o)))
                << int(c.type) << c.value << reorder(c.abcd, o);
        }
    }
}

void TstModbusCodec::everyTypeEveryOrder()
{
    QFETCH(int, type);
    QFETCH(double, value);
    QFETCH(Regs, abcd);
    const DataType t = DataType(type);
    const QString tag = QString::fromLatin1(QTest::currentDataTag());
    const ByteOrder order = *ModbusCodec::parseOrder(tag.section(u' ', 1));
    QCOMPARE(int(abcd.size()), ModbusCodec::registerCount(t));
    QCOMPARE(ModbusCodec::decode(abcd.data(), t, order), value);
    Regs encoded(abcd.size(), 0);
    ModbusCodec::encode(value, t, order, encoded.data());
    QCOMPARE(encoded, abcd);
}

void TstModbusCodec::knownWordSwappedImages()
{
    // Images as a word-swapped device shows them (from the pymodbus test presets).
    const Regs u32 = {0x5E00, 0xB2D0};
    QCOMPARE(ModbusCodec::decode(u32.data(), DataType::UInt32, ByteOrder::CDAB), 3000000000.0);
    const Regs f = {0x0000, 0x4148};
    QCOMPARE(ModbusCodec::decode(f.data(), DataType::Float32, ByteOrder::CDAB), 12.5);
}

void TstModbusCodec::bitsAndBools()
{
    const uint16_t r = 0x0109;
    QCOMPARE(ModbusCodec::decode(&r, DataType::Bool, ByteOrder::ABCD, 0), 1.0);
    QCOMPARE(ModbusCodec::decode(&r, DataType::Bool, ByteOrder::ABCD, 1), 0.0);
    QCOMPARE(ModbusCodec::decode(&r, DataType::Bool, ByteOrder::ABCD, 3), 1.0);
    QCOMPARE(ModbusCodec::decode(&r, DataType::Bool, ByteOrder::ABCD, 8), 1.0);
    QCOMPARE(ModbusCodec::decode(&r, DataType::Bool, ByteOrder::ABCD, 15), 0.0);
    QCOMPARE(ModbusCodec::decode(&r, DataType::Bool, ByteOrder::ABCD), 1.0);
    const uint16_t zero = 0;
    QCOMPARE(ModbusCodec::decode(&zero, DataType::Bool, ByteOrder::ABCD), 0.0);
    uint16_t out = 7;
    ModbusCodec::encode(1, DataType::Bool, ByteOrder::ABCD, &out);
    QCOMPARE(out, uint16_t(1));
}

void TstModbusCodec::strings()
{
    const Regs abcd = {0x5055, 0x4D50, 0x2D41, 0x0000};
    QCOMPARE(ModbusCodec::decodeString(abcd.data(), 4, ByteOrder::ABCD), QStringLiteral("PUMP-A"));
    QCOMPARE(ModbusCodec::decodeString(abcd.data(), 2, ByteOrder::ABCD), QStringLiteral("PUMP"));
    const Regs badc = {0x5550, 0x504D, 0x412D, 0x0000};
    QCOMPARE(ModbusCodec::decodeString(badc.data(), 4, ByteOrder::BADC), QStringLiteral("PUMP-A"));
    QCOMPARE(ModbusCodec::decodeString(badc.data(), 4, ByteOrder::DCBA), QStringLiteral("PUMP-A"));

    Regs out(3, 0xFFFF);
    QString error;
    QVERIFY(
        ModbusCodec::encodeString(QStringLiteral("RUN"), 3, ByteOrder::ABCD, out.data(), &error));
    QCOMPARE(out, (Regs{0x5255, 0x4E00, 0x0000}));
    QVERIFY(
        ModbusCodec::encodeString(QStringLiteral("RUN"), 3, ByteOrder::BADC, out.data(), &error));
    QCOMPARE(out, (Regs{0x5552, 0x004E, 0x0000}));
    QVERIFY(!ModbusCodec::encodeString(QStringLiteral("TOO LONG"), 3, ByteOrder::ABCD, out.data(),
                                       &error));
    QVERIFY2(error.contains("holds 6"), qPrintable(error));
    // Multi-byte UTF-8 round-trips.
    QVERIFY(
        ModbusCodec::encodeString(QStringLiteral("°C"), 3, ByteOrder::ABCD, out.data(), &error));
    QCOMPARE(ModbusCodec::decodeString(out.data(), 3, ByteOrder::ABCD), QStringLiteral("°C"));
}

void TstModbusCodec::orderNames()
{
    QCOMPARE(ModbusCodec::parseOrder(u"cdab"), std::optional<ByteOrder>(ByteOrder::CDAB));
    QVERIFY(!ModbusCodec::parseOrder(u"ABDC"));
    QCOMPARE(ModbusCodec::orderNames().size(), 4);
}

void TstModbusCodec::registerCounts()
{
    QCOMPARE(ModbusCodec::registerCount(DataType::Bool), 1);
    QCOMPARE(ModbusCodec::registerCount(DataType::Int16), 1);
    QCOMPARE(ModbusCodec::registerCount(DataType::Float32), 2);
    QCOMPARE(ModbusCodec::registerCount(DataType::UInt64), 4);
    QCOMPARE(ModbusCodec::registerCount(DataType::String, 7), 7);
}

void TstModbusCodec::sixtyFourBitLimitsAreRefusedNotOverflowed()
{
    // 9223372036854775807 as a double is 2^63: it passes a check against dataTypeMax(Int64)
    // (also 2^63) and, converted as is, wraps to the most negative int64.
    const double int64Max = 9.223372036854775807e18;
    QVERIFY(!ModbusCodec::fits(int64Max, DataType::Int64));
    QVERIFY(ModbusCodec::fits(-9.223372036854775808e18, DataType::Int64));
    const double largestBelow = std::nextafter(int64Max, 0.0);
    QVERIFY(ModbusCodec::fits(largestBelow, DataType::Int64));
    Regs out(4);
    ModbusCodec::encode(largestBelow, DataType::Int64, ByteOrder::ABCD, out.data());
    QCOMPARE(ModbusCodec::decode(out.data(), DataType::Int64, ByteOrder::ABCD), largestBelow);
    QVERIFY(!ModbusCodec::fits(18446744073709551615.0, DataType::UInt64)); // 2^64
    QVERIFY(!ModbusCodec::fits(-1.0, DataType::UInt64));
    QVERIFY(!ModbusCodec::fits(32768.0, DataType::Int16));
    QVERIFY(ModbusCodec::fits(-32768.0, DataType::Int16));

    QString error;
    ModbusPoint point;
    point.address = *ModbusAddress::parse(QStringLiteral("hr10"), &error);
    point.type = DataType::Int64;
    point.count = 4;
    QVERIFY(!ModbusWrite::encode(point, 0, RawValue{int64Max, {}}, &error));
    QVERIFY2(error.contains("9223372036854775808") && error.contains("int64"), qPrintable(error));
    QVERIFY(ModbusWrite::encode(point, 0, RawValue{largestBelow, {}}, &error));
}

QTEST_GUILESS_MAIN(TstModbusCodec)
#include "tst_modbuscodec.moc"
