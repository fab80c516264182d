#include "demoplantfeed.h"

#include "modbusfeedsource.h"
#include "mqttfeedsource.h"
#include "operatorroutine.h"
#include "plantmodel.h"
#include "scalefeedsource.h"
#include "simfeedsource.h"
#include "tags/tagdirectory.h"

#include <map>
#include <random>
#include <set>

namespace vigil::sim
{

namespace
{

constexpr qint64 kPhysicsStepMs = 50; // vigil-sim's physics timer

std::unique_ptr<FeedSource> sourceFor(const DeviceConfig &dev, const TagDirectory &tags,
                                      PlantModel &model, qint64 t0)
{
    if (dev.driver == u"modbus")
        return std::make_unique<ModbusFeedSource>(dev, tags, model, t0);
    if (dev.driver == u"mqtt")
        return std::make_unique<MqttFeedSource>(dev, tags, model, t0);
    if (dev.driver == u"serial")
        return std::make_unique<ScaleFeedSource>(dev, tags, model, t0);
    if (dev.driver == u"sim")
        return std::make_unique<SimFeedSource>(dev, tags, t0);
    return nullptr;
}

} // namespace

struct DemoPlantFeed::State {
    State(const PlantConfig &p, qint64 t0)
        : plant(p)
        , start(t0)
        , now(t0)
    {
    }
    const PlantConfig &plant;
    PlantModel model{1}; // vigil-sim --seed default
    qint64 start;
    qint64 now;
    qint64 commandMinute = -1;
    std::vector<std::unique_ptr<FeedSource>> sources;
    std::map<QString, quint64> samples;       // by device
    std::map<QString, std::set<quint32>> fed; // by device
    std::mt19937_64 jitterRng{9};
};

bool DemoPlantFeed::canFeed(const PlantConfig &plant, QString *error)
{
    for (const DeviceConfig &dev : plant.devices) {
        if (dev.driver != u"modbus" && dev.driver != u"mqtt" && dev.driver != u"serial" &&
            dev.driver != u"sim") {
            *error =
                QStringLiteral("device '%1': no simulation of driver '%2'").arg(dev.id, dev.driver);
            return false;
        }
    }
    if (plant.devices.empty()) {
        *error = QStringLiteral("the plant has no devices");
        return false;
    }
    return true;
}

DemoPlantFeed::DemoPlantFeed(const PlantConfig &plant, qint64 t0)
    : d(std::make_unique<State>(plant, t0))
{
    for (const DeviceConfig &dev : plant.devices) {
        std::unique_ptr<FeedSource> source = sourceFor(dev, *plant.tags, d->model, t0);
        if (!source)
            qFatal("demo plant feed: no simulation of driver '%s'", qPrintable(dev.driver));
        d->sources.push_back(std::move(source));
    }
}

DemoPlantFeed::~DemoPlantFeed() = default;

void DemoPlantFeed::run(qint64 end, const Deliver &deliver)
{
    std::uniform_int_distribution<int> jitter(0, 3);
    qint64 physics = d->now;
    while (!d->sources.empty()) {
        FeedSource *due = nullptr;
        for (const auto &s : d->sources) {
            if (!due || s->next() < due->next())
                due = s.get();
        }
        const qint64 at = due->next();
        if (at >= end)
            break;
        while (physics <= at) { // the process first, then whoever samples it
            if (const qint64 minute = (physics - d->start) / 60'000; minute != d->commandMinute) {
                d->commandMinute = minute;
                d->model.setCommands(OperatorRoutine::commandsAt(physics - d->start));
            }
            d->model.step(double(kPhysicsStepMs) / 1000.0);
            physics += kPhysicsStepMs;
        }
        const qint64 now = at + jitter(d->jitterRng);
        SampleBatch batch;
        due->poll(now, batch);
        d->now = now;
        if (batch.isEmpty())
            continue;
        const QString &id = due->device().id;
        d->samples[id] += quint64(batch.size());
        for (const TagSample &s : std::as_const(batch))
            d->fed[id].insert(s.tag);
        deliver(now, batch);
    }
}

std::vector<DemoPlantFeed::Coverage> DemoPlantFeed::coverage() const
{
    std::vector<Coverage> out;
    for (const DeviceConfig &dev : d->plant.devices) {
        Coverage c;
        c.device = dev.id;
        c.driver = dev.driver;
        const auto samples = d->samples.find(dev.id);
        c.samples = samples == d->samples.end() ? 0 : samples->second;
        const auto fed = d->fed.find(dev.id);
        for (quint32 t : d->plant.tags->tagsOfDevice(dev.id)) {
            ++c.tags;
            if (fed != d->fed.end() && fed->second.count(t))
                ++c.fed;
            else
                c.idle.append(d->plant.tags->at(t).id);
        }
        out.push_back(c);
    }
    return out;
}

} // namespace vigil::sim
