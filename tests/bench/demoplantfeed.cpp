#include "demoplantfeed.h"

#include "config/configreader.h"
#include "config/diagnostics.h"
#include "config/duration.h"
#include "faultswitches.h"
#include "modbus/modbusplanner.h"
#include "modbus/modbussampler.h"
#include "modbus/modbussettings.h"
#include "modbusimage.h"
#include "mqtt/mqttmessagerouter.h"
#include "mqttstatepayload.h"
#include "plantmodel.h"
#include "serial/serialframedecoder.h"
#include "serial/serialframer.h"
#include "serial/serialsettings.h"
#include "sim/simsignal.h"
#include "tags/tagdirectory.h"
#include "weighscale.h"

#include <modbus.h>

#include <map>
#include <random>
#include <set>

using namespace vigil;

namespace
{

constexpr qint64 kPhysicsStepMs = 50; // vigil-sim's physics timer

// One device: due at next(), appends what the driver would publish at `now`.
struct Source {
    virtual ~Source() = default;
    virtual qint64 next() const = 0;
    virtual void poll(qint64 now, SampleBatch &out) = 0;
    const DeviceConfig *device = nullptr;
};

ConfigReader readerOf(const DeviceConfig &d, Diagnostics &diagnostics)
{
    return ConfigReader(d.node, d.object(), diagnostics);
}

// Modbus: one timer per scan class; each poll reads the class's blocks from vigil-sim's image.
struct ModbusSource : Source {
    struct ScanClass {
        qint64 periodMs;
        qint64 next;
        std::vector<int> blocks;
    };
    ModbusSource(const DeviceConfig &d, const TagDirectory &tags, sim::PlantModel &model, qint64 t0)
        : image(model, faults)
    {
        Diagnostics diagnostics;
        ConfigReader reader = readerOf(d, diagnostics);
        const ModbusSettings settings = ModbusSettings::read(reader);
        for (quint32 t : tags.tagsOfDevice(d.id)) {
            if (auto p = ModbusPoint::resolve(settings, tags.at(t), t, diagnostics))
                points.push_back(*p);
        }
        blocks = ModbusPlanner::plan(points, settings.plannerLimits());
        std::map<qint64, size_t> byPeriod;
        for (size_t b = 0; b < blocks.size(); ++b) {
            auto [it, added] = byPeriod.try_emplace(blocks[b].scanMs, classes.size());
            if (added)
                classes.push_back({blocks[b].scanMs, t0, {}});
            classes[it->second].blocks.push_back(int(b));
        }
    }
    qint64 next() const override
    {
        qint64 n = std::numeric_limits<qint64>::max();
        for (const ScanClass &c : classes)
            n = std::min(n, c.next);
        return n;
    }
    void poll(qint64 now, SampleBatch &out) override
    {
        image.refresh(); // what the server does before it answers
        modbus_mapping_t *map = image.mapping();
        for (ScanClass &c : classes) {
            if (c.next > now)
                continue;
            c.next += c.periodMs;
            for (int b : c.blocks) {
                const ModbusBlock &block = blocks[size_t(b)];
                const uint16_t *registers = nullptr;
                const uint8_t *bits = nullptr;
                switch (block.area) {
                case ModbusAddress::Area::Coil:
                    bits = map->tab_bits + block.start;
                    break;
                case ModbusAddress::Area::DiscreteInput:
                    bits = map->tab_input_bits + block.start;
                    break;
                case ModbusAddress::Area::InputRegister:
                    registers = map->tab_input_registers + block.start;
                    break;
                case ModbusAddress::Area::HoldingRegister:
                    registers = map->tab_registers + block.start;
                    break;
                }
                ModbusSampler::decode(block, points, registers, bits, now, out);
            }
        }
    }
    sim::FaultSwitches faults;
    sim::ModbusImage image;
    std::vector<ModbusPoint> points;
    std::vector<ModbusBlock> blocks;
    std::vector<ScanClass> classes;
};

// MQTT: vigil-sim publishes its state document every 500 ms and a retained status on connect.
struct MqttSource : Source {
    static constexpr qint64 kPeriodMs = 500; // vigil-sim --mqtt-period default
    MqttSource(const DeviceConfig &d, const TagDirectory &tags, sim::PlantModel &model, qint64 t0)
        : model(model)
        , nextMs(t0)
    {
        for (quint32 t : tags.tagsOfDevice(d.id)) {
            Diagnostics diagnostics;
            if (auto mapping = MqttTagMapping::read(tags.at(t), diagnostics))
                router.addTag(t, tags.at(t).type, std::move(*mapping));
        }
    }
    qint64 next() const override { return nextMs; }
    void poll(qint64 now, SampleBatch &out) override
    {
        if (!connected) {
            router.route("riverside/unit1/sim/status", "online", now, out);
            connected = true;
        }
        const QByteArray payload = sim::MqttStatePayload::encode(model.state(), now);
        router.route("riverside/unit1/state", payload, now + 1, out); // broker round trip
        nextMs += kPeriodMs;
    }
    sim::PlantModel &model;
    MqttMessageRouter router;
    qint64 nextMs;
    bool connected = false;
};

// Serial weigh scale: weighs every 100 ms, streams a record (GS and NT lines) every 250 ms.
struct ScaleSource : Source {
    static constexpr qint64 kSampleMs = 100;
    static constexpr qint64 kRecordMs = 250; // vigil-sim --scale-period default
    ScaleSource(const DeviceConfig &d, const TagDirectory &tags, sim::PlantModel &model, qint64 t0)
        : scale(model, 1)
        , settings([&] {
            Diagnostics diagnostics;
            ConfigReader reader = readerOf(d, diagnostics);
            return SerialSettings::read(reader);
        }())
        , framer(settings.framing)
        , decoder(tags, false)
        , t0(t0)
        , nextSample(t0)
        , nextRecord(t0)
    {
        for (quint32 t : tags.tagsOfDevice(d.id)) {
            Diagnostics diagnostics;
            if (auto binding = SerialTagBinding::read(tags.at(t), diagnostics))
                decoder.addBinding(t, std::move(*binding));
        }
    }
    qint64 next() const override { return std::min(nextSample, nextRecord); }
    void poll(qint64 now, SampleBatch &out) override
    {
        const double nowS = double(now - t0) / 1000.0;
        if (nextSample <= now) {
            scale.sample(nowS);
            nextSample += kSampleMs;
        }
        if (nextRecord > now)
            return;
        nextRecord += kRecordMs;
        SerialFramer::Output frames;
        framer.feed(scale.record(), frames);
        for (const QByteArray &bytes : std::as_const(frames.frames)) {
            SerialFrameDecoder::Refusal refusal;
            const std::optional<SerialFrame> frame = decoder.check(bytes, &refusal);
            if (!frame)
                qFatal("scale frame refused: %s", qPrintable(refusal.message));
            std::optional<SerialFrameDecoder::Refusal> malformed;
            decoder.decode(*frame, now + 2, out, malformed); // 9600 Bd: ~20 ms a line; say 2
            if (malformed)
                qFatal("scale frame malformed: %s", qPrintable(malformed->message));
        }
    }
    sim::WeighScale scale;
    SerialSettings settings;
    SerialFramer framer;
    SerialFrameDecoder decoder;
    qint64 t0, nextSample, nextRecord;
};

// The sim driver: every signal at the device's period.
struct SimSource : Source {
    SimSource(const DeviceConfig &d, const TagDirectory &tags, qint64 t0)
        : nextMs(t0)
    {
        const ConfigNode *period = d.node.member(u"period");
        periodMs = period ? Duration::parseMs(period->text).value_or(1000) : 1000;
        const ConfigNode *seed = d.node.member(u"seed");
        rng.seed(seed ? quint64(seed->integer) : 1);
        for (quint32 t : tags.tagsOfDevice(d.id)) {
            QString error;
            if (auto s = SimSignal::parse(tags.at(t).address, tags.at(t).type, &error))
                signals_.emplace_back(t, *s);
        }
    }
    qint64 next() const override { return nextMs; }
    void poll(qint64 now, SampleBatch &out) override
    {
        for (auto &[tag, signal] : signals_)
            out.append(signal.sample(tag, now, rng));
        nextMs += periodMs;
    }
    qint64 periodMs = 1000;
    qint64 nextMs;
    std::mt19937_64 rng;
    std::vector<std::pair<quint32, SimSignal>> signals_;
};

// What an operator does over a shift, repeated every two hours so that history holds the
// transients of a working unit and not only a steady state: setpoint and speed changes, the
// pump stopped for four minutes (the level rises past its high limit), the inlet valve closed (it
// falls).
sim::PlantCommands operatorCommands(qint64 sinceStartMs)
{
    const qint64 minute = sinceStartMs / 60'000 % 120;
    sim::PlantCommands c;
    if (minute >= 20 && minute < 95)
        c.temperatureSp = 65.0;
    else if (minute >= 95)
        c.temperatureSp = 55.0;
    if (minute >= 40 && minute < 50)
        c.pumpSpeed = 75.0;
    c.pumpRun = !(minute >= 55 && minute < 59);
    c.valveOpen = !(minute >= 75 && minute < 83);
    c.heaterOn = !(minute >= 105 && minute < 110);
    return c;
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
    sim::PlantModel model{1}; // vigil-sim --seed default
    qint64 start;
    qint64 now;
    qint64 commandMinute = -1;
    std::vector<std::unique_ptr<Source>> sources;
    std::map<QString, quint64> samples;       // by device
    std::map<QString, std::set<quint32>> fed; // by device
    std::mt19937_64 jitterRng{9};
};

DemoPlantFeed::DemoPlantFeed(const PlantConfig &plant, qint64 t0)
    : d(std::make_unique<State>(plant, t0))
{
    const TagDirectory &tags = *plant.tags;
    for (const DeviceConfig &dev : plant.devices) {
        std::unique_ptr<Source> source;
        if (dev.driver == u"modbus")
            source = std::make_unique<ModbusSource>(dev, tags, d->model, t0);
        else if (dev.driver == u"mqtt")
            source = std::make_unique<MqttSource>(dev, tags, d->model, t0);
        else if (dev.driver == u"serial")
            source = std::make_unique<ScaleSource>(dev, tags, d->model, t0);
        else if (dev.driver == u"sim")
            source = std::make_unique<SimSource>(dev, tags, t0);
        else
            qFatal("demo plant feed: no simulation of driver '%s'", qPrintable(dev.driver));
        source->device = &dev;
        d->sources.push_back(std::move(source));
    }
}

DemoPlantFeed::~DemoPlantFeed() = default;

void DemoPlantFeed::run(qint64 end, const Deliver &deliver)
{
    std::uniform_int_distribution<int> jitter(0, 3);
    qint64 physics = d->now;
    while (true) {
        Source *due = nullptr;
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
                d->model.setCommands(operatorCommands(physics - d->start));
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
        const QString &id = due->device->id;
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
