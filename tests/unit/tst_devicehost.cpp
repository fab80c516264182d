// Tests DeviceHost with a plant loaded from TOML: one driver per enabled device, each on its own
// thread; samples crossing from the driver threads to a TagTable on a third thread; write
// routing; stopping; and a clean shutdown.
#include "builtindrivers.h"
#include "config/plantloader.h"
#include "devicehost.h"
#include "driverregistry.h"
#include "metatypes.h"
#include "sim/simdriver.h"
#include "tags/tagtable.h"
#include "util/manualclock.h"

#include <QtTest>

#include <atomic>
#include <cmath>
#include <memory>

using namespace vigil;

namespace
{

const char kPlant[] = R"toml(
[plant]
name = "Device host test"

[[devices]]
id = "plc1"
driver = "sim"
period = "1h"
seed = 3

[[devices]]
id = "plc2"
driver = "sim"
period = "1h"

[[devices]]
id = "old"
driver = "sim"
enabled = false

[[tags]]
id = "LT101"
device = "plc1"
address = "sine:period=60s,lo=2765,hi=26000"
type = "int16"
scale = { raw = [0, 27648], eu = [0, 100] }
unit = "%"
range = [0, 100]
writable = true
write_limits = [0, 100]

[[tags]]
id = "SP"
device = "plc1"
address = "constant:value=60"
type = "float32"
unit = "degC"
range = [0, 120]
writable = true
write_limits = [20, 90]

[[tags]]
id = "FLOW"
device = "plc2"
address = "ramp:period=10s,lo=0,hi=100"
type = "float64"
scale = { gain = 2, offset = 1 }
unit = "m3/h"
range = [0, 250]

[[tags]]
id = "CMD"
device = "plc2"
address = "constant:value=0"
type = "bool"
writable = true

[[tags]]
id = "OLD"
device = "old"
address = "constant:value=5"
type = "float64"
unit = "bar"
range = [0, 10]
writable = true
write_limits = [0, 10]
)toml";

// A whole minute: the sine starts its cycle (mid value), the 10 s ramp starts at lo.
constexpr qint64 kStart = (1'700'000'000'000 / 60'000 + 1) * 60'000;

// A TagTable on its own thread, fed by the drivers; its changes are collected on the test thread.
class CoreSide
{
public:
    CoreSide(const PlantConfig &plant, const Clock &clock)
        : table(std::make_unique<TagTable>(plant.tags, clock))
    {
        thread.setObjectName(QStringLiteral("core"));
        table->moveToThread(&thread);
        QObject::connect(table.get(), &TagTable::changed, &receiver,
                         [this](const ChangeSet &changes) {
                             for (const TagChange &c : changes)
                                 latest.insert(c.tag, c);
                             ++changeSets;
                         });
        QObject::connect(
            table.get(), &TagTable::changed, table.get(),
            [this] { ingestThread.store(QThread::currentThread()); }, Qt::DirectConnection);
        thread.start();
    }
    ~CoreSide() { stop(); }

    void attach(const DeviceHost &host)
    {
        for (Driver *driver : host.drivers()) {
            QObject::connect(driver, &Driver::samplesReady, table.get(), &TagTable::ingest);
            QObject::connect(
                driver, &Driver::samplesReady, driver,
                [this, driver] {
                    QMutexLocker lock(&mutex);
                    emitters[driver->deviceId()].insert(QThread::currentThread());
                },
                Qt::DirectConnection);
        }
    }
    // After this the table may be read from the test thread.
    void stop()
    {
        thread.quit();
        thread.wait();
    }
    bool has(quint32 tag, Quality quality) const
    {
        return latest.contains(tag) && latest.value(tag).quality == quality;
    }

    QObject receiver; // test thread
    QHash<quint32, TagChange> latest;
    int changeSets = 0;
    std::atomic<QThread *> ingestThread{nullptr};
    QMutex mutex;
    QHash<QString, QSet<QThread *>> emitters; // device -> threads that emitted its samples
    std::unique_ptr<TagTable> table;
    QThread thread;
};

void tickOnDriverThread(Driver *driver)
{
    auto *sim = qobject_cast<SimDriver *>(driver);
    QVERIFY(sim);
    QMetaObject::invokeMethod(
        sim, [sim] { sim->tick(); }, Qt::BlockingQueuedConnection);
}

} // namespace

class TestDeviceHost : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void createsOneDriverPerEnabledDevice();
    void eachDriverHasItsOwnThread();
    void startAllConnectsEveryDriver();
    void samplesReachATagTableOnAnotherThread();
    void writeIsRoutedToTheOwningDriver();
    void writeRefusedForATagWithoutARunningDevice();
    void stopAllStopsEveryDriver();
    void destructionJoinsTheThreads();
    void destructionWithoutStartAll();

private:
    quint32 tag(const char *id) const { return *m_plant->tags->indexOf(QString::fromLatin1(id)); }

    QTemporaryDir m_dir;
    DriverRegistry m_registry;
    std::optional<PlantConfig> m_plant;
};

void TestDeviceHost::initTestCase()
{
    registerCoreMetaTypes();
    qRegisterMetaType<vigil::DriverStatus>();
    registerBuiltinDrivers(m_registry);

    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(QStringLiteral("plant.toml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(kPlant);
    file.close();
    PlantLoader::Result result = PlantLoader(m_registry, QProcessEnvironment()).load(path);
    QVERIFY2(result.plant, qPrintable(result.diagnostics.toStringList().join(u'\n')));
    m_plant = std::move(result.plant);
    QCOMPARE(m_plant->devices.size(), 3);
    QVERIFY(!m_plant->device(QStringLiteral("old"))->enabled);
}

void TestDeviceHost::createsOneDriverPerEnabledDevice()
{
    ManualClock clock(kStart);
    DeviceHost host(m_registry, *m_plant, clock);
    QCOMPARE(host.drivers().size(), size_t(2));
    QCOMPARE(host.drivers()[0]->deviceId(), QStringLiteral("plc1"));
    QCOMPARE(host.drivers()[1]->deviceId(), QStringLiteral("plc2"));
    for (const QString &id : {QStringLiteral("plc1"), QStringLiteral("plc2")}) {
        Driver *driver = host.driver(id);
        QVERIFY(driver);
        QVERIFY(qobject_cast<SimDriver *>(driver));
        QCOMPARE(driver->deviceId(), id);
        QCOMPARE(driver->tagIndices(), m_plant->tags->tagsOfDevice(id));
        QCOMPARE(driver->status().state, DriverState::Stopped);
    }
    QCOMPARE(host.driver(QStringLiteral("plc1"))->tagIndices(),
             (std::vector<quint32>{tag("LT101"), tag("SP")}));
    QCOMPARE(host.driver(QStringLiteral("old")), nullptr); // disabled
    QCOMPARE(host.driver(QStringLiteral("nope")), nullptr);
}

void TestDeviceHost::eachDriverHasItsOwnThread()
{
    ManualClock clock(kStart);
    DeviceHost host(m_registry, *m_plant, clock);
    Driver *plc1 = host.driver(QStringLiteral("plc1"));
    Driver *plc2 = host.driver(QStringLiteral("plc2"));
    QVERIFY(plc1->thread() != QThread::currentThread());
    QVERIFY(plc2->thread() != QThread::currentThread());
    QVERIFY(plc1->thread() != plc2->thread());
    QCOMPARE(plc1->thread()->objectName(), QStringLiteral("driver-plc1"));
    QCOMPARE(plc2->thread()->objectName(), QStringLiteral("driver-plc2"));
    QVERIFY(!plc1->thread()->isRunning()); // threads start with startAll()

    host.startAll();
    QVERIFY(plc1->thread()->isRunning());
    QVERIFY(plc2->thread()->isRunning());
}

void TestDeviceHost::startAllConnectsEveryDriver()
{
    ManualClock clock(kStart);
    DeviceHost host(m_registry, *m_plant, clock);
    // Status changes are emitted on the driver threads and queued to this one.
    QObject receiver;
    QHash<QString, QList<DriverState>> states;
    for (Driver *d : host.drivers()) {
        connect(d, &Driver::statusChanged, &receiver,
                [&states, d](const DriverStatus &s) { states[d->deviceId()].append(s.state); });
    }

    host.startAll();
    for (Driver *d : host.drivers())
        QTRY_COMPARE(d->status().state, DriverState::Connected);
    const QList<DriverState> expected{DriverState::Connecting, DriverState::Connected};
    QTRY_COMPARE(states.value(QStringLiteral("plc1")), expected);
    QTRY_COMPARE(states.value(QStringLiteral("plc2")), expected);
    QCOMPARE(states.size(), 2);

    // Starting again changes nothing.
    host.startAll();
    for (Driver *d : host.drivers())
        tickOnDriverThread(d); // the second start has been handled when this returns
    QCoreApplication::processEvents();
    QCOMPARE(states.value(QStringLiteral("plc1")), expected);
    QCOMPARE(states.value(QStringLiteral("plc2")), expected);
}

void TestDeviceHost::samplesReachATagTableOnAnotherThread()
{
    ManualClock clock(kStart);
    CoreSide core(*m_plant, clock);
    DeviceHost host(m_registry, *m_plant, clock);
    core.attach(host);
    host.startAll();

    // Each driver publishes a first batch when it connects.
    QTRY_VERIFY(core.has(tag("LT101"), Quality::Good));
    QTRY_VERIFY(core.has(tag("SP"), Quality::Good));
    QTRY_VERIFY(core.has(tag("FLOW"), Quality::Good));
    QTRY_VERIFY(core.has(tag("CMD"), Quality::Good));

    // Scaled by the table: int16 counts of the sine's mid value, ramp at lo, constants.
    const double mid = std::round(2765 + (26000 - 2765) / 2.0);
    QCOMPARE(core.latest.value(tag("LT101")).value, mid * 100.0 / 27648.0);
    QCOMPARE(core.latest.value(tag("LT101")).sourceTime, kStart);
    QCOMPARE(core.latest.value(tag("SP")).value, 60.0);
    QCOMPARE(core.latest.value(tag("FLOW")).value, 1.0); // raw 0 * 2 + 1
    QCOMPARE(core.latest.value(tag("CMD")).value, 0.0);
    QVERIFY(!core.latest.contains(tag("OLD"))); // its device is disabled

    // A tick on one driver's thread: only that device's tags change.
    clock.advance(2'500);
    const int setsBefore = core.changeSets;
    tickOnDriverThread(host.driver(QStringLiteral("plc2")));
    QTRY_COMPARE(core.latest.value(tag("FLOW")).value, 51.0); // raw 25 * 2 + 1
    QCOMPARE(core.latest.value(tag("FLOW")).sourceTime, kStart + 2'500);
    QCOMPARE(core.changeSets, setsBefore + 1);
    QCOMPARE(core.latest.value(tag("LT101")).sourceTime, kStart);

    // The samples left the driver threads, were applied on the core thread, and the changes
    // arrived here.
    {
        QMutexLocker lock(&core.mutex);
        for (Driver *d : host.drivers())
            QCOMPARE(core.emitters.value(d->deviceId()), QSet<QThread *>{d->thread()});
    }
    QCOMPARE(core.ingestThread.load(), &core.thread);

    host.stopAll();
    core.stop();
    QCOMPARE(core.table->current(tag("OLD")).quality, Quality::WaitingForInitialData);
    QCOMPARE(core.table->current(tag("FLOW")).value, 51.0);
}

void TestDeviceHost::writeIsRoutedToTheOwningDriver()
{
    ManualClock clock(kStart);
    CoreSide core(*m_plant, clock);
    DeviceHost host(m_registry, *m_plant, clock);
    core.attach(host);
    host.startAll();
    for (Driver *d : host.drivers())
        QTRY_COMPARE(d->status().state, DriverState::Connected);
    Driver *plc1 = host.driver(QStringLiteral("plc1"));
    Driver *plc2 = host.driver(QStringLiteral("plc2"));

    QFuture<WriteResult> level = host.write({tag("LT101"), 50.0});
    QTRY_VERIFY(level.isFinished());
    QVERIFY2(level.result().ok, qPrintable(level.result().error));
    QCOMPARE(plc1->statistics().writes, quint64(1));
    QCOMPARE(plc2->statistics().writes, quint64(0));
    // Written as 13824 counts, read back through the table's scaling as 50 %.
    QTRY_COMPARE(core.latest.value(tag("LT101")).value, 50.0);

    QFuture<WriteResult> cmd = host.write({tag("CMD"), true});
    QTRY_VERIFY(cmd.isFinished());
    QVERIFY2(cmd.result().ok, qPrintable(cmd.result().error));
    QCOMPARE(plc1->statistics().writes, quint64(1));
    QCOMPARE(plc2->statistics().writes, quint64(1));
    QTRY_COMPARE(core.latest.value(tag("CMD")).value, 1.0);

    // The owning driver's checks apply.
    QFuture<WriteResult> tooHigh = host.write({tag("SP"), 95.0});
    QVERIFY(tooHigh.isFinished());
    QVERIFY(!tooHigh.result().ok);
    QVERIFY2(tooHigh.result().error.contains(QStringLiteral("write limits [20, 90]")),
             qPrintable(tooHigh.result().error));
    QFuture<WriteResult> notWritable = host.write({tag("FLOW"), 5.0});
    QVERIFY(notWritable.isFinished());
    QVERIFY(notWritable.result().error.contains(QStringLiteral("tag 'FLOW' is not writable")));
}

void TestDeviceHost::writeRefusedForATagWithoutARunningDevice()
{
    ManualClock clock(kStart);
    DeviceHost host(m_registry, *m_plant, clock);
    host.startAll();
    for (Driver *d : host.drivers())
        QTRY_COMPARE(d->status().state, DriverState::Connected);

    QFuture<WriteResult> old = host.write({tag("OLD"), 5.0});
    QVERIFY(old.isFinished());
    QCOMPARE(old.result().tag, tag("OLD"));
    QVERIFY(!old.result().ok);
    QVERIFY2(old.result().error.contains(QStringLiteral("tag 'OLD' has no running device")),
             qPrintable(old.result().error));

    QFuture<WriteResult> unknown = host.write({999, 5.0});
    QVERIFY(unknown.isFinished());
    QVERIFY(!unknown.result().ok);
    QCOMPARE(unknown.result().tag, 999u);
    QVERIFY(unknown.result().error.contains(QStringLiteral("no tag #999")));

    for (Driver *d : host.drivers())
        QCOMPARE(d->statistics().writes, quint64(0));
}

void TestDeviceHost::stopAllStopsEveryDriver()
{
    ManualClock clock(kStart);
    CoreSide core(*m_plant, clock);
    DeviceHost host(m_registry, *m_plant, clock);
    core.attach(host);
    host.startAll();
    for (Driver *d : host.drivers())
        QTRY_COMPARE(d->status().state, DriverState::Connected);
    QTRY_VERIFY(core.has(tag("CMD"), Quality::Good));

    clock.advance(5'000);
    host.stopAll();
    // stopAll() returns when every driver has stopped.
    for (Driver *d : host.drivers()) {
        QCOMPARE(d->status().state, DriverState::Stopped);
        QCOMPARE(d->status().sinceMs, kStart + 5'000);
        QVERIFY(d->thread()->isRunning()); // the threads stay up until the host goes
    }
    for (const char *id : {"LT101", "SP", "FLOW", "CMD"})
        QTRY_VERIFY2(core.has(tag(id), Quality::NotConnected), id);
    QVERIFY(!core.latest.contains(tag("OLD")));

    QFuture<WriteResult> f = host.write({tag("SP"), 50.0});
    QVERIFY(f.isFinished());
    QVERIFY(!f.result().ok);
    QVERIFY(f.result().error.contains(QStringLiteral("device 'plc1' is stopped")));

    // And they can be started again.
    host.startAll();
    for (Driver *d : host.drivers())
        QTRY_COMPARE(d->status().state, DriverState::Connected);
    QTRY_VERIFY(core.has(tag("SP"), Quality::Good));
}

void TestDeviceHost::destructionJoinsTheThreads()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
    ManualClock clock(kStart);
    CoreSide core(*m_plant, clock);
    auto host = std::make_unique<DeviceHost>(m_registry, *m_plant, clock);
    core.attach(*host);
    host->startAll();
    for (Driver *d : host->drivers())
        QTRY_COMPARE(d->status().state, DriverState::Connected);

    std::atomic<int> finished{0};
    QList<QPointer<QThread>> threads;
    QList<QPointer<Driver>> drivers;
    for (Driver *d : host->drivers()) {
        threads.append(d->thread());
        drivers.append(d);
        connect(
            d->thread(), &QThread::finished, d->thread(), [&finished] { ++finished; },
            Qt::DirectConnection);
    }
    QCOMPARE(threads.size(), 2);

    // Destroyed while running: stops the drivers, ends and joins their threads.
    host.reset();
    QCOMPARE(finished.load(), 2);
    for (const QPointer<QThread> &t : std::as_const(threads))
        QVERIFY(t.isNull());
    for (const QPointer<Driver> &d : std::as_const(drivers))
        QVERIFY(d.isNull());

    // The drivers said goodbye: their tags are marked not connected.
    for (const char *id : {"LT101", "SP", "FLOW", "CMD"})
        QTRY_VERIFY2(core.has(tag(id), Quality::NotConnected), id);
}

void TestDeviceHost::destructionWithoutStartAll()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
    ManualClock clock(kStart);
    QList<QPointer<QThread>> threads;
    {
        DeviceHost host(m_registry, *m_plant, clock);
        for (Driver *d : host.drivers())
            threads.append(d->thread());
        QSignalSpy spy(host.drivers()[0], &Driver::samplesReady);
        host.stopAll(); // never started: nothing to stop
        QCOMPARE(spy.size(), 0);
        QCOMPARE(host.drivers()[0]->status().state, DriverState::Stopped);
    }
    QCOMPARE(threads.size(), 2);
    for (const QPointer<QThread> &t : std::as_const(threads))
        QVERIFY(t.isNull());
}

QTEST_GUILESS_MAIN(TestDeviceHost)
#include "tst_devicehost.moc"
