// ModbusLink against the in-process fake transport, on a fake clock: retries, reconnect backoff
// (a silent server like a refused one), immediate reopen after a timeout on a connection that
// answered, and dead units on a shared bus. Runs in milliseconds; nothing sleeps.

#include "fakemodbustransport.h"
#include "modbus/modbuslink.h"

#include <QtTest>

using namespace vigil;
using namespace vigil::testing;
using Fault = FakeModbusDevice::Fault;

namespace
{

constexpr qint64 kMinMs = 100;
constexpr qint64 kMaxMs = 1600;
constexpr qint64 kTimeoutMs = 200;
// A fixed jitter seed: the backoff bounds below hold for any draw, and with one seed every run
// draws the same delays, so a count compared between two rigs cannot vary from run to run.
constexpr quint64 kSeed = 20261202;

ModbusSettings settings(int retries = 0)
{
    ModbusSettings s;
    s.retries = retries;
    s.responseTimeoutMs = kTimeoutMs;
    s.reconnectMinMs = kMinMs;
    s.reconnectMaxMs = kMaxMs;
    return s;
}

ModbusBlock block(int unit, int start, int count = 2)
{
    ModbusBlock b;
    b.unit = unit;
    b.area = ModbusAddress::Area::HoldingRegister;
    b.start = start;
    b.count = count;
    return b;
}

struct Rig {
    explicit Rig(int retries = 0, bool rtu = false)
        : device(std::make_shared<FakeModbusDevice>(clock, kTimeoutMs, rtu))
        , link(settings(retries), std::make_unique<FakeModbusTransport>(device), kSeed)
    {
    }
    ModbusLink::Outcome read(const ModbusBlock &b, quint64 cycle = 1)
    {
        return link.read(b, cycle, registers, bits, &error, [this](const ModbusError *e, double) {
            tries.push_back(e ? e->kind : ModbusError::Kind::None);
        });
    }

    ManualClock clock;
    std::shared_ptr<FakeModbusDevice> device;
    ModbusLink link;
    ModbusError error;
    uint16_t registers[125] = {};
    uint8_t bits[2000] = {};
    std::vector<ModbusError::Kind> tries;
};

// Drives the link as the driver does, for durationMs of fake time: connect, poll one block, wait
// the delays the link asks for. Returns the connection attempts made.
int runFor(Rig &r, qint64 durationMs)
{
    const qint64 end = r.clock.nowMs() + durationMs;
    bool lost = true;
    quint64 cycle = 0;
    while (r.clock.nowMs() < end) {
        if (lost) {
            if (!r.link.open(&r.error)) {
                r.clock.advance(r.link.retryDelayMs());
                continue;
            }
            lost = false;
        }
        switch (r.read(block(1, 0), ++cycle)) {
        case ModbusLink::Outcome::Paused:
            r.clock.advance(r.link.retryDelayMs());
            if (!r.link.reopen(&r.error))
                lost = true;
            break;
        case ModbusLink::Outcome::LinkLost:
            r.clock.advance(r.link.retryDelayMs());
            lost = true;
            break;
        default:
            r.clock.advance(100); // the scan period
            break;
        }
    }
    return int(r.device->connectAttempts().size());
}

// The smallest gap between consecutive connection attempts from the n-th on.
qint64 smallestGapFrom(const std::vector<qint64> &attempts, size_t n)
{
    qint64 gap = std::numeric_limits<qint64>::max();
    for (size_t i = std::max<size_t>(n, 1); i < attempts.size(); ++i)
        gap = std::min(gap, attempts[i] - attempts[i - 1]);
    return gap;
}

} // namespace

class TstModbusLink : public QObject
{
    Q_OBJECT
private slots:
    void refusedConnectionsBackOffToTheCap();
    void silentServerIsRetriedLikeARefusedOne();
    void timeoutAfterAnAnswerReopensAtOnce();
    void brokenRepliesAreRetriedExceptionsAreNot();
    void droppedConnectionIsLost();
    void dropAfterAnAnswerCostsOnlyThatRequest();
    void anAnswerResetsTheBackoff();
    void deadUnitGetsOneProbePerCycle();
};

void TstModbusLink::refusedConnectionsBackOffToTheCap()
{
    Rig r;
    r.device->refuse(true);
    qint64 ceiling = kMinMs;
    for (int i = 0; i < 10; ++i) {
        QVERIFY(!r.link.open(&r.error));
        QVERIFY(r.error.isLinkLost());
        const qint64 d = r.link.retryDelayMs();
        QVERIFY2(d >= std::max(kMinMs, ceiling / 2) && d <= ceiling,
                 qPrintable(QStringLiteral("attempt %1: %2 ms").arg(i).arg(d)));
        ceiling = std::min(ceiling * 2, kMaxMs);
    }
}

void TstModbusLink::silentServerIsRetriedLikeARefusedOne()
{
    // Accepts every connection, answers nothing. Before, every timeout opened a new connection at
    // once: one connection per response timeout (300 a minute here).
    Rig silent;
    silent.device->setUnitFault(1, Fault::Timeout);
    const int silentConnections = runFor(silent, 60'000);
    // One request per connection: each one times out and the connection is given up.
    QVERIFY(silent.tries.size() + 1 >= size_t(silentConnections));

    Rig refused;
    refused.device->refuse(true);
    const int refusedConnections = runFor(refused, 60'000);

    // Both reach the cap: from the 6th attempt on, at least kMaxMs / 2 between attempts.
    QVERIFY2(smallestGapFrom(silent.device->connectAttempts(), 6) >= kMaxMs / 2,
             qPrintable(QString::number(smallestGapFrom(silent.device->connectAttempts(), 6))));
    QVERIFY(smallestGapFrom(refused.device->connectAttempts(), 6) >= kMaxMs / 2);
    QVERIFY2(silentConnections <= refusedConnections + 5 &&
                 silentConnections <= 60'000 / (kMaxMs / 2) + 6,
             qPrintable(QStringLiteral("silent %1, refused %2")
                            .arg(silentConnections)
                            .arg(refusedConnections)));
}

void TstModbusLink::timeoutAfterAnAnswerReopensAtOnce()
{
    // A server that answers drops one reply: the next try goes out at once on a new connection
    // (a late answer must not be taken for the next one), with no backoff.
    Rig r(1);
    QVERIFY(r.link.open(&r.error));
    QCOMPARE(r.read(block(1, 0)), ModbusLink::Outcome::Ok);
    r.device->queue(Fault::Timeout);
    const qint64 before = r.clock.nowMs();
    QCOMPARE(r.read(block(1, 0)), ModbusLink::Outcome::Ok);
    QCOMPARE(r.device->connectAttempts().size(), size_t(2));
    QCOMPARE(r.device->connectAttempts().back(), before + kTimeoutMs);
    QCOMPARE(r.link.connections(), quint64(2));
}

void TstModbusLink::brokenRepliesAreRetriedExceptionsAreNot()
{
    Rig r(2, true); // RTU: the line is flushed, the port stays open
    QVERIFY(r.link.open(&r.error));
    r.device->setUnitFault(1, Fault::Corrupt);
    QCOMPARE(r.read(block(1, 0)), ModbusLink::Outcome::Failed);
    QCOMPARE(r.tries.size(), size_t(3));
    QCOMPARE(r.error.kind, ModbusError::Kind::BadResponse);
    QVERIFY(r.link.isOpen());

    r.tries.clear();
    r.device->setUnitFault(1, Fault::Exception, 2);
    QCOMPARE(r.read(block(1, 0)), ModbusLink::Outcome::Failed);
    QCOMPARE(r.tries.size(), size_t(1));
    QCOMPARE(r.error.kindName(), QStringLiteral("exception 2"));

    r.tries.clear();
    r.device->setUnitFault(1, Fault::None);
    r.device->queue(Fault::Corrupt);
    r.device->setRegister(0, 1234);
    QCOMPARE(r.read(block(1, 0)), ModbusLink::Outcome::Ok);
    QCOMPARE(r.tries.size(), size_t(2));
    QCOMPARE(r.registers[0], uint16_t(1234));
}

void TstModbusLink::droppedConnectionIsLost()
{
    Rig r(2);
    QVERIFY(r.link.open(&r.error));
    r.device->queue(Fault::Drop);
    QCOMPARE(r.read(block(1, 0)), ModbusLink::Outcome::LinkLost);
    QCOMPARE(r.tries.size(), size_t(1)); // a lost link is not retried
    QVERIFY(!r.link.isOpen());
    QVERIFY(r.link.retryDelayMs() >= kMinMs && r.link.retryDelayMs() <= kMinMs * 2);
}

void TstModbusLink::dropAfterAnAnswerCostsOnlyThatRequest()
{
    Rig r;
    QVERIFY(r.link.open(&r.error));
    QCOMPARE(r.read(block(1, 0)), ModbusLink::Outcome::Ok);
    r.device->queue(Fault::Drop);
    QCOMPARE(r.read(block(1, 0)), ModbusLink::Outcome::Failed);
    QVERIFY(r.error.isLinkLost());
    QVERIFY(r.link.isOpen()); // reopened at once
    QCOMPARE(r.link.connections(), quint64(2));
    // The new connection never answered before it was closed too: now the link is lost.
    r.device->queue(Fault::Drop);
    QCOMPARE(r.read(block(1, 0)), ModbusLink::Outcome::LinkLost);
    QVERIFY(!r.link.isOpen());
}

void TstModbusLink::anAnswerResetsTheBackoff()
{
    Rig r;
    r.device->refuse(true);
    for (int i = 0; i < 6; ++i)
        QVERIFY(!r.link.open(&r.error));
    QVERIFY(r.link.retryDelayMs() >= kMaxMs / 2);
    r.device->refuse(false);
    QVERIFY(r.link.open(&r.error));
    // Connected is not enough (a silent server accepts too): the backoff resets on an answer.
    r.device->queue(Fault::Timeout);
    QCOMPARE(r.read(block(1, 0)), ModbusLink::Outcome::Paused);
    QVERIFY(r.link.retryDelayMs() >= kMaxMs / 2);
    QVERIFY(r.link.reopen(&r.error));
    QCOMPARE(r.read(block(1, 0)), ModbusLink::Outcome::Ok);
    r.device->queue(Fault::Timeout); // reopened at once: the device had answered
    QCOMPARE(r.read(block(1, 0)), ModbusLink::Outcome::Failed);
    r.device->queue(Fault::Drop); // the new connection never answered: lost, at the minimum
    QCOMPARE(r.read(block(1, 0)), ModbusLink::Outcome::LinkLost);
    QVERIFY2(r.link.retryDelayMs() <= kMinMs, qPrintable(QString::number(r.link.retryDelayMs())));
}

void TstModbusLink::deadUnitGetsOneProbePerCycle()
{
    Rig r(2, true);
    QVERIFY(r.link.open(&r.error));
    r.device->setUnitFault(2, Fault::Timeout);
    const ModbusBlock a = block(2, 0), b = block(2, 100), live = block(1, 0);
    // Cycle 1: two reads of unit 2 time out with their retries; the unit is dead.
    QCOMPARE(r.read(a, 1), ModbusLink::Outcome::Failed);
    QCOMPARE(r.read(b, 1), ModbusLink::Outcome::Failed);
    QCOMPARE(r.read(live, 1), ModbusLink::Outcome::Ok);
    QVERIFY(r.link.units().isDead(2));
    QCOMPARE(r.device->requests(2), 6);
    // Cycle 2 and 3: one probe (one try) per cycle, its other block skipped; unit 1 unaffected.
    for (quint64 cycle = 2; cycle <= 3; ++cycle) {
        QCOMPARE(r.read(a, cycle), ModbusLink::Outcome::Failed);
        QCOMPARE(r.read(b, cycle), ModbusLink::Outcome::Skipped);
        QCOMPARE(r.read(live, cycle), ModbusLink::Outcome::Ok);
    }
    QCOMPARE(r.device->requests(2), 8);
    // It answers again: back to normal at once.
    r.device->setUnitFault(2, Fault::None);
    QCOMPARE(r.read(a, 4), ModbusLink::Outcome::Ok);
    QVERIFY(!r.link.units().isDead(2));
    QCOMPARE(r.read(b, 4), ModbusLink::Outcome::Ok);
    QCOMPARE(r.device->requests(2), 10);
}

QTEST_GUILESS_MAIN(TstModbusLink)
#include "tst_modbuslink.moc"
