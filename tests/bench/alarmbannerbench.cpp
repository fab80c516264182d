// The value → banner latency through the app's own pipeline, threads as in
// main.cpp. A "driver" thread hands samples over (SampleBatch, queued, as every driver does) to
// the TagTable on the core thread, whose change sets feed the AlarmEngine there; the engine's
// transitions go to the JournalWriter (journal.db in a temp dir, synchronous=FULL) and its
// snapshots, queued, to the summary's AlarmListModel on the GUI thread, which the
// AlarmBannerStatus recounts. Meanwhile 5,000 other tags change ten times a second and the Tags
// page's model follows them through the UiChangeCoalescer, as on a busy plant.
// One alarm tag crosses its Hi limit at a time; the latency is from the moment the driver thread
// emits the sample to the moment the banner shows that alarm's message. Target p99 <= 150 ms.

#include "alarmbannerbench.h"

#include "alarmbannerstatus.h"
#include "alarmlistmodel.h"
#include "alarms/alarmengine.h"
#include "journal/journal.h"
#include "metatypes.h"
#include "taglistmodel.h"
#include "tags/tagdirectory.h"
#include "tags/tagtable.h"
#include "tags/uichangecoalescer.h"
#include "util/systemclock.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <random>
#include <vector>

namespace vigil::bench
{

namespace
{

constexpr int kAlarmTags = 400;   // each raised once, one after the other
constexpr int kBusyTags = 5'000;  // changing in the background
constexpr int kRaiseEveryMs = 15; // between two raises
constexpr int kBackgroundEveryMs = 100;

qint64 nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

std::shared_ptr<const TagDirectory> makePlant()
{
    std::vector<TagDefinition> tags;
    for (int i = 0; i < kAlarmTags; ++i) {
        TagDefinition t;
        t.id = QStringLiteral("LT%1").arg(i);
        t.device = QStringLiteral("plc");
        t.type = DataType::Float64;
        AlarmRule hi;
        hi.type = AlarmType::Hi;
        hi.limit = 90.0;
        hi.priority = AlarmPriority::High;
        hi.message = QStringLiteral("bench alarm %1").arg(i);
        t.alarms = {hi};
        tags.push_back(t);
    }
    for (int i = 0; i < kBusyTags; ++i) {
        TagDefinition t;
        t.id = QStringLiteral("FT%1").arg(i);
        t.device = QStringLiteral("plc");
        t.type = DataType::Float64;
        tags.push_back(t);
    }
    return std::make_shared<const TagDirectory>(std::move(tags));
}

// Stands in for a driver: emits sample batches from its own thread, as Driver::samplesReady.
class FakeDriver : public QObject
{
    Q_OBJECT
public:
    explicit FakeDriver(std::vector<qint64> &sentNs)
        : m_sentNs(sentNs)
    {
    }

    void start()
    {
        auto *raise = new QTimer(this);
        connect(raise, &QTimer::timeout, this, &FakeDriver::raiseNext);
        raise->start(kRaiseEveryMs);
        auto *busy = new QTimer(this);
        connect(busy, &QTimer::timeout, this, &FakeDriver::background);
        busy->start(kBackgroundEveryMs);
    }

signals:
    void samplesReady(const vigil::SampleBatch &batch);

private:
    void raiseNext()
    {
        if (m_next >= kAlarmTags)
            return;
        TagSample s;
        s.tag = quint32(m_next);
        s.value = 95.0;
        s.sourceTime = QDateTime::currentMSecsSinceEpoch();
        m_sentNs[size_t(m_next)] = nowNs();
        ++m_next;
        emit samplesReady(SampleBatch{s});
    }

    void background()
    {
        SampleBatch batch;
        batch.reserve(kBusyTags);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        std::uniform_real_distribution<double> value(0.0, 100.0);
        for (int i = 0; i < kBusyTags; ++i) {
            TagSample s;
            s.tag = quint32(kAlarmTags + i);
            s.value = value(m_random);
            s.sourceTime = now;
            batch.append(s);
        }
        emit samplesReady(batch);
    }

    std::vector<qint64> &m_sentNs;
    int m_next = 0;
    std::mt19937 m_random{42};
};

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size() - 1) + 0.5))];
}

} // namespace

BannerLatency measureValueToBanner()
{
    QCoreApplication &app = *QCoreApplication::instance();
    registerCoreMetaTypes();
    BannerLatency result;
    result.alarms = kAlarmTags;
    result.busyTags = kBusyTags;
    result.busyChangesPerS = kBusyTags * 1000 / kBackgroundEveryMs;
    QTemporaryDir dir;
    const SystemClock clock;
    const std::shared_ptr<const TagDirectory> plant = makePlant();

    Journal journal(
        *HistoryUrl::parse(QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("journal.db"))));
    journal.start();

    QThread core;
    auto *table = new TagTable(plant, clock);
    auto *coalescer = new UiChangeCoalescer(*table);
    auto *engine = new AlarmEngine(plant, clock);
    QObject::connect(table, &TagTable::changed, coalescer, &UiChangeCoalescer::onChanged);
    QObject::connect(table, &TagTable::changed, engine, &AlarmEngine::processChanges);
    QObject::connect(engine, &AlarmEngine::transitionsOccurred, journal.writer(),
                     &JournalWriter::recordTransitions, Qt::QueuedConnection);
    for (QObject *o : std::initializer_list<QObject *>{table, coalescer, engine}) {
        o->moveToThread(&core);
        QObject::connect(&core, &QThread::finished, o, &QObject::deleteLater);
    }
    QObject::connect(&core, &QThread::started, engine, &AlarmEngine::start);

    TagListModel tagModel(plant);
    QObject::connect(coalescer, &UiChangeCoalescer::updated, &tagModel, &TagListModel::applyUpdate);
    AlarmListModel alarms(AlarmListModel::Selection::Listed, plant);
    QObject::connect(engine, &AlarmEngine::alarmsChanged, &alarms, &AlarmListModel::applySnapshots);
    AlarmBannerStatus banner(&alarms);

    std::vector<qint64> sentNs(kAlarmTags, 0);
    std::vector<double> latencyMs;
    latencyMs.reserve(kAlarmTags);
    int expected = 0;
    QObject::connect(&banner, &AlarmBannerStatus::changed, &app, [&] {
        const qint64 seen = nowNs();
        // The banner shows the newest alarm; every alarm it moves past has been shown.
        while (expected < kAlarmTags &&
               banner.newestMessage().startsWith(QStringLiteral("bench alarm ")) &&
               banner.newestMessage().mid(12).toInt() >= expected) {
            latencyMs.push_back(double(seen - sentNs[size_t(expected)]) / 1e6);
            ++expected;
        }
        if (expected == kAlarmTags)
            app.quit();
    });

    QThread driverThread;
    auto *driver = new FakeDriver(sentNs); // its timers live on the driver thread: deleted there
    driver->moveToThread(&driverThread);
    QObject::connect(&driverThread, &QThread::finished, driver, &QObject::deleteLater);
    QObject::connect(driver, &FakeDriver::samplesReady, table, &TagTable::ingest);
    QObject::connect(&driverThread, &QThread::started, driver, &FakeDriver::start);
    core.start();
    driverThread.start();
    QTimer::singleShot(60'000, &app, [&] {
        result.error = QStringLiteral("only %1 of %2 alarms reached the banner in 60 s")
                           .arg(expected)
                           .arg(kAlarmTags);
        app.exit(1);
    });
    const int code = app.exec();
    driverThread.quit();
    driverThread.wait();
    core.quit();
    core.wait();
    journal.stop();
    if (code != 0 || latencyMs.empty())
        return result;
    result.ok = true;
    result.p50Ms = percentile(latencyMs, 0.50);
    result.p99Ms = percentile(latencyMs, 0.99);
    result.maxMs = *std::max_element(latencyMs.begin(), latencyMs.end());
    return result;
}

} // namespace vigil::bench

#include "alarmbannerbench.moc"
