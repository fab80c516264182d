// ModbusPlanner: fewest requests within the request limits, gap bridging, the no-unmapped-reads
// switch, and separation by unit, area and scan class.

#include "modbus/modbusplanner.h"

#include <QtTest>

#include <random>

using namespace vigil;
using Area = ModbusAddress::Area;

namespace
{

ModbusPoint point(int offset, int count = 1, Area area = Area::HoldingRegister, int unit = 1,
                  qint64 scan = 1000)
{
    ModbusPoint p;
    p.address.area = area;
    p.address.offset = offset;
    p.count = count;
    p.unit = unit;
    p.scanMs = scan;
    p.type = count == 2 ? DataType::Float32 : count == 4 ? DataType::Float64 : DataType::UInt16;
    if (area == Area::Coil || area == Area::DiscreteInput)
        p.type = DataType::Bool;
    return p;
}

ModbusPlanner::Limits limits(int gap = 16, bool unmapped = true)
{
    ModbusPlanner::Limits l;
    l.maxGap = gap;
    l.readUnmapped = unmapped;
    return l;
}

} // namespace

class TstModbusPlanner : public QObject
{
    Q_OBJECT
private slots:
    void mergesContiguousAndOverlapping();
    void bridgesGapsUpToTheLimit();
    void devicesThatRejectUnmappedReads();
    void splitsAtTheRequestLimit();
    void multiRegisterValuesNeverStraddle();
    void bitLimitsAndGaps();
    void separatesUnitsAreasAndScanClasses();
    void randomLayoutsMeetTheOptimum();
    void everyPointInExactlyOneBlock();
};

void TstModbusPlanner::mergesContiguousAndOverlapping()
{
    // Two bits of one register, a float over 1..2, and a register at 3.
    ModbusPoint a = point(0), b = point(0);
    a.address.bit = 0;
    b.address.bit = 5;
    const auto blocks = ModbusPlanner::plan({point(3), a, point(1, 2), b}, limits());
    QCOMPARE(blocks.size(), size_t(1));
    QCOMPARE(blocks[0].start, 0);
    QCOMPARE(blocks[0].count, 4);
    QCOMPARE(blocks[0].points.size(), size_t(4));
}

void TstModbusPlanner::bridgesGapsUpToTheLimit()
{
    // Gap of exactly 16 unread registers (1..16) is bridged; 17 (18..34) is not.
    auto blocks = ModbusPlanner::plan({point(0), point(17), point(35)}, limits(16));
    QCOMPARE(blocks.size(), size_t(2));
    QCOMPARE(blocks[0].start, 0);
    QCOMPARE(blocks[0].count, 18);
    QCOMPARE(blocks[1].start, 35);
    blocks = ModbusPlanner::plan({point(0), point(17), point(35)}, limits(0));
    QCOMPARE(blocks.size(), size_t(3));
}

void TstModbusPlanner::devicesThatRejectUnmappedReads()
{
    const auto blocks =
        ModbusPlanner::plan({point(0), point(1, 2), point(4), point(5)}, limits(16, false));
    QCOMPARE(blocks.size(), size_t(2)); // 0..2 contiguous, hole at 3, then 4..5
    QCOMPARE(blocks[0].count, 3);
    QCOMPARE(blocks[1].start, 4);
    QCOMPARE(blocks[1].count, 2);
}

void TstModbusPlanner::splitsAtTheRequestLimit()
{
    std::vector<ModbusPoint> points;
    for (int i = 0; i < 300; ++i)
        points.push_back(point(i));
    const auto blocks = ModbusPlanner::plan(points, limits());
    QCOMPARE(blocks.size(), size_t(3)); // ceil(300 / 125)
    QCOMPARE(blocks[0].count, 125);
    QCOMPARE(blocks[1].count, 125);
    QCOMPARE(blocks[2].count, 50);
    ModbusPlanner::Limits small = limits();
    small.maxRegisters = 10;
    QCOMPARE(ModbusPlanner::plan(points, small).size(), size_t(30));
}

void TstModbusPlanner::multiRegisterValuesNeverStraddle()
{
    std::vector<ModbusPoint> points;
    for (int i = 0; i < 100; ++i)
        points.push_back(point(i * 2, 2));
    const auto blocks = ModbusPlanner::plan(points, limits());
    QCOMPARE(blocks.size(), size_t(2));
    QCOMPARE(blocks[0].count, 124); // 62 floats; the 63rd would straddle 125
    for (const ModbusBlock &b : blocks)
        QVERIFY(b.count <= 125);
}

void TstModbusPlanner::bitLimitsAndGaps()
{
    std::vector<ModbusPoint> points;
    for (int i = 0; i < 2500; ++i)
        points.push_back(point(i, 1, Area::Coil));
    points.push_back(point(2500 + 256, 1, Area::Coil)); // gap of 256 after 2499: bridged
    points.push_back(point(4000, 1, Area::Coil));       // gap too large
    const auto blocks = ModbusPlanner::plan(points, limits());
    QCOMPARE(blocks.size(), size_t(3));
    QCOMPARE(blocks[0].count, 2000);
    QCOMPARE(blocks[1].start, 2000);
    QCOMPARE(blocks[1].count, 757);
    QCOMPARE(blocks[2].start, 4000);
}

void TstModbusPlanner::separatesUnitsAreasAndScanClasses()
{
    const auto blocks = ModbusPlanner::plan({point(0), point(1, 1, Area::InputRegister),
                                             point(2, 1, Area::HoldingRegister, 2),
                                             point(3, 1, Area::HoldingRegister, 1, 100), point(4)},
                                            limits());
    QCOMPARE(blocks.size(), size_t(4));
    int sameClass = 0;
    for (const ModbusBlock &b : blocks)
        sameClass += (b.unit == 1 && b.area == Area::HoldingRegister && b.scanMs == 1000) ? 1 : 0;
    QCOMPARE(sameClass, 1); // hr0 and hr4 share one request
}

void TstModbusPlanner::randomLayoutsMeetTheOptimum()
{
    // Contiguous ranges of 16-bit points separated by holes larger than the gap: the optimum is
    // the sum of ceil(span / 125), and the planner must reach it exactly.
    std::mt19937 rng(42);
    for (int round = 0; round < 50; ++round) {
        std::vector<ModbusPoint> points;
        int at = 0, optimum = 0;
        for (int r = 0; r < 20; ++r) {
            const int span = 1 + int(rng() % 400);
            for (int i = 0; i < span; ++i)
                points.push_back(point(at + i));
            optimum += (span + 124) / 125;
            at += span + 17 + int(rng() % 100);
        }
        std::shuffle(points.begin(), points.end(), rng);
        QCOMPARE(int(ModbusPlanner::plan(points, limits(16)).size()), optimum);
    }
}

void TstModbusPlanner::everyPointInExactlyOneBlock()
{
    std::mt19937 rng(7);
    std::vector<ModbusPoint> points;
    for (int i = 0; i < 1000; ++i)
        points.push_back(
            point(int(rng() % 5000), 1 << (rng() % 3), Area(rng() % 2 + 2), 1 + int(rng() % 3)));
    const auto blocks = ModbusPlanner::plan(points, limits());
    std::vector<int> seen(points.size(), 0);
    for (const ModbusBlock &b : blocks) {
        QVERIFY(b.count <= 125);
        for (int i : b.points) {
            ++seen[size_t(i)];
            const ModbusPoint &p = points[size_t(i)];
            QVERIFY(p.address.offset >= b.start && p.end() <= b.end());
            QCOMPARE(p.unit, b.unit);
            QCOMPARE(p.address.area, b.area);
        }
    }
    QVERIFY(std::all_of(seen.begin(), seen.end(), [](int n) { return n == 1; }));
}

QTEST_GUILESS_MAIN(TstModbusPlanner)
#include "tst_modbusplanner.moc"
