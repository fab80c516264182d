// Tests SimDriver and, through it, the Driver base class: queued start, one batch per tick with
// every tag of the device, deterministic values, statistics, stop, and the checks of
// Driver::write(). The driver runs either on the test thread or moved to its own QThread.
#include "builtindrivers.h"
#include "config/plantloader.h"
#include "driverregistry.h"
#include "metatypes.h"
#include "sim/simdriver.h"
#include "sim/simsignal.h"
#include "util/manualclock.h"

#include <QtTest>

#include <cmath>
#include <memory>
#include <random>

using namespace vigil;

namespace
{

// plc1 has one tag of every kind; its period is long so that only the test ticks it.
const char kPlant[] = R"toml(
[plant]
name = "Sim driver test"

[[devices]]
id = "plc1"
driver = "sim"
period = "1h"
seed = 5

[[devices]]
id = "plc2"
driver = "sim"
period = "1h"

[[devices]]
id = "fast"
driver = "sim"
period = "10ms"

[[tags]]
id = "LT101"
device = "plc1"
address = "sine:period=60s,lo=2765,hi=26000,noise=30"
type = "int16"
scale = { raw = [0, 27648], eu = [0, 100] }
unit = "%"
range = [0, 100]
writable = true
write_limits = [0, 100]

[[tags]]
id = "FT101"
device = "plc1"
address = "random:lo=0,hi=50,step=0.5"
type = "float64"
unit = "m3/h"
range = [0, 60]

[[tags]]
id = "RAMP"
device = "plc1"
address = "ramp:period=10s,lo=0,hi=1000"
type = "int32"
unit = "counts"
range = [0, 1000]

[[tags]]
id = "P101.CMD"
device = "plc1"
address = "square:period=1m,duty=0.5"
type = "bool"
writable = true

[[tags]]
id = "P101.MODE"
device = "plc1"
address = "text:value=AUTO"
type = "string"
writable = true

[[tags]]
id = "TIC101.SP"
device = "plc1"
address = "constant:value=60"
type = "float32"
unit = "degC"
range = [0, 120]
writable = true
write_limits = [20, 90]

[[tags]]
id = "OTHER"
device = "plc2"
address = "constant:value=1"
type = "float64"
unit = "bar"
range = [0, 10]
writable = true
write_limits = [0, 10]

[[tags]]
id = "FAST"
device = "fast"
address = "ramp:period=1s"
type = "float64"
unit = "%"
range = [0, 100]
)toml";

constexpr quint64 kPlc1Seed = 5;
constexpr qint64 kStart = 1'700'000'000'000;

// A driver under test with everything it emitted, received on the test thread.
class DriverRun
{
public:
    DriverRun(const PlantConfig &plant, const QString &deviceId, const Clock &clock, bool threaded)
        : m_threaded(threaded)
    {
        const DeviceConfig *device = plant.device(deviceId);
        Q_ASSERT(device);
        driver = std::make_unique<SimDriver>(
            DriverContext{*device, plant.tags, plant.tags->tagsOfDevice(deviceId), &clock});
        connectSignals();
    }
    DriverRun(DriverContext context, bool threaded)
        : m_threaded(threaded)
    {
        driver = std::make_unique<SimDriver>(std::move(context));
        connectSignals();
    }
    ~DriverRun()
    {
        driver->stop();
        thread.quit();
        thread.wait();
    }

    // Runs SimDriver::tick() on the driver's thread and returns when it has run.
    void tick()
    {
        SimDriver *d = driver.get();
        if (m_threaded)
            QMetaObject::invokeMethod(
                d, [d] { d->tick(); }, Qt::BlockingQueuedConnection);
        else
            d->tick();
    }
    QSet<QThread *> emitters() const
    {
        QMutexLocker lock(&m_mutex);
        return m_emitters;
    }

    QObject receiver; // lives on the test thread
    QList<SampleBatch> batches;
    QList<DriverStatus> statuses;
    std::unique_ptr<SimDriver> driver;
    QThread thread;

private:
    void connectSignals()
    {
        QObject::connect(driver.get(), &Driver::samplesReady, &receiver,
                         [this](const SampleBatch &b) { batches.append(b); });
        QObject::connect(driver.get(), &Driver::statusChanged, &receiver,
                         [this](const DriverStatus &s) { statuses.append(s); });
        QObject::connect(
            driver.get(), &Driver::samplesReady, driver.get(),
            [this] {
                QMutexLocker lock(&m_mutex);
                m_emitters.insert(QThread::currentThread());
            },
            Qt::DirectConnection);
        if (m_threaded) {
            thread.setObjectName(QStringLiteral("sim-driver-under-test"));
            driver->moveToThread(&thread);
            thread.start();
        }
    }

    bool m_threaded;
    mutable QMutex m_mutex;
    QSet<QThread *> m_emitters;
};

// What the device's samples must be: each tag's SimSignal evaluated at the clock time with one
// generator seeded like the device, in tag order.
class Reference
{
public:
    Reference(const TagDirectory &tags, const std::vector<quint32> &deviceTags, quint64 seed)
        : m_rng(seed)
    {
        for (quint32 t : deviceTags) {
            QString error;
            m_signals.emplace_back(t,
                                   *SimSignal::parse(tags.at(t).address, tags.at(t).type, &error));
        }
    }
    SampleBatch at(qint64 now)
    {
        SampleBatch batch;
        for (auto &[tag, signal] : m_signals)
            batch.append(signal.sample(tag, now, m_rng));
        return batch;
    }

private:
    std::mt19937_64 m_rng;
    std::vector<std::pair<quint32, SimSignal>> m_signals;
};

QString describe(const TagSample &s)
{
    return QStringLiteral("{tag %1, quality %2, time %3, value %4, text '%5'}")
        .arg(s.tag)
        .arg(int(s.quality))
        .arg(s.sourceTime)
        .arg(s.value, 0, 'g', 17)
        .arg(s.text);
}

// Compares two batches sample by sample (exact values).
void compareBatches(const SampleBatch &actual, const SampleBatch &expected)
{
    QCOMPARE(actual.size(), expected.size());
    for (qsizetype i = 0; i < actual.size(); ++i) {
        const TagSample &a = actual[i];
        const TagSample &e = expected[i];
        const bool same = a.tag == e.tag && a.quality == e.quality &&
                          a.sourceTime == e.sourceTime && a.value == e.value && a.text == e.text;
        QVERIFY2(same, qPrintable(QStringLiteral("sample %1: got %2, expected %3")
                                      .arg(i)
                                      .arg(describe(a), describe(e))));
    }
}

const TagSample *sampleOf(const SampleBatch &batch, quint32 tag)
{
    for (const TagSample &s : batch) {
        if (s.tag == tag)
            return &s;
    }
    return nullptr;
}

} // namespace

class TestSimDriver : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void readsDeviceSettings();
    void startIsQueuedAndConnects_data();
    void startIsQueuedAndConnects();
    void eachTickPublishesEveryTagAtClockTime_data();
    void eachTickPublishesEveryTagAtClockTime();
    void twoDriversWithTheSameSeedAgree();
    void timerTicksOnItsOwn_data();
    void timerTicksOnItsOwn();
    void statisticsCountTicksAndWrites_data();
    void statisticsCountTicksAndWrites();
    void stopMarksAllTagsNotConnected_data();
    void stopMarksAllTagsNotConnected();

    void writeRefusedAtOnce_data();
    void writeRefusedAtOnce();
    void writeRefusedWhenStopped_data();
    void writeRefusedWhenStopped();
    void acceptedWriteIsHeld_data();
    void acceptedWriteIsHeld();
    void pendingWriteFailsOnStopAndHasNoEffect();
    void worksWithAHandBuiltContext();

private:
    quint32 tag(const QString &id) const { return *m_plant->tags->indexOf(id); }
    static void addThreadRows();

    QTemporaryDir m_dir;
    std::optional<PlantConfig> m_plant;
};

void TestSimDriver::initTestCase()
{
    registerCoreMetaTypes();
    qRegisterMetaType<vigil::DriverStatus>();

    QVERIFY(m_dir.isValid());
    const QString path = m_dir.filePath(QStringLiteral("plant.toml"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(kPlant);
    file.close();

    DriverRegistry registry;
    registerBuiltinDrivers(registry);
    PlantLoader::Result result = PlantLoader(registry, QProcessEnvironment()).load(path);
    QVERIFY2(result.plant, qPrintable(result.diagnostics.toStringList().join(u'\n')));
    m_plant = std::move(result.plant);
    QCOMPARE(m_plant->tags->tagsOfDevice(QStringLiteral("plc1")).size(), size_t(6));
}

void TestSimDriver::addThreadRows()
{
    QTest::addColumn<bool>("threaded");
    QTest::newRow("test thread") << false;
    QTest::newRow("own thread") << true;
}

void TestSimDriver::readsDeviceSettings()
{
    ManualClock clock(kStart);
    DriverRun plc1(*m_plant, QStringLiteral("plc1"), clock, false);
    QCOMPARE(plc1.driver->periodMs(), qint64(3'600'000));
    QCOMPARE(plc1.driver->deviceId(), QStringLiteral("plc1"));
    QCOMPARE(plc1.driver->tagIndices(), m_plant->tags->tagsOfDevice(QStringLiteral("plc1")));
    QCOMPARE(plc1.driver->status().state, DriverState::Stopped);
    QCOMPARE(plc1.driver->status().sinceMs, kStart);
    QCOMPARE(plc1.driver->statistics().requests, quint64(0));

    DriverRun fast(*m_plant, QStringLiteral("fast"), clock, false);
    QCOMPARE(fast.driver->periodMs(), qint64(10));
}

void TestSimDriver::startIsQueuedAndConnects_data()
{
    addThreadRows();
}

void TestSimDriver::startIsQueuedAndConnects()
{
    QFETCH(bool, threaded);
    ManualClock clock(kStart);
    DriverRun run(*m_plant, QStringLiteral("plc1"), clock, threaded);

    clock.advance(250);
    run.driver->start();
    if (!threaded) {
        // Queued: nothing happens until the driver's thread runs its event loop.
        QCOMPARE(run.driver->status().state, DriverState::Stopped);
        QVERIFY(run.statuses.isEmpty());
        QVERIFY(run.batches.isEmpty());
    }
    QTRY_COMPARE(run.driver->status().state, DriverState::Connected);
    QCOMPARE(run.driver->status().sinceMs, kStart + 250);
    QTRY_COMPARE(run.statuses.size(), 2);
    QCOMPARE(run.statuses[0].state, DriverState::Connecting);
    QCOMPARE(run.statuses[1].state, DriverState::Connected);
    QVERIFY(run.statuses[1].reason.isEmpty());
    // Connecting publishes a first batch at once.
    QTRY_COMPARE(run.batches.size(), 1);
    QCOMPARE(run.batches[0].size(), 6);

    // A second start() while running changes nothing.
    run.driver->start();
    run.tick();
    QTRY_COMPARE(run.batches.size(), 2);
    QCOMPARE(run.statuses.size(), 2);

    QThread *expected = threaded ? &run.thread : QThread::currentThread();
    QCOMPARE(run.driver->thread(), expected);
    QCOMPARE(run.emitters(), QSet<QThread *>{expected});
}

void TestSimDriver::eachTickPublishesEveryTagAtClockTime_data()
{
    addThreadRows();
}

void TestSimDriver::eachTickPublishesEveryTagAtClockTime()
{
    QFETCH(bool, threaded);
    const qint64 t0 = (kStart / 60'000 + 1) * 60'000; // a whole minute: known signal phases
    ManualClock clock(t0);
    DriverRun run(*m_plant, QStringLiteral("plc1"), clock, threaded);
    const std::vector<quint32> own = m_plant->tags->tagsOfDevice(QStringLiteral("plc1"));
    Reference reference(*m_plant->tags, own, kPlc1Seed);

    run.driver->start();
    QTRY_COMPARE(run.batches.size(), 1);
    compareBatches(run.batches[0], reference.at(t0));
    if (QTest::currentTestFailed())
        return;

    const qint64 steps[] = {2'500, 1, 499, 30'000, 7'000, 60'000, 123'456};
    qint64 now = t0;
    for (int i = 0; i < int(std::size(steps)); ++i) {
        clock.advance(steps[i]);
        now += steps[i];
        run.tick();
        QTRY_COMPARE(run.batches.size(), 2 + i);
        const SampleBatch &batch = run.batches.last();
        // Every tag of the device, in order, good, stamped with the clock time.
        QCOMPARE(batch.size(), qsizetype(own.size()));
        for (qsizetype i = 0; i < batch.size(); ++i) {
            QCOMPARE(batch[i].tag, own[size_t(i)]);
            QCOMPARE(batch[i].quality, Quality::Good);
            QCOMPARE(batch[i].sourceTime, now);
        }
        compareBatches(batch, reference.at(now));
        if (QTest::currentTestFailed())
            return;
    }

    // Known values independent of the reference: ramp 0..1000 over 10 s, text and constant.
    const SampleBatch &first = run.batches[1]; // t0 + 2.5 s
    QCOMPARE(sampleOf(first, tag(QStringLiteral("RAMP")))->value, 250.0);
    QCOMPARE(sampleOf(first, tag(QStringLiteral("P101.MODE")))->text, QStringLiteral("AUTO"));
    QCOMPARE(sampleOf(first, tag(QStringLiteral("TIC101.SP")))->value, 60.0);
    QCOMPARE(sampleOf(first, tag(QStringLiteral("P101.CMD")))->value, 1.0); // first half
    const double level = sampleOf(first, tag(QStringLiteral("LT101")))->value;
    QCOMPARE(level, std::round(level)); // int16: whole counts
    // mid + half-span * sin(2 pi * 2.5 / 60), give or take the noise (sigma 30).
    const double clean = 14382.5 + 11617.5 * std::sin(2 * M_PI * 2.5 / 60.0);
    QVERIFY2(std::abs(level - clean) < 150, qPrintable(QString::number(level)));
}

void TestSimDriver::twoDriversWithTheSameSeedAgree()
{
    ManualClock clock(kStart);
    DriverRun a(*m_plant, QStringLiteral("plc1"), clock, false);
    DriverRun b(*m_plant, QStringLiteral("plc1"), clock, true);
    a.driver->start();
    b.driver->start();
    QTRY_COMPARE(a.batches.size(), 1);
    QTRY_COMPARE(b.batches.size(), 1);
    for (int i = 0; i < 20; ++i) {
        clock.advance(333);
        a.tick();
        b.tick();
    }
    QTRY_COMPARE(a.batches.size(), 21);
    QTRY_COMPARE(b.batches.size(), 21);
    for (int i = 0; i < 21; ++i) {
        compareBatches(a.batches[i], b.batches[i]);
        if (QTest::currentTestFailed())
            return;
    }
    // The random walk and the noise really move: the batches are not all alike.
    const quint32 flow = tag(QStringLiteral("FT101"));
    QVERIFY(sampleOf(a.batches[0], flow)->value != sampleOf(a.batches[20], flow)->value);
}

void TestSimDriver::timerTicksOnItsOwn_data()
{
    addThreadRows();
}

void TestSimDriver::timerTicksOnItsOwn()
{
    QFETCH(bool, threaded);
    ManualClock clock(kStart);
    DriverRun run(*m_plant, QStringLiteral("fast"), clock, threaded);
    run.driver->start();
    QTRY_VERIFY(run.batches.size() >= 5); // period 10 ms: the timer ticks without the test
    for (const SampleBatch &batch : std::as_const(run.batches)) {
        QCOMPARE(batch.size(), 1);
        QCOMPARE(batch[0].sourceTime, kStart); // the clock did not move
    }
    run.driver->stop();
    QCOMPARE(run.driver->status().state, DriverState::Stopped);
}

void TestSimDriver::statisticsCountTicksAndWrites_data()
{
    addThreadRows();
}

void TestSimDriver::statisticsCountTicksAndWrites()
{
    QFETCH(bool, threaded);
    ManualClock clock(kStart);
    DriverRun run(*m_plant, QStringLiteral("plc1"), clock, threaded);
    run.driver->start();
    QTRY_COMPARE(run.batches.size(), 1);
    for (int i = 0; i < 3; ++i)
        run.tick();

    DriverStatistics st = run.driver->statistics();
    QCOMPARE(st.requests, quint64(4));
    QCOMPARE(st.responses, quint64(4));
    QCOMPARE(st.messagesIn, quint64(4 * 6));
    QCOMPARE(st.errors, quint64(0));
    QCOMPARE(st.timeouts, quint64(0));
    QCOMPARE(st.writes, quint64(0));
    QCOMPARE(st.writeErrors, quint64(0));

    // A refused write is not sent, so it is not counted.
    QVERIFY(!run.driver->write({tag(QStringLiteral("FT101")), 1.0}).result().ok);
    QCOMPARE(run.driver->statistics().writes, quint64(0));

    // An accepted write counts, and the driver publishes the new value at once (one more tick).
    QFuture<WriteResult> f = run.driver->write({tag(QStringLiteral("TIC101.SP")), 55.0});
    QTRY_VERIFY(f.isFinished());
    QVERIFY(f.result().ok);
    QTRY_COMPARE(run.batches.size(), 5); // the write's own tick has been published
    st = run.driver->statistics();
    QCOMPARE(st.writes, quint64(1));
    QCOMPARE(st.writeErrors, quint64(0));
    QCOMPARE(st.requests, quint64(5));
    QCOMPARE(st.messagesIn, quint64(5 * 6));
}

void TestSimDriver::stopMarksAllTagsNotConnected_data()
{
    addThreadRows();
}

void TestSimDriver::stopMarksAllTagsNotConnected()
{
    QFETCH(bool, threaded);
    ManualClock clock(kStart);
    DriverRun run(*m_plant, QStringLiteral("plc1"), clock, threaded);
    run.driver->start();
    QTRY_COMPARE(run.driver->status().state, DriverState::Connected);
    QTRY_COMPARE(run.batches.size(), 1);

    clock.advance(1'234);
    run.driver->stop();
    // stop() returns once the driver has stopped.
    QCOMPARE(run.driver->status().state, DriverState::Stopped);
    QCOMPARE(run.driver->status().sinceMs, kStart + 1'234);
    QTRY_COMPARE(run.batches.size(), 2);
    QTRY_COMPARE(run.statuses.size(), 3);
    QCOMPARE(run.statuses.last().state, DriverState::Stopped);

    const SampleBatch &marks = run.batches.last();
    const std::vector<quint32> own = m_plant->tags->tagsOfDevice(QStringLiteral("plc1"));
    QCOMPARE(marks.size(), qsizetype(own.size()));
    for (qsizetype i = 0; i < marks.size(); ++i) {
        QCOMPARE(marks[i].tag, own[size_t(i)]);
        QCOMPARE(marks[i].quality, Quality::NotConnected);
        QVERIFY(isBad(marks[i].quality));
        QCOMPARE(marks[i].sourceTime, kStart + 1'234);
    }

    // Stopping again changes nothing.
    run.driver->stop();
    QCoreApplication::processEvents();
    QCOMPARE(run.statuses.size(), 3);
    QCOMPARE(run.batches.size(), 2);

    // And the driver can be started again.
    run.driver->start();
    QTRY_COMPARE(run.driver->status().state, DriverState::Connected);
    QTRY_COMPARE(run.batches.size(), 3);
    QCOMPARE(run.batches.last()[0].quality, Quality::Good);
}

void TestSimDriver::writeRefusedAtOnce_data()
{
    QTest::addColumn<bool>("threaded");
    QTest::addColumn<QString>("tagId"); // empty: tag index 9999
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("fragment");

    struct Row {
        const char *name;
        const char *tagId;
        QVariant value;
        const char *fragment;
    };
    const Row rows[] = {
        {"not writable", "FT101", 1.0, "tag 'FT101' is not writable"},
        {"other device", "OTHER", 1.0, "does not belong to device 'plc1'"},
        {"no such tag", "", 1.0, "tag #9999 does not belong to device 'plc1'"},
        {"above write limits", "TIC101.SP", 90.5,
         "outside the write limits [20, 90] of tag 'TIC101.SP'"},
        {"below write limits", "TIC101.SP", 19.99, "outside the write limits [20, 90]"},
        {"scaled above limits", "LT101", 100.01, "outside the write limits [0, 100]"},
        {"text for a number", "TIC101.SP", QStringLiteral("hot"),
         "tag 'TIC101.SP' takes a finite number"},
        {"empty value", "TIC101.SP", QVariant(), "takes a finite number"},
        {"NaN", "TIC101.SP", qQNaN(), "takes a finite number"},
        {"infinity", "LT101", qInf(), "takes a finite number"},
        {"text for a bool", "P101.CMD", QStringLiteral("maybe"),
         "tag 'P101.CMD' takes true or false"},
        {"NaN for a bool", "P101.CMD", qQNaN(), "takes true or false"},
        {"2 for a bool", "P101.CMD", 2, "takes true or false"},
        {"yes for a bool", "P101.CMD", QStringLiteral("yes"), "takes true or false"},
        {"empty for a bool", "P101.CMD", QVariant(), "takes true or false"},
    };
    for (bool threaded : {false, true}) {
        for (const Row &row : rows) {
            QTest::addRow("%s, %s", row.name, threaded ? "own thread" : "test thread")
                << threaded << QString::fromLatin1(row.tagId) << row.value
                << QString::fromUtf8(row.fragment);
        }
    }
}

void TestSimDriver::writeRefusedAtOnce()
{
    QFETCH(bool, threaded);
    QFETCH(QString, tagId);
    QFETCH(QVariant, value);
    QFETCH(QString, fragment);

    ManualClock clock(kStart);
    DriverRun run(*m_plant, QStringLiteral("plc1"), clock, threaded);
    Reference reference(*m_plant->tags, m_plant->tags->tagsOfDevice(QStringLiteral("plc1")),
                        kPlc1Seed);
    run.driver->start();
    QTRY_COMPARE(run.driver->status().state, DriverState::Connected);
    QTRY_COMPARE(run.batches.size(), 1);
    compareBatches(run.batches[0], reference.at(kStart));

    const quint32 index = tagId.isEmpty() ? 9999u : tag(tagId);
    QFuture<WriteResult> f = run.driver->write({index, value});
    QVERIFY(f.isFinished()); // before any event is processed
    const WriteResult r = f.result();
    QCOMPARE(r.tag, index);
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(fragment), qPrintable(r.error));
    QCOMPARE(run.driver->statistics().writes, quint64(0));

    // Nothing reached the driver: the next tick has the signals' values, none held.
    clock.advance(20'000);
    run.tick();
    QTRY_COMPARE(run.batches.size(), 2);
    compareBatches(run.batches[1], reference.at(kStart + 20'000));
}

void TestSimDriver::writeRefusedWhenStopped_data()
{
    addThreadRows();
}

void TestSimDriver::writeRefusedWhenStopped()
{
    QFETCH(bool, threaded);
    ManualClock clock(kStart);
    DriverRun run(*m_plant, QStringLiteral("plc1"), clock, threaded);
    const quint32 sp = tag(QStringLiteral("TIC101.SP"));

    QFuture<WriteResult> before = run.driver->write({sp, 50.0});
    QVERIFY(before.isFinished());
    QVERIFY(!before.result().ok);
    QVERIFY2(before.result().error.contains(QStringLiteral("device 'plc1' is stopped")),
             qPrintable(before.result().error));

    run.driver->start();
    QTRY_COMPARE(run.driver->status().state, DriverState::Connected);
    run.driver->stop();
    QFuture<WriteResult> after = run.driver->write({sp, 50.0});
    QVERIFY(after.isFinished());
    QVERIFY(!after.result().ok);
    QVERIFY(after.result().error.contains(QStringLiteral("is stopped")));
    QCOMPARE(run.driver->statistics().writes, quint64(0));
}

void TestSimDriver::acceptedWriteIsHeld_data()
{
    QTest::addColumn<bool>("threaded");
    QTest::addColumn<QString>("tagId");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<double>("raw");
    QTest::addColumn<QString>("text");

    struct Row {
        const char *name;
        const char *tagId;
        QVariant value;
        double raw;
        const char *text;
    };
    const Row rows[] = {
        // LT101: int16, raw [0, 27648] -> eu [0, 100].
        {"scaled 50 %", "LT101", 50.0, 13824, ""},
        {"scaled low limit", "LT101", 0, 0, ""},
        {"scaled high limit", "LT101", 100, 27648, ""},
        {"scaled and rounded", "LT101", 33.3333, 9216, ""}, // 9215.99 counts
        {"number as text", "LT101", QStringLiteral("25"), 6912, ""},
        {"float setpoint", "TIC101.SP", 42.5, 42.5, ""},
        {"setpoint low limit", "TIC101.SP", 20, 20, ""},
        {"setpoint high limit", "TIC101.SP", 90.0, 90, ""},
        {"bool true", "P101.CMD", true, 1, ""},
        {"bool false", "P101.CMD", false, 0, ""},
        {"bool as 1", "P101.CMD", 1, 1, ""},
        {"bool as text", "P101.CMD", QStringLiteral("false"), 0, ""},
        {"bool as TRUE", "P101.CMD", QStringLiteral(" TRUE "), 1, ""},
        {"bool as text 1", "P101.CMD", QStringLiteral("1"), 1, ""},
        {"bool as 0.0", "P101.CMD", 0.0, 0, ""},
        {"text", "P101.MODE", QStringLiteral("MANUAL"), 0, "MANUAL"},
    };
    for (bool threaded : {false, true}) {
        for (const Row &row : rows) {
            QTest::addRow("%s, %s", row.name, threaded ? "own thread" : "test thread")
                << threaded << QString::fromLatin1(row.tagId) << row.value << row.raw
                << QString::fromLatin1(row.text);
        }
    }
}

void TestSimDriver::acceptedWriteIsHeld()
{
    QFETCH(bool, threaded);
    QFETCH(QString, tagId);
    QFETCH(QVariant, value);
    QFETCH(double, raw);
    QFETCH(QString, text);

    ManualClock clock(kStart);
    DriverRun run(*m_plant, QStringLiteral("plc1"), clock, threaded);
    run.driver->start();
    QTRY_COMPARE(run.driver->status().state, DriverState::Connected);
    QTRY_COMPARE(run.batches.size(), 1);
    const quint32 index = tag(tagId);

    clock.advance(100);
    QFuture<WriteResult> f = run.driver->write({index, value});
    QTRY_VERIFY(f.isFinished());
    const WriteResult r = f.result();
    QVERIFY2(r.ok, qPrintable(r.error));
    QVERIFY(r.error.isEmpty());
    QCOMPARE(r.tag, index);

    // The driver publishes the written value at once...
    QTRY_COMPARE(run.batches.size(), 2);
    const TagSample *written = sampleOf(run.batches[1], index);
    QVERIFY(written);
    QCOMPARE(written->value, raw);
    QCOMPARE(written->text, text);
    QCOMPARE(written->quality, Quality::Good);
    QCOMPARE(written->sourceTime, kStart + 100);
    QCOMPARE(run.batches[1].size(), 6); // with every other tag

    // ...and holds it on every later tick, whatever the signal would have done.
    for (int i = 0; i < 4; ++i) {
        clock.advance(17'000);
        run.tick();
        QTRY_COMPARE(run.batches.size(), 3 + i);
        const TagSample *later = sampleOf(run.batches.last(), index);
        QCOMPARE(later->value, raw);
        QCOMPARE(later->text, text);
        QCOMPARE(later->sourceTime, clock.nowMs());
    }
}

void TestSimDriver::pendingWriteFailsOnStopAndHasNoEffect()
{
    ManualClock clock(kStart);
    DriverRun run(*m_plant, QStringLiteral("plc1"), clock, false);
    run.driver->start();
    QTRY_COMPARE(run.driver->status().state, DriverState::Connected);
    QTRY_COMPARE(run.batches.size(), 1);
    const quint32 sp = tag(QStringLiteral("TIC101.SP"));

    // On the test thread the write is queued behind this function: stop() comes first.
    QFuture<WriteResult> f = run.driver->write({sp, 42.0});
    QVERIFY(!f.isFinished());
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("TIC101.SP.*stopped")));
    run.driver->stop();
    QVERIFY(f.isFinished());
    QVERIFY(!f.result().ok);
    QVERIFY2(f.result().error.contains(QStringLiteral("device 'plc1' stopped")),
             qPrintable(f.result().error));
    QCOMPARE(run.driver->statistics().writes, quint64(1));
    QCOMPARE(run.driver->statistics().writeErrors, quint64(1));
    QCOMPARE(run.batches.size(), 2);
    QCOMPARE(run.batches.last()[0].quality, Quality::NotConnected);

    // The queued write must not run now: nothing is published after stop...
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
    QCOMPARE(run.batches.size(), 2);

    // ...and a write reported as failed has not changed the value.
    run.driver->start();
    QTRY_COMPARE(run.batches.size(), 3);
    QCOMPARE(sampleOf(run.batches.last(), sp)->value, 60.0);
}

void TestSimDriver::worksWithAHandBuiltContext()
{
    // No plant file: a device without settings (period 500 ms, seed 1) and hand-made tags.
    std::vector<TagDefinition> defs(3);
    defs[0].id = QStringLiteral("A");
    defs[0].device = QStringLiteral("other");
    defs[0].address = QStringLiteral("constant:value=1");
    defs[1].id = QStringLiteral("B");
    defs[1].device = QStringLiteral("hand");
    defs[1].address = QStringLiteral("random:lo=0,hi=10");
    defs[1].type = DataType::Float64;
    defs[2].id = QStringLiteral("C");
    defs[2].device = QStringLiteral("hand");
    defs[2].address = QStringLiteral("constant:value=1000");
    defs[2].type = DataType::Int16;
    defs[2].scaling = Scaling::fromGainOffset(0.001, 0); // 1 count = 0.001 eu
    defs[2].writable = true;
    defs[2].writeMin = 0;
    defs[2].writeMax = 100; // 100 eu = 100000 counts: more than an int16 holds
    auto tags = std::make_shared<const TagDirectory>(std::move(defs));

    DeviceConfig device;
    device.id = QStringLiteral("hand");
    device.driver = QStringLiteral("sim");
    ManualClock clock(kStart);
    DriverRun run(DriverContext{device, tags, tags->tagsOfDevice(device.id), &clock}, true);
    QCOMPARE(run.driver->periodMs(), qint64(500));

    run.driver->start();
    QTRY_COMPARE(run.batches.size(), 1);
    Reference reference(*tags, {1, 2}, 1);
    compareBatches(run.batches[0], reference.at(kStart));
    QCOMPARE(run.batches[0][1].value, 1000.0);

    QFuture<WriteResult> tooBig = run.driver->write({2, 40.0});
    QVERIFY(tooBig.isFinished());
    QVERIFY(!tooBig.result().ok);
    QVERIFY2(tooBig.result().error.contains(QStringLiteral("raw value 40000 does not fit a int16")),
             qPrintable(tooBig.result().error));

    QFuture<WriteResult> fits = run.driver->write({2, 30.0});
    QTRY_VERIFY(fits.isFinished());
    QVERIFY(fits.result().ok);
    // The 500 ms timer may tick too; the write's value is published and then held.
    QTRY_COMPARE(sampleOf(run.batches.last(), 2)->value, 30000.0);

    QVERIFY(!run.driver->write({0, 1.0}).result().ok); // tag A is not this device's
}

QTEST_GUILESS_MAIN(TestSimDriver)
#include "tst_simdriver.moc"
