// PlantLoader: reads plant.toml and its CSV tag lists, validates everything, and reports every
// problem as "file:line:column: object: what is wrong". No plant is returned if there is any
// error; warnings do not block loading.
//
// This file: the plant file as a whole, devices, and successful loads; tags, alarms and tag
// lists are in tst_plantvalidation. Fixture conventions: see tests/support/plantfixture.h.

#include "builtindrivers.h"
#include "plantfixture.h"

using namespace vigil;
using namespace vigil::testing;

class TstPlantLoader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void tomlSyntaxErrorStopsLoading_data();
    void tomlSyntaxErrorStopsLoading();
    void missingPlantFileIsAnError();
    void plantFileSymlinkLoopIsNamed();
    void plantStructureErrors_data();
    void plantStructureErrors();
    void deviceErrors_data();
    void deviceErrors();

    void reportsEveryIndependentMistakeAtOnce();
    void environmentOverridesAreValidatedByTheLoader();
    void loadsAValidPlant();
    void warningsDoNotBlockLoading();
    void plantWithoutDevicesLoadsWithAWarning();
    void demoPlantIsValid();

private:
    void checkErrors() { vigil::testing::checkErrors(m_drivers); }
    PlantLoader::Result load(const QString &path) const
    {
        return vigil::testing::load(m_drivers, path);
    }

    DriverRegistry m_drivers;
};

void TstPlantLoader::initTestCase()
{
    registerBuiltinDrivers(m_drivers);
    QVERIFY(m_drivers.hasDriver(QStringLiteral("sim")));
}

// --- The plant file as a whole --------------------------------------------------------------

void TstPlantLoader::tomlSyntaxErrorStopsLoading_data()
{
    addColumns();
    // Nothing after a syntax error is validated: the unknown device below is not reported.
    row("missing comma in an inline table",
        kHead + analogTag({{"device", "\"nope\""}, {"scale", "{ raw = [0, 10] $eu = [0, 1] }"}}),
        {"{p0}: TOML syntax error in inline table: expected comma or closing '}', saw 'e'"});
    row("key defined twice", "[plant]\nname = \"A\"\nname = $\"B\"\n",
        {"{p0}: TOML syntax error in key-value pair: cannot redefine existing string 'name'"});
}

void TstPlantLoader::tomlSyntaxErrorStopsLoading()
{
    checkErrors();
}

void TstPlantLoader::missingPlantFileIsAnError()
{
    PlantFixture f;
    QVERIFY(f.isValid());
    const QString path = f.path(QStringLiteral("nope.toml"));
    const PlantLoader::Result result = load(path);
    QVERIFY(!result.plant);
    QCOMPARE(
        result.diagnostics.toStringList(),
        QStringList{path + QStringLiteral(": cannot read the file: No such file or directory")});
}

void TstPlantLoader::plantFileSymlinkLoopIsNamed()
{
    PlantFixture f;
    QVERIFY(f.isValid());
    const QString a = f.path(QStringLiteral("a.toml"));
    const QString b = f.path(QStringLiteral("b.toml"));
    QVERIFY(QFile::link(b, a));
    QVERIFY(QFile::link(a, b));
    const PlantLoader::Result result = load(a);
    QVERIFY(!result.plant);
    QCOMPARE(
        result.diagnostics.toStringList(),
        QStringList{a + QStringLiteral(": cannot read the file: it is a symbolic link loop (") + a +
                    QStringLiteral(" -> ") + b + QStringLiteral(" -> ") + a + QStringLiteral(")")});
}

void TstPlantLoader::plantStructureErrors_data()
{
    addColumns();
    const QByteArray device = "[[devices]]\nid = \"dev1\"\ndriver = \"sim\"\n";

    row("no [plant] table", device, {"{plant}:1:1: missing required key 'plant'"});
    row("[plant] without a name", "$[plant]\ndescription = \"Tank farm\"\n\n" + device,
        {"{p0}: plant: missing required key 'name'"});
    row("blank plant name", "[plant]\nname = $\"  \"\n\n" + device,
        {"{p0}: plant: the plant name must not be empty"});
    row("plant name is not a string", "[plant]\nname = $42\n\n" + device,
        {"{p0}: plant: 'name' must be a string, got integer"});
    row("plant is not a table", "plant = $\"Tank farm\"\n\n" + device,
        {"{p0}: 'plant' must be a table, got \"Tank farm\""});
    row("unknown top-level key", "$colour = \"blue\"\n\n" + kHead, {"{p0}: unknown key 'colour'"});
    row("misspelt top-level table", kHead + "[$settngs]\ndata_dir = \"/srv/vigil\"\n",
        {"{p0}: unknown key 'settngs' (did you mean 'settings'?)"});
    row("misspelt top-level array", "$tag_list = []\n\n" + kHead,
        {"{p0}: unknown key 'tag_list' (did you mean 'tag_lists'?)"});
    row("unknown key in [plant]", "[plant]\nname = \"Test plant\"\n$titel = \"x\"\n\n" + device,
        {"{p0}: plant: unknown key 'titel'"});
    row("unknown key in [settings]", kHead + "[settings]\n$databse_url = \"sqlite:/x.db\"\n",
        {"{p0}: settings: unknown key 'databse_url' (did you mean 'database_url'?)"});
    row("bad broker url in [settings]", kHead + "[settings]\nbroker_url = $\"tcp://broker\"\n",
        {"{p0}: settings: 'tcp://broker' is not a broker URL (use mqtt://host:port or "
         "mqtts://host:port)"});
    row("devices is a table", "[plant]\nname = \"Test plant\"\n\n$[devices]\nid = \"dev1\"\n",
        {"{p0}: 'devices' must be an array, got table"});
    row("tags is not an array", "tags = $5\n\n" + kHead,
        {"{p0}: 'tags' must be an array, got integer"});
}

void TstPlantLoader::plantStructureErrors()
{
    checkErrors();
}

void TstPlantLoader::deviceErrors_data()
{
    addColumns();
    const QByteArray plant = "[plant]\nname = \"Test plant\"\n\n";

    row("duplicate device id",
        plant + "$[[devices]]\nid = \"dev1\"\ndriver = \"sim\"\n\n"
                "[[devices]]\nid = $\"dev1\"\ndriver = \"sim\"\n",
        {"{p1}: device 'dev1': duplicate device id (first defined at {p0})"});
    row("unknown driver",
        plant + "[[devices]]\nid = \"plc1\"\ndriver = $\"profibus\"\nstation = 3\n",
        {"{p0}: device 'plc1': unknown driver 'profibus' (drivers: {drivers})"});
    row("device without id", plant + "$[[devices]]\ndriver = \"sim\"\n",
        {"{p0}: device #1: missing required key 'id'"});
    row("device without driver", plant + "$[[devices]]\nid = \"dev1\"\n",
        {"{p0}: device 'dev1': missing required key 'driver'"});
    row("invalid device id", plant + "[[devices]]\nid = $\"plc 1\"\ndriver = \"sim\"\n",
        {"{p0}: device 'plc 1': invalid device id: use 1 to 32 letters, digits, '_' or '-', "
         "starting with a letter"});
    row("device id is not a string", plant + "[[devices]]\nid = $7\ndriver = \"sim\"\n",
        {"{p0}: device #1: 'id' must be a string, got integer"});
    row("unknown device key", plant + "[[devices]]\nid = \"dev1\"\ndriver = \"sim\"\n$sead = 7\n",
        {"{p0}: device 'dev1': unknown key 'sead' (did you mean 'seed'?)"});
    row("sim period without unit",
        plant + "[[devices]]\nid = \"dev1\"\ndriver = \"sim\"\nperiod = $250\n",
        {"{p0}: device 'dev1': 'period' must be a duration with a unit such as \"500ms\" or "
         "\"5s\", got integer"});
    row("negative sim seed", plant + "[[devices]]\nid = \"dev1\"\ndriver = \"sim\"\nseed = $-1\n",
        {"{p0}: device 'dev1': 'seed' must be between 0 and 9223372036854775807 (got -1)"});
    row("enabled is not a boolean",
        plant + "[[devices]]\nid = \"dev1\"\ndriver = \"sim\"\nenabled = $\"no\"\n",
        {"{p0}: device 'dev1': 'enabled' must be true or false, got \"no\""});
    row("device is not a table", "devices = [$\"dev1\"]\n\n" + plant,
        {"{p0}: device #1: a device must be a table"});
}

void TstPlantLoader::deviceErrors()
{
    checkErrors();
}

// --- Whole plants ---------------------------------------------------------------------------

void TstPlantLoader::reportsEveryIndependentMistakeAtOnce()
{
    PlantFixture f;
    QVERIFY(f.isValid());
    const QString path = f.write(QStringLiteral("plant.toml"),
                                 kHead + analogTag({{"device", "$\"plc9\""}}) +
                                     analogTag({{"id", "\"TT102\""}, {"type", "$\"double\""}}) +
                                     analogTag({{"id", "\"TT103\""}, {"deadband", "$-1"}}) +
                                     analogTag({{"id", "\"TT104\""}, {"$colour", "\"red\""}}) +
                                     analogTag({{"id", "\"TT105\""}, {"range", "$[100, 0]"}}));
    const PlantLoader::Result result = load(path);
    QVERIFY(!result.plant);
    QCOMPARE(result.diagnostics.errorCount(), 5);
    const QStringList expected{
        f.expand("{p0}: tag 'TT101': unknown device 'plc9' (devices: dev1)"),
        f.expand("{p1}: tag 'TT102': 'type' must be one of bool, int16, uint16, int32, uint32, "
                 "int64, uint64, float32, float64, string (got \"double\")"),
        f.expand("{p2}: tag 'TT103': deadband must not be negative (got -1)"),
        f.expand("{p3}: tag 'TT104': unknown key 'colour'"),
        f.expand("{p4}: tag 'TT105': 'range' low (100) must be below high (0)"),
    };
    QCOMPARE(result.diagnostics.toStringList(), expected);
}

void TstPlantLoader::environmentOverridesAreValidatedByTheLoader()
{
    PlantFixture f;
    QVERIFY(f.isValid());
    const QString path = f.write(QStringLiteral("plant.toml"), kHead + analogTag());

    QProcessEnvironment good;
    good.insert(QStringLiteral("VIGIL_BROKER_URL"), QStringLiteral("mqtt://broker.test:1884"));
    const PlantLoader::Result ok = PlantLoader(m_drivers, good).load(path);
    QVERIFY(ok.plant);
    QCOMPARE(ok.plant->settings.brokerUrl(), QStringLiteral("mqtt://broker.test:1884"));

    QProcessEnvironment bad;
    bad.insert(QStringLiteral("VIGIL_DATABASE_URL"), QStringLiteral("journal.db"));
    const PlantLoader::Result refused = PlantLoader(m_drivers, bad).load(path);
    QVERIFY(!refused.plant);
    QCOMPARE(refused.diagnostics.toStringList(),
             QStringList{"environment VIGIL_DATABASE_URL: 'journal.db' is not a database URL (use "
                         "sqlite:PATH or postgresql://user@host:port/database)"});
}

void TstPlantLoader::loadsAValidPlant()
{
    PlantFixture f;
    QVERIFY(f.isValid());
    const QString path = f.write(QStringLiteral("plant.toml"), R"([plant]
name = "Valid plant"
description = "Everything that loads"

[settings]
data_dir = "/srv/vigil-test"

[[devices]]
id = "plc1"
driver = "sim"
description = "Unit 1"
period = "500ms"
seed = 3

[[devices]]
id = "utilities"
driver = "sim"
enabled = false

[[tags]]
id = $"LT101"
description = "Level"
device = "plc1"
address = "sine:period=10m,lo=4000,hi=20000"
type = "int32"
scale = { raw = [4000, 20000], eu = [0, 100] }
unit = "%"
range = [0, 100]
deadband_percent = 0.5
decimals = 1
scan = "2s"
alarms = [
    { type = "hihi", limit = 95, priority = "critical", message = "Overfill" },
    { type = "hi", limit = 85, priority = "high", deadband = 1, on_delay = "5s", off_delay = "1.5s" },
    { type = "lo", limit = 15, priority = "medium", realarm = "1h", latch = true },
    { type = "lolo", limit = 5, priority = "low" },
]

[[tags]]
id = "TT101"
device = "plc1"
address = "sine:period=7m,lo=48,hi=72"
type = "float64"
unit = "degC"
range = [0, 120]
deadband = 0.2
alarms = [{ type = "deviation", limit = 10, setpoint = "TIC101.SP", priority = "medium" }]

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
id = "P101.RUN"
device = "plc1"
address = "square:period=3m,duty=0.7"
type = "bool"
alarms = [{ type = "digital", state = false, priority = "low", on_delay = "2s" }]

[[tags]]
id = "P101.MODE"
device = "plc1"
address = "text:value=AUTO"
type = "string"

[[tags]]
id = "FQ101"
device = "plc1"
address = "ramp:period=1h,lo=0,hi=1000"
type = "uint32"
unit = "m3"
range = [0, 1000]
scale = { gain = 0.5, offset = 10 }

[[tag_lists]]
file = "lists/utilities.csv"
device = "utilities"
)");
    f.write(QStringLiteral("lists/utilities.csv"),
            "# Utilities\n"
            "id,description,device,address,type,unit,range_lo,range_hi,raw_lo,raw_hi,eu_lo,eu_hi,"
            "deadband_percent,writable,write_lo,write_hi\n"
            "PT201,Air pressure,,\"sine:period=5m,lo=0,hi=4095\",uint16,bar,0,10,0,4095,0,10,1,,,\n"
            "FV201,Valve position,plc1,constant:value=50,float32,%,0,100,,,,,,yes,0,100\n");

    const PlantLoader::Result result = load(path);
    QCOMPARE(result.diagnostics.toStringList(), QStringList());
    QVERIFY(result.plant);
    const PlantConfig &plant = *result.plant;
    QCOMPARE(plant.name, QStringLiteral("Valid plant"));
    QCOMPARE(plant.description, QStringLiteral("Everything that loads"));
    QCOMPARE(plant.filePath, QFileInfo(path).absoluteFilePath());
    QCOMPARE(plant.settings.dataDir(), QStringLiteral("/srv/vigil-test"));
    QCOMPARE(plant.settings.historyUrl(), QStringLiteral("sqlite:/srv/vigil-test/history.db"));

    QCOMPARE(plant.devices.size(), 2);
    QCOMPARE(plant.devices[0].id, QStringLiteral("plc1"));
    QCOMPARE(plant.devices[0].driver, QStringLiteral("sim"));
    QCOMPARE(plant.devices[0].description, QStringLiteral("Unit 1"));
    QVERIFY(plant.devices[0].enabled);
    QCOMPARE(plant.devices[0].node.member(u"period")->text, QStringLiteral("500ms"));
    QCOMPARE(plant.devices[1].id, QStringLiteral("utilities"));
    QVERIFY(!plant.devices[1].enabled);
    QVERIFY(plant.device(QStringLiteral("utilities")));
    QVERIFY(!plant.device(QStringLiteral("nope")));

    // Tags of the plant file in order, then those of the tag list.
    QVERIFY(plant.tags);
    const TagDirectory &tags = *plant.tags;
    QStringList ids;
    for (const TagDefinition &t : tags.all())
        ids.append(t.id);
    QCOMPARE(ids, QStringList({"LT101", "TT101", "TIC101.SP", "P101.RUN", "P101.MODE", "FQ101",
                               "PT201", "FV201"}));

    const TagDefinition &lt = tags.at(*tags.indexOf(QStringLiteral("LT101")));
    QCOMPARE(lt.location.toString(), f.expand(QStringLiteral("{p0}")));
    QCOMPARE(lt.description, QStringLiteral("Level"));
    QCOMPARE(lt.device, QStringLiteral("plc1"));
    QCOMPARE(lt.type, DataType::Int32);
    QCOMPARE(lt.unit, QStringLiteral("%"));
    // raw 4000..20000 -> 0..100 %: gain 100 / 16000, offset -4000 * gain.
    QCOMPARE(lt.scaling.gain(), 0.00625);
    QCOMPARE(lt.scaling.offset(), -25.0);
    QCOMPARE(lt.scaling.toEngineering(12000), 50.0);
    QCOMPARE(lt.deadband, 0.5); // 0.5 % of the range 0..100
    QCOMPARE(lt.decimals, 1);
    QCOMPARE(lt.scanMs, qint64(2000));
    QVERIFY(!lt.writable);
    QCOMPARE(lt.alarms.size(), 4);
    const AlarmRule &hihi = lt.alarms[0];
    QCOMPARE(hihi.type, AlarmType::HiHi);
    QCOMPARE(hihi.priority, AlarmPriority::Critical);
    QCOMPARE(hihi.limit, 95.0);
    QCOMPARE(hihi.message, QStringLiteral("Overfill"));
    const AlarmRule &hi = lt.alarms[1];
    QCOMPARE(hi.type, AlarmType::Hi);
    QCOMPARE(hi.priority, AlarmPriority::High);
    QCOMPARE(hi.deadband, 1.0);
    QCOMPARE(hi.onDelayMs, qint64(5000));
    QCOMPARE(hi.offDelayMs, qint64(1500));
    QCOMPARE(hi.realarmMs, qint64(0));
    QVERIFY(!hi.latch);
    const AlarmRule &lo = lt.alarms[2];
    QCOMPARE(lo.type, AlarmType::Lo);
    QCOMPARE(lo.priority, AlarmPriority::Medium);
    QCOMPARE(lo.realarmMs, qint64(3'600'000));
    QVERIFY(lo.latch);
    QCOMPARE(lt.alarms[3].type, AlarmType::LoLo);
    QCOMPARE(lt.alarms[3].priority, AlarmPriority::Low);
    QCOMPARE(lt.alarms[3].limit, 5.0);

    const TagDefinition &tt = tags.at(*tags.indexOf(QStringLiteral("TT101")));
    QCOMPARE(tt.deadband, 0.2);
    QVERIFY(tt.scaling.isIdentity());
    QCOMPARE(tt.alarms.size(), 1);
    QCOMPARE(tt.alarms[0].type, AlarmType::Deviation);
    QCOMPARE(tt.alarms[0].setpointTag, QStringLiteral("TIC101.SP"));
    QCOMPARE(tt.alarms[0].limit, 10.0);

    const TagDefinition &sp = tags.at(*tags.indexOf(QStringLiteral("TIC101.SP")));
    QVERIFY(sp.writable);
    QCOMPARE(sp.writeMin, 20.0);
    QCOMPARE(sp.writeMax, 90.0);

    const TagDefinition &run = tags.at(*tags.indexOf(QStringLiteral("P101.RUN")));
    QCOMPARE(run.type, DataType::Bool);
    QCOMPARE(run.alarms.size(), 1);
    QCOMPARE(run.alarms[0].type, AlarmType::Digital);
    QCOMPARE(run.alarms[0].digitalState, false);
    QCOMPARE(run.alarms[0].onDelayMs, qint64(2000));

    const TagDefinition &mode = tags.at(*tags.indexOf(QStringLiteral("P101.MODE")));
    QCOMPARE(mode.type, DataType::String);
    QVERIFY(mode.alarms.isEmpty());

    const TagDefinition &fq = tags.at(*tags.indexOf(QStringLiteral("FQ101")));
    QCOMPARE(fq.scaling.gain(), 0.5);
    QCOMPARE(fq.scaling.offset(), 10.0);

    // Tag list rows: the list's default device unless the row names one; folded columns.
    const QString csvPath = f.path(QStringLiteral("lists/utilities.csv"));
    const TagDefinition &pt = tags.at(*tags.indexOf(QStringLiteral("PT201")));
    QCOMPARE(pt.device, QStringLiteral("utilities"));
    QCOMPARE(pt.description, QStringLiteral("Air pressure"));
    QCOMPARE(pt.address, QStringLiteral("sine:period=5m,lo=0,hi=4095"));
    QCOMPARE(pt.type, DataType::UInt16);
    QCOMPARE(pt.unit, QStringLiteral("bar"));
    QCOMPARE(pt.rangeLo, 0.0);
    QCOMPARE(pt.rangeHi, 10.0);
    QCOMPARE(pt.scaling.gain(), 10.0 / 4095.0);
    QCOMPARE(pt.scaling.offset(), 0.0);
    QCOMPARE(pt.deadband, 0.1); // 1 % of 0..10
    QVERIFY(!pt.writable);
    QCOMPARE(pt.location.toString(), csvPath + QStringLiteral(":3:1"));
    QCOMPARE(pt.addressLocation.toString(), csvPath + QStringLiteral(":3:21"));

    const TagDefinition &fv = tags.at(*tags.indexOf(QStringLiteral("FV201")));
    QCOMPARE(fv.device, QStringLiteral("plc1"));
    QVERIFY(fv.writable);
    QCOMPARE(fv.writeMin, 0.0);
    QCOMPARE(fv.writeMax, 100.0);

    QCOMPARE(tags.tagsOfDevice(QStringLiteral("utilities")),
             std::vector<quint32>{*tags.indexOf(QStringLiteral("PT201"))});
}

void TstPlantLoader::warningsDoNotBlockLoading()
{
    PlantFixture f;
    QVERIFY(f.isValid());
    const QString path = f.write(
        QStringLiteral("plant.toml"),
        kHead + analogTag({{"alarms", "[{ type = \"hi\", limit = $150, priority = \"high\" }]"}}));
    const PlantLoader::Result result = load(path);
    QVERIFY(result.plant);
    QCOMPARE(result.diagnostics.errorCount(), 0);
    QCOMPARE(result.diagnostics.warningCount(), 1);
    QCOMPARE(result.diagnostics.toStringList(),
             QStringList{f.expand("{p0}: warning: tag 'TT101': hi limit 150 lies outside the "
                                  "display range [0, 100]")});
    QCOMPARE(result.plant->tags->size(), 1u);
    QCOMPARE(result.plant->tags->at(0).alarms.size(), 1);
    QCOMPARE(result.plant->tags->at(0).alarms[0].limit, 150.0);
}

void TstPlantLoader::plantWithoutDevicesLoadsWithAWarning()
{
    PlantFixture f;
    QVERIFY(f.isValid());
    const QString path = f.write(QStringLiteral("plant.toml"), "[plant]\nname = \"Empty\"\n");
    const PlantLoader::Result result = load(path);
    QVERIFY(result.plant);
    QCOMPARE(result.diagnostics.toStringList(),
             QStringList{path + QStringLiteral(":1:1: warning: the plant has no devices")});
    QCOMPARE(result.plant->devices.size(), 0);
    QCOMPARE(result.plant->tags->size(), 0u);
}

void TstPlantLoader::demoPlantIsValid()
{
    const QString path = QStringLiteral(VIGIL_SOURCE_DIR "/resources/demo/plant.toml");
    QVERIFY2(QFileInfo::exists(path), qPrintable(path));
    const PlantLoader::Result result = load(path);
    QCOMPARE(result.diagnostics.errorCount(), 0);
    QVERIFY2(result.plant, qPrintable(result.diagnostics.toStringList().join(u'\n')));
    QVERIFY(!result.plant->name.isEmpty());
    QVERIFY(!result.plant->devices.isEmpty());
    QVERIFY(result.plant->tags->size() > 0);
    // The tag list rows get a device of the plant too.
    bool fromTagList = false;
    for (const TagDefinition &t : result.plant->tags->all()) {
        QVERIFY2(result.plant->device(t.device), qPrintable(t.id));
        fromTagList = fromTagList || t.location.file.endsWith(u".csv");
    }
    QVERIFY(fromTagList);
}

QTEST_GUILESS_MAIN(TstPlantLoader)
#include "tst_plantloader.moc"
