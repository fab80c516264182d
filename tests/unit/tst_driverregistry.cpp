// Tests DriverRegistry: adding factories (and refusing a second one for a type), lookup, the type
// list, delegation of device and tag validation to the right factory, and what the plant loader
// reports about a driver type nobody registered.
#include "builtindrivers.h"
#include "config/configreader.h"
#include "config/plantloader.h"
#include "config/tomldocument.h"
#include "driverregistry.h"
#include "sim/simdriver.h"
#include "sim/simdriverfactory.h"
#include "util/manualclock.h"

#include <QtTest>

#include <memory>

using namespace vigil;

namespace
{

// What a TestFactory saw; outlives the factory, which the registry owns.
struct FactoryLog {
    int deviceCalls = 0;
    int tagCalls = 0;
    QStringList tagsSeen; // "device/tag"
    bool destroyed = false;
};

class TestDriver final : public Driver
{
public:
    using Driver::Driver;

protected:
    void onStart() override { setStatus(DriverState::Connected); }
    void onStop() override {}
    void onWrite(quint64 id, quint32, const RawValue &) override { completeWrite(id, true); }
};

// A driver type whose devices take "unit_id" (1..247) and whose addresses start with "reg:".
class TestFactory final : public DriverFactory
{
public:
    TestFactory(QString type, FactoryLog *log, QString description = QStringLiteral("Test driver"))
        : m_type(std::move(type))
        , m_description(std::move(description))
        , m_log(log)
    {
    }
    ~TestFactory() override { m_log->destroyed = true; }

    QString type() const override { return m_type; }
    QString description() const override { return m_description; }
    void validateDevice(ConfigReader &device) const override
    {
        ++m_log->deviceCalls;
        device.integer(u"unit_id", 1, 247, ConfigReader::Required);
    }
    void validateTag(const DeviceConfig &device, const TagDefinition &tag,
                     Diagnostics &diagnostics) const override
    {
        ++m_log->tagCalls;
        m_log->tagsSeen.append(device.id + u'/' + tag.id);
        if (!tag.address.startsWith(u"reg:"))
            diagnostics.error(tag.addressLocation, tag.object(),
                              QStringLiteral("test addresses look like 'reg:40001'"));
    }
    std::unique_ptr<Driver> create(DriverContext context) const override
    {
        return std::make_unique<TestDriver>(std::move(context));
    }

private:
    QString m_type;
    QString m_description;
    FactoryLog *m_log;
};

std::optional<ConfigNode> parseToml(const QByteArray &text, Diagnostics &diagnostics)
{
    return TomlDocument::parse(text, QStringLiteral("test.toml"), diagnostics);
}

} // namespace

class TestDriverRegistry : public QObject
{
    Q_OBJECT

private slots:
    void emptyRegistryKnowsNothing();
    void addAndLookUp();
    void refusesASecondFactoryForAType();
    void driverTypesListsEveryTypeSorted();
    void builtinDriversIncludeSim();
    void createsDriversThroughTheFactory();
    void validateDeviceDelegatesToTheType();
    void validateDeviceWithSimSettings();
    void validateTagDelegatesToTheDevicesDriver();
    void validateTagWithSimAddresses();
    void plantLoaderReportsAnUnknownDriver();
    void plantLoaderUsesTheFactories();

private:
    PlantLoader::Result load(const DriverRegistry &registry, const QByteArray &toml);
    QTemporaryDir m_dir;
    int m_files = 0;
};

PlantLoader::Result TestDriverRegistry::load(const DriverRegistry &registry, const QByteArray &toml)
{
    const QString path = m_dir.filePath(QStringLiteral("plant%1.toml").arg(++m_files));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(toml);
    file.close();
    return PlantLoader(registry, QProcessEnvironment()).load(path);
}

void TestDriverRegistry::emptyRegistryKnowsNothing()
{
    DriverRegistry registry;
    QVERIFY(registry.driverTypes().isEmpty());
    QVERIFY(!registry.hasDriver(QStringLiteral("sim")));
    QCOMPARE(registry.factory(QStringLiteral("sim")), nullptr);

    // Validation for an unknown type does nothing (the loader reports the type itself).
    Diagnostics diagnostics;
    const std::optional<ConfigNode> node = parseToml("period = \"1ms\"\n", diagnostics);
    QVERIFY(node);
    ConfigReader reader(*node, QStringLiteral("device 'd'"), diagnostics);
    registry.validateDevice(QStringLiteral("sim"), reader);
    DeviceConfig device;
    device.id = QStringLiteral("d");
    device.driver = QStringLiteral("sim");
    TagDefinition tag;
    tag.id = QStringLiteral("T");
    tag.address = QStringLiteral("nonsense");
    registry.validateTag(device, tag, diagnostics);
    QCOMPARE(diagnostics.items().size(), 0);
}

void TestDriverRegistry::addAndLookUp()
{
    FactoryLog log;
    DriverRegistry registry;
    auto factory = std::make_unique<TestFactory>(QStringLiteral("alpha"), &log);
    const DriverFactory *raw = factory.get();
    QVERIFY(registry.add(std::move(factory)));

    QVERIFY(registry.hasDriver(QStringLiteral("alpha")));
    QCOMPARE(registry.factory(QStringLiteral("alpha")), raw);
    QCOMPARE(registry.factory(QStringLiteral("alpha"))->type(), QStringLiteral("alpha"));
    QCOMPARE(registry.driverTypes(), QStringList{QStringLiteral("alpha")});
    QVERIFY(!registry.hasDriver(QStringLiteral("alph")));
    QVERIFY(!registry.hasDriver(QString()));
    QCOMPARE(registry.factory(QStringLiteral("beta")), nullptr);

    // The registry owns its factories.
    QVERIFY(!log.destroyed);
    {
        FactoryLog scoped;
        {
            DriverRegistry shortLived;
            shortLived.add(std::make_unique<TestFactory>(QStringLiteral("x"), &scoped));
            QVERIFY(!scoped.destroyed);
        }
        QVERIFY(scoped.destroyed);
    }
}

void TestDriverRegistry::refusesASecondFactoryForAType()
{
    FactoryLog first, second;
    DriverRegistry registry;
    QVERIFY(registry.add(
        std::make_unique<TestFactory>(QStringLiteral("alpha"), &first, QStringLiteral("first"))));
    QVERIFY(!registry.add(
        std::make_unique<TestFactory>(QStringLiteral("alpha"), &second, QStringLiteral("second"))));

    // The first one stays; the refused one is not kept (nor leaked).
    QCOMPARE(registry.factory(QStringLiteral("alpha"))->description(), QStringLiteral("first"));
    QCOMPARE(registry.driverTypes(), QStringList{QStringLiteral("alpha")});
    QVERIFY(second.destroyed);
    QVERIFY(!first.destroyed);

    // Also for the built-in type.
    registerBuiltinDrivers(registry);
    QVERIFY(!registry.add(std::make_unique<SimDriverFactory>()));
    QVERIFY(!registry.add(
        std::make_unique<TestFactory>(QStringLiteral("sim"), &second, QStringLiteral("fake"))));
    QVERIFY(dynamic_cast<const SimDriverFactory *>(registry.factory(QStringLiteral("sim"))));
}

void TestDriverRegistry::driverTypesListsEveryTypeSorted()
{
    FactoryLog log;
    DriverRegistry registry;
    QVERIFY(registry.add(std::make_unique<TestFactory>(QStringLiteral("zeta"), &log)));
    registerBuiltinDrivers(registry);
    QVERIFY(registry.add(std::make_unique<TestFactory>(QStringLiteral("alpha"), &log)));
    // The built-in types (sim, serial, ...) and the two test types, sorted.
    DriverRegistry builtins;
    registerBuiltinDrivers(builtins);
    QStringList expected = builtins.driverTypes()
                           << QStringLiteral("alpha") << QStringLiteral("zeta");
    expected.sort();
    QCOMPARE(registry.driverTypes(), expected);
    for (const QString &type : expected) {
        QVERIFY(registry.hasDriver(type));
        QCOMPARE(registry.factory(type)->type(), type);
    }
}

void TestDriverRegistry::builtinDriversIncludeSim()
{
    DriverRegistry registry;
    registerBuiltinDrivers(registry);
    QVERIFY(registry.hasDriver(QStringLiteral("sim")));
    const DriverFactory *sim = registry.factory(QStringLiteral("sim"));
    QVERIFY(sim);
    QCOMPARE(sim->type(), QStringLiteral("sim"));
    QVERIFY(sim->description().contains(QStringLiteral("sine")));
}

void TestDriverRegistry::createsDriversThroughTheFactory()
{
    FactoryLog log;
    DriverRegistry registry;
    registerBuiltinDrivers(registry);
    registry.add(std::make_unique<TestFactory>(QStringLiteral("alpha"), &log));

    std::vector<TagDefinition> defs(2);
    defs[0].id = QStringLiteral("S1");
    defs[0].device = QStringLiteral("simdev");
    defs[0].address = QStringLiteral("constant:value=3");
    defs[1].id = QStringLiteral("A1");
    defs[1].device = QStringLiteral("alphadev");
    defs[1].address = QStringLiteral("reg:40001");
    auto tags = std::make_shared<const TagDirectory>(std::move(defs));
    ManualClock clock;

    DeviceConfig simDevice;
    simDevice.id = QStringLiteral("simdev");
    simDevice.driver = QStringLiteral("sim");
    std::unique_ptr<Driver> sim =
        registry.factory(simDevice.driver)
            ->create({simDevice, tags, tags->tagsOfDevice(simDevice.id), &clock});
    QVERIFY(qobject_cast<SimDriver *>(sim.get()));
    QCOMPARE(sim->deviceId(), QStringLiteral("simdev"));
    QCOMPARE(sim->tagIndices(), std::vector<quint32>{0});

    DeviceConfig alphaDevice;
    alphaDevice.id = QStringLiteral("alphadev");
    alphaDevice.driver = QStringLiteral("alpha");
    std::unique_ptr<Driver> alpha =
        registry.factory(alphaDevice.driver)
            ->create({alphaDevice, tags, tags->tagsOfDevice(alphaDevice.id), &clock});
    QVERIFY(alpha);
    QVERIFY(!qobject_cast<SimDriver *>(alpha.get()));
    QCOMPARE(alpha->deviceId(), QStringLiteral("alphadev"));
    QCOMPARE(alpha->tagIndices(), std::vector<quint32>{1});
}

void TestDriverRegistry::validateDeviceDelegatesToTheType()
{
    FactoryLog alphaLog, betaLog;
    DriverRegistry registry;
    registry.add(std::make_unique<TestFactory>(QStringLiteral("alpha"), &alphaLog));
    registry.add(std::make_unique<TestFactory>(QStringLiteral("beta"), &betaLog));

    Diagnostics diagnostics;
    const std::optional<ConfigNode> node =
        parseToml("unit_id = 300\ncolour = \"red\"\n", diagnostics);
    QVERIFY(node);
    ConfigReader reader(*node, QStringLiteral("device 'd1'"), diagnostics);
    registry.validateDevice(QStringLiteral("beta"), reader);
    QCOMPARE(alphaLog.deviceCalls, 0);
    QCOMPARE(betaLog.deviceCalls, 1);
    // The factory read its key through the reader: its error carries the object and location...
    QCOMPARE(diagnostics.errorCount(), 1);
    QCOMPARE(diagnostics.items()[0].toString(),
             QStringLiteral("test.toml:1:11: device 'd1': 'unit_id' must be between 1 and 247 "
                            "(got 300)"));
    // ...and marked it as known: only the other key is left over.
    reader.finish();
    QCOMPARE(diagnostics.errorCount(), 2);
    QVERIFY(diagnostics.items()[1].message.contains(QStringLiteral("unknown key 'colour'")));
    QVERIFY(!diagnostics.contains(QStringLiteral("unknown key 'unit_id'")));
}

void TestDriverRegistry::validateDeviceWithSimSettings()
{
    DriverRegistry registry;
    registerBuiltinDrivers(registry);

    Diagnostics good;
    const std::optional<ConfigNode> ok = parseToml("period = \"250ms\"\nseed = 7\n", good);
    QVERIFY(ok);
    ConfigReader okReader(*ok, QStringLiteral("device 'sim1'"), good);
    registry.validateDevice(QStringLiteral("sim"), okReader);
    okReader.finish();
    QVERIFY2(good.items().isEmpty(), qPrintable(good.toStringList().join(u'\n')));

    Diagnostics bad;
    const std::optional<ConfigNode> node = parseToml("period = \"5ms\"\nseed = -1\n", bad);
    QVERIFY(node);
    ConfigReader reader(*node, QStringLiteral("device 'sim1'"), bad);
    registry.validateDevice(QStringLiteral("sim"), reader);
    reader.finish();
    QCOMPARE(bad.errorCount(), 2);
    QVERIFY(bad.contains(QStringLiteral("test.toml:1:10: device 'sim1': 'period' must be")));
    QVERIFY(bad.contains(QStringLiteral("test.toml:2:8: device 'sim1': 'seed' must be between 0")));
}

void TestDriverRegistry::validateTagDelegatesToTheDevicesDriver()
{
    FactoryLog alphaLog;
    DriverRegistry registry;
    registerBuiltinDrivers(registry);
    registry.add(std::make_unique<TestFactory>(QStringLiteral("alpha"), &alphaLog));

    DeviceConfig alpha;
    alpha.id = QStringLiteral("plc7");
    alpha.driver = QStringLiteral("alpha");
    TagDefinition tag;
    tag.id = QStringLiteral("PT7");
    tag.address = QStringLiteral("sine:period=1m"); // a sim address: wrong for alpha
    tag.addressLocation = {QStringLiteral("tags.csv"), 4, 9};

    Diagnostics diagnostics;
    registry.validateTag(alpha, tag, diagnostics);
    QCOMPARE(alphaLog.tagCalls, 1);
    QCOMPARE(alphaLog.tagsSeen, QStringList{QStringLiteral("plc7/PT7")});
    QCOMPARE(diagnostics.errorCount(), 1);
    QCOMPARE(diagnostics.items()[0].toString(),
             QStringLiteral("tags.csv:4:9: tag 'PT7': test addresses look like 'reg:40001'"));

    tag.address = QStringLiteral("reg:40007");
    Diagnostics clean;
    registry.validateTag(alpha, tag, clean);
    QCOMPARE(alphaLog.tagCalls, 2);
    QVERIFY(clean.items().isEmpty());

    // The same tag on a sim device goes to the sim factory, not to alpha.
    DeviceConfig sim = alpha;
    sim.driver = QStringLiteral("sim");
    Diagnostics simDiagnostics;
    registry.validateTag(sim, tag, simDiagnostics);
    QCOMPARE(alphaLog.tagCalls, 2);
    QVERIFY(simDiagnostics.contains(QStringLiteral("unknown sim signal 'reg'")));

    // A device whose driver is unknown: nobody is asked.
    DeviceConfig unknown = alpha;
    unknown.driver = QStringLiteral("profibus");
    Diagnostics none;
    registry.validateTag(unknown, tag, none);
    QCOMPARE(alphaLog.tagCalls, 2);
    QVERIFY(none.items().isEmpty());
}

void TestDriverRegistry::validateTagWithSimAddresses()
{
    DriverRegistry registry;
    registerBuiltinDrivers(registry);
    DeviceConfig device;
    device.id = QStringLiteral("sim1");
    device.driver = QStringLiteral("sim");

    TagDefinition tag;
    tag.id = QStringLiteral("TT1");
    tag.type = DataType::Int16;
    tag.address = QStringLiteral("sine:lo=0,hi=40000");
    tag.addressLocation = {QStringLiteral("plant.toml"), 12, 11};
    Diagnostics diagnostics;
    registry.validateTag(device, tag, diagnostics);
    QCOMPARE(diagnostics.errorCount(), 1);
    QVERIFY2(diagnostics.items()[0].toString().startsWith(
                 QStringLiteral("plant.toml:12:11: tag 'TT1': sim address")),
             qPrintable(diagnostics.items()[0].toString()));
    QVERIFY(diagnostics.contains(QStringLiteral("int16 cannot hold")));

    tag.address = QStringLiteral("sine:lo=0,hi=4000");
    Diagnostics clean;
    registry.validateTag(device, tag, clean);
    QVERIFY(clean.items().isEmpty());

    // The sim driver takes no per-tag options.
    tag.options = ConfigNode::makeTable({QStringLiteral("plant.toml"), 13, 11});
    Diagnostics options;
    registry.validateTag(device, tag, options);
    QCOMPARE(options.errorCount(), 1);
    QCOMPARE(options.items()[0].toString(),
             QStringLiteral("plant.toml:13:11: tag 'TT1': the sim driver takes no tag options"));
}

void TestDriverRegistry::plantLoaderReportsAnUnknownDriver()
{
    FactoryLog log;
    DriverRegistry registry;
    registerBuiltinDrivers(registry);
    registry.add(std::make_unique<TestFactory>(QStringLiteral("alpha"), &log));

    const PlantLoader::Result result = load(registry, R"toml([plant]
name = "Unknown driver"

[[devices]]
id = "bus1"
driver = "profibus"
baud = 9600

[[tags]]
id = "PT1"
device = "bus1"
address = "DB1.DBW0"
type = "float64"
unit = "bar"
range = [0, 10]
)toml");
    QVERIFY(!result.plant);
    const QStringList messages = result.diagnostics.toStringList();
    // One error, at the driver value, naming the type and listing the known ones; the device's
    // other keys and its tags are not reported on top of it.
    QCOMPARE(result.diagnostics.errorCount(), 1);
    QVERIFY2(messages[0].endsWith(
                 QStringLiteral("plant1.toml:6:10: device 'bus1': unknown driver 'profibus' "
                                "(drivers: %1)")
                     .arg(registry.driverTypes().join(QStringLiteral(", ")))),
             qPrintable(messages.join(u'\n')));
    QCOMPARE(log.deviceCalls, 0);
    QCOMPARE(log.tagCalls, 0);
}

void TestDriverRegistry::plantLoaderUsesTheFactories()
{
    FactoryLog log;
    DriverRegistry registry;
    registerBuiltinDrivers(registry);
    registry.add(std::make_unique<TestFactory>(QStringLiteral("alpha"), &log));

    const QByteArray plant = R"toml([plant]
name = "Two drivers"

[[devices]]
id = "a1"
driver = "alpha"
unit_id = UNIT

[[devices]]
id = "s1"
driver = "sim"
period = "1s"

[[tags]]
id = "A"
device = "a1"
address = "ADDRESS"
type = "float64"
unit = "bar"
range = [0, 10]

[[tags]]
id = "S"
device = "s1"
address = "ramp:period=10s"
type = "float64"
unit = "bar"
range = [0, 10]
)toml";

    PlantLoader::Result good =
        load(registry, QByteArray(plant).replace("UNIT", "17").replace("ADDRESS", "reg:40001"));
    QVERIFY2(good.plant, qPrintable(good.diagnostics.toStringList().join(u'\n')));
    QCOMPARE(log.deviceCalls, 1);
    QCOMPARE(log.tagCalls, 1);
    QCOMPARE(log.tagsSeen, QStringList{QStringLiteral("a1/A")});
    QCOMPARE(good.plant->devices.size(), 2);

    PlantLoader::Result bad =
        load(registry, QByteArray(plant).replace("UNIT", "0").replace("ADDRESS", "coil:1"));
    QVERIFY(!bad.plant);
    const QString all = bad.diagnostics.toStringList().join(u'\n');
    QCOMPARE(bad.diagnostics.errorCount(), 2);
    QVERIFY2(
        all.contains(QStringLiteral(":7:11: device 'a1': 'unit_id' must be between 1 and 247")),
        qPrintable(all));
    QVERIFY2(all.contains(QStringLiteral(":17:11: tag 'A': test addresses look like")),
             qPrintable(all));
}

QTEST_GUILESS_MAIN(TestDriverRegistry)
#include "tst_driverregistry.moc"
