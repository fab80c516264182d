// PlantLoader: reads plant.toml and its CSV tag lists, validates everything, and reports every
// problem as "file:line:column: object: what is wrong". No plant is returned if there is any
// error; warnings do not block loading.
//
// Fixtures are written into a temporary directory. A '$' in a fixture marks where an expected
// message must point: the marker is removed before the file is written and its line and column
// are substituted into the expected text as {p0}, {p1}, ... (plant file) and {c0}, {c1}, ...
// (CSV file), each "path:line:column"; {l0} is the line alone. {plant}, {csv} and {dir} are the
// file paths and the directory. Fixtures are ASCII, so columns count bytes.

#include "builtindrivers.h"
#include "config/plantloader.h"
#include "config/taglistfile.h"
#include "driverregistry.h"

#include <QtTest>

#include <vector>

using namespace vigil;

namespace
{

struct Mark {
    int line = 0;
    int column = 0;
};

// A temporary directory holding a plant file and the CSV files it references.
class Fixture
{
public:
    bool isValid() const { return m_dir.isValid(); }
    QString dir() const { return m_dir.path(); }
    QString path(const QString &name) const { return m_dir.filePath(name); }

    // Writes the text without its '$' markers and remembers where they were.
    QString write(const QString &name, const QByteArray &marked)
    {
        QByteArray text;
        QList<Mark> marks;
        int line = 1;
        int column = 1;
        for (char c : marked) {
            if (c == '$') {
                marks.append({line, column});
                continue;
            }
            text.append(c);
            if (c == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        m_marks.insert(name, marks);
        const QString file = path(name);
        QDir().mkpath(QFileInfo(file).absolutePath());
        QFile out(file);
        if (!out.open(QIODevice::WriteOnly) || out.write(text) != text.size())
            qFatal("cannot write %s", qPrintable(file));
        return file;
    }

    QString at(const QString &name, int index) const
    {
        const QList<Mark> marks = m_marks.value(name);
        if (index >= marks.size())
            return QStringLiteral("<no mark %1 in %2>").arg(index).arg(name);
        return QStringLiteral("%1:%2:%3")
            .arg(path(name))
            .arg(marks[index].line)
            .arg(marks[index].column);
    }

    // Replaces the placeholders of an expected message (see the top of this file).
    QString expand(QString text) const
    {
        static const QRegularExpression placeholder(QStringLiteral("\\{([pcl])(\\d)\\}"));
        QRegularExpressionMatch m;
        while ((m = placeholder.match(text)).hasMatch()) {
            const int index = m.captured(2).toInt();
            const QChar kind = m.captured(1).at(0);
            QString value;
            if (kind == u'p')
                value = at(QStringLiteral("plant.toml"), index);
            else if (kind == u'c')
                value = at(QStringLiteral("tags.csv"), index);
            else
                value =
                    QString::number(m_marks.value(QStringLiteral("plant.toml")).value(index).line);
            text.replace(m.capturedStart(), m.capturedLength(), value);
        }
        text.replace(QStringLiteral("{plant}"), path(QStringLiteral("plant.toml")));
        text.replace(QStringLiteral("{csv}"), path(QStringLiteral("tags.csv")));
        text.replace(QStringLiteral("{dir}"), dir());
        return text;
    }

private:
    QTemporaryDir m_dir;
    QHash<QString, QList<Mark>> m_marks;
};

// --- Building blocks of fixtures ------------------------------------------------------------

const QByteArray kHead = "[plant]\n"
                         "name = \"Test plant\"\n"
                         "\n"
                         "[[devices]]\n"
                         "id = \"dev1\"\n"
                         "driver = \"sim\"\n"
                         "\n";

using Kv = std::pair<const char *, const char *>;

const std::vector<Kv> kAnalog{
    {"id", "\"TT101\""},     {"device", "\"dev1\""}, {"address", "\"sine:period=60s,lo=0,hi=100\""},
    {"type", "\"float64\""}, {"unit", "\"degC\""},   {"range", "[0, 100]"}};
const std::vector<Kv> kBool{{"id", "\"XV101\""},
                            {"device", "\"dev1\""},
                            {"address", "\"square:period=10s\""},
                            {"type", "\"bool\""}};
const std::vector<Kv> kString{{"id", "\"MODE\""},
                              {"device", "\"dev1\""},
                              {"address", "\"text:value=AUTO\""},
                              {"type", "\"string\""}};

// A [[tags]] table from a valid base: an override replaces the value of a base key (nullptr
// removes the key); other overrides are appended in order.
QByteArray tagTable(std::vector<Kv> keys, std::initializer_list<Kv> overrides, bool markTable)
{
    for (const Kv &o : overrides) {
        auto it = std::find_if(keys.begin(), keys.end(),
                               [&](const Kv &k) { return qstrcmp(k.first, o.first) == 0; });
        if (it != keys.end())
            it->second = o.second;
        else
            keys.push_back(o);
    }
    QByteArray out = markTable ? "$[[tags]]\n" : "[[tags]]\n";
    for (const Kv &k : keys) {
        if (k.second)
            out += QByteArray(k.first) + " = " + k.second + "\n";
    }
    return out + "\n";
}

QByteArray analogTag(std::initializer_list<Kv> overrides = {}, bool markTable = false)
{
    return tagTable(kAnalog, overrides, markTable);
}
QByteArray boolTag(std::initializer_list<Kv> overrides = {}, bool markTable = false)
{
    return tagTable(kBool, overrides, markTable);
}
QByteArray stringTag(std::initializer_list<Kv> overrides = {}, bool markTable = false)
{
    return tagTable(kString, overrides, markTable);
}

const QByteArray kTagList = "[[tag_lists]]\n"
                            "file = \"tags.csv\"\n"
                            "device = \"dev1\"\n";
const QByteArray kCsvHeader = "id,address,type,unit,range_lo,range_hi\n";
const QByteArray kCsvRow = "TT201,\"sine:period=60s,lo=0,hi=100\",float64,degC,0,100\n";

void addColumns()
{
    QTest::addColumn<QByteArray>("plant");
    QTest::addColumn<QByteArray>("csv"); // written as tags.csv unless empty
    QTest::addColumn<QStringList>("expected");
}

void row(const char *name, const QByteArray &plant, const QStringList &expected,
         const QByteArray &csv = QByteArray())
{
    QTest::newRow(name) << plant << csv << expected;
}

} // namespace

class TstPlantLoader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void tomlSyntaxErrorStopsLoading_data();
    void tomlSyntaxErrorStopsLoading();
    void missingPlantFileIsAnError();
    void plantStructureErrors_data();
    void plantStructureErrors();
    void deviceErrors_data();
    void deviceErrors();
    void tagKeyAndTypeErrors_data();
    void tagKeyAndTypeErrors();
    void tagValueErrors_data();
    void tagValueErrors();
    void alarmErrors_data();
    void alarmErrors();
    void simAddressErrors_data();
    void simAddressErrors();
    void tagListErrors_data();
    void tagListErrors();
    void duplicateTagErrors_data();
    void duplicateTagErrors();

    void reportsEveryIndependentMistakeAtOnce();
    void environmentOverridesAreValidatedByTheLoader();
    void loadsAValidPlant();
    void warningsDoNotBlockLoading();
    void plantWithoutDevicesLoadsWithAWarning();
    void demoPlantIsValid();

private:
    void checkErrors();
    PlantLoader::Result load(const QString &path) const;

    DriverRegistry m_drivers;
};

void TstPlantLoader::initTestCase()
{
    registerBuiltinDrivers(m_drivers);
    QVERIFY(m_drivers.hasDriver(QStringLiteral("sim")));
}

PlantLoader::Result TstPlantLoader::load(const QString &path) const
{
    // An empty environment: the outcome must not depend on who runs the test.
    return PlantLoader(m_drivers, QProcessEnvironment()).load(path);
}

// Shared body of the data-driven error tests: the diagnostics must be exactly the expected ones,
// in order, and no plant may be returned.
void TstPlantLoader::checkErrors()
{
    QFETCH(QByteArray, plant);
    QFETCH(QByteArray, csv);
    QFETCH(QStringList, expected);

    Fixture f;
    QVERIFY(f.isValid());
    const QString plantPath = f.write(QStringLiteral("plant.toml"), plant);
    if (!csv.isEmpty())
        f.write(QStringLiteral("tags.csv"), csv);
    QStringList want;
    // {drivers}: the registered driver types, which grow as drivers are added.
    for (const QString &e : std::as_const(expected))
        want.append(f.expand(e).replace(QStringLiteral("{drivers}"),
                                        m_drivers.driverTypes().join(QStringLiteral(", "))));

    const PlantLoader::Result result = load(plantPath);
    QCOMPARE(result.diagnostics.toStringList(), want);
    QVERIFY(result.diagnostics.hasErrors());
    QVERIFY(!result.plant.has_value());
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
    Fixture f;
    QVERIFY(f.isValid());
    const QString path = f.path(QStringLiteral("nope.toml"));
    const PlantLoader::Result result = load(path);
    QVERIFY(!result.plant);
    QCOMPARE(
        result.diagnostics.toStringList(),
        QStringList{path + QStringLiteral(": cannot read the file: No such file or directory")});
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

// --- Tags -----------------------------------------------------------------------------------

void TstPlantLoader::tagKeyAndTypeErrors_data()
{
    addColumns();
    const QString types = QStringLiteral(
        "bool, int16, uint16, int32, uint32, int64, uint64, float32, float64, string");

    row("unknown key with a suggestion", kHead + analogTag({{"$decimal", "2"}}),
        {"{p0}: tag 'TT101': unknown key 'decimal' (did you mean 'decimals'?)"});
    row("unknown key without a suggestion", kHead + analogTag({{"$colour", "\"red\""}}),
        {"{p0}: tag 'TT101': unknown key 'colour'"});
    row("missing id", kHead + analogTag({{"id", nullptr}}, true),
        {"{p0}: tag #1: missing required key 'id'"});
    row("missing id of the second tag", kHead + analogTag() + analogTag({{"id", nullptr}}, true),
        {"{p0}: tag #2: missing required key 'id'"});
    row("missing device", kHead + analogTag({{"device", nullptr}}, true),
        {"{p0}: tag 'TT101': missing required key 'device'"});
    row("missing address", kHead + analogTag({{"address", nullptr}}, true),
        {"{p0}: tag 'TT101': missing required key 'address'"});
    row("missing type", kHead + analogTag({{"type", nullptr}}, true),
        {"{p0}: tag 'TT101': missing required key 'type'"});
    row("numeric tag without unit", kHead + analogTag({{"unit", nullptr}}, true),
        {"{p0}: tag 'TT101': missing required key 'unit'"});
    row("numeric tag without range", kHead + analogTag({{"range", nullptr}}, true),
        {"{p0}: tag 'TT101': missing required key 'range'"});
    row("blank address", kHead + analogTag({{"address", "$\"  \""}}),
        {"{p0}: tag 'TT101': 'address' must not be empty"});
    row("unknown device", kHead + analogTag({{"device", "$\"plc9\""}}),
        {"{p0}: tag 'TT101': unknown device 'plc9' (devices: dev1)"});
    row("invalid tag id", kHead + analogTag({{"id", "$\"1TT\""}}),
        {"{p0}: tag '1TT': invalid tag id: use 1 to 64 letters, digits, '_', '.' or '-', "
         "starting with a letter"});
    row("tag id with a space", kHead + analogTag({{"id", "$\"TT 101\""}}),
        {"{p0}: tag 'TT 101': invalid tag id: use 1 to 64 letters, digits, '_', '.' or '-', "
         "starting with a letter"});
    row("tag id is not a string", kHead + analogTag({{"id", "$101"}}),
        {"{p0}: tag #1: 'id' must be a string, got integer"});
    row("unknown data type", kHead + analogTag({{"type", "$\"double\""}}),
        {"{p0}: tag 'TT101': 'type' must be one of " + types + " (got \"double\")"});
    row("range is text", kHead + analogTag({{"range", "$\"0..100\""}}),
        {"{p0}: tag 'TT101': 'range' must be two numbers [low, high]"});
    row("range holds text", kHead + analogTag({{"range", "[0, $\"100\"]"}}),
        {"{p0}: tag 'TT101': 'range' must be two numbers [low, high], got string"});
    row("range of three numbers", kHead + analogTag({{"range", "$[0, 50, 100]"}}),
        {"{p0}: tag 'TT101': 'range' must be two numbers [low, high]"});
    row("decimals as text", kHead + analogTag({{"decimals", "$\"2\""}}),
        {"{p0}: tag 'TT101': 'decimals' must be a whole number, got \"2\""});
    row("decimals as a fraction", kHead + analogTag({{"decimals", "$1.5"}}),
        {"{p0}: tag 'TT101': 'decimals' must be a whole number, got float"});
    row("too many decimals", kHead + analogTag({{"decimals", "$12"}}),
        {"{p0}: tag 'TT101': 'decimals' must be between 0 and 9 (got 12)"});
    row("writable as text", kHead + analogTag({{"writable", "$\"yes\""}}),
        {"{p0}: tag 'TT101': 'writable' must be true or false, got \"yes\""});
    row("unit as a number", kHead + analogTag({{"unit", "$5"}}),
        {"{p0}: tag 'TT101': 'unit' must be a string, got integer"});
    row("deadband as text", kHead + analogTag({{"deadband", "$\"0.5\""}}),
        {"{p0}: tag 'TT101': 'deadband' must be a number, got \"0.5\""});
    row("scan without unit", kHead + analogTag({{"scan", "$5"}}),
        {"{p0}: tag 'TT101': 'scan' must be a duration with a unit such as \"500ms\" or \"5s\", "
         "got integer"});
    row("scan is not a duration", kHead + analogTag({{"scan", "$\"fast\""}}),
        {"{p0}: tag 'TT101': 'scan' is not a duration: \"fast\" (use a number with ms, s, m, h "
         "or d, e.g. \"500ms\" or \"5s\")"});
    row("scan too short", kHead + analogTag({{"scan", "$\"5ms\""}}),
        {"{p0}: tag 'TT101': 'scan' must be between 10 ms and 24 h (got 5 ms)"});
    row("alarms is not an array", kHead + analogTag({{"alarms", "$\"hi\""}}),
        {"{p0}: tag 'TT101': 'alarms' must be an array, got \"hi\""});
    row("options on a sim tag", kHead + analogTag({{"options", "${ register = 3 }"}}),
        {"{p0}: tag 'TT101': the sim driver takes no tag options"});
    row("tag is not a table", "tags = [$\"TT101\"]\n\n" + kHead,
        {"{p0}: tag #1: a tag must be a table"});
}

void TstPlantLoader::tagKeyAndTypeErrors()
{
    checkErrors();
}

void TstPlantLoader::tagValueErrors_data()
{
    addColumns();
    const char *uint16Address = "\"sine:period=60s,lo=0,hi=60000\"";

    row("range low above high", kHead + analogTag({{"range", "$[100, 0]"}}),
        {"{p0}: tag 'TT101': 'range' low (100) must be below high (0)"});
    row("range low equals high", kHead + analogTag({{"range", "$[5, 5]"}}),
        {"{p0}: tag 'TT101': 'range' low (5) must be below high (5)"});
    row("negative deadband", kHead + analogTag({{"deadband", "$-1"}}),
        {"{p0}: tag 'TT101': deadband must not be negative (got -1)"});
    row("deadband and deadband_percent together",
        kHead + analogTag({{"deadband", "1"}, {"deadband_percent", "$2"}}),
        {"{p0}: tag 'TT101': give either 'deadband' or 'deadband_percent', not both"});
    row("deadband_percent above 100", kHead + analogTag({{"deadband_percent", "$150"}}),
        {"{p0}: tag 'TT101': deadband_percent must be between 0 and 100 (got 150)"});
    row("negative deadband_percent", kHead + analogTag({{"deadband_percent", "$-5"}}),
        {"{p0}: tag 'TT101': deadband_percent must be between 0 and 100 (got -5)"});
    row("scale with span and gain",
        kHead + analogTag({{"scale", "${ raw = [0, 1000], eu = [0, 100], gain = 0.1 }"}}),
        {"{p0}: tag 'TT101': scale takes either raw and eu spans or gain and offset, not both"});
    row("scale with raw span only", kHead + analogTag({{"scale", "${ raw = [0, 1000] }"}}),
        {"{p0}: tag 'TT101': scale needs both 'raw' and 'eu' spans, e.g. { raw = [0, 27648], "
         "eu = [0, 100] }"});
    row("empty raw span", kHead + analogTag({{"scale", "{ raw = $[5, 5], eu = [0, 100] }"}}),
        {"{p0}: tag 'TT101': scale raw span must not be empty"});
    row("empty eu span", kHead + analogTag({{"scale", "{ raw = [0, 1000], eu = $[7, 7] }"}}),
        {"{p0}: tag 'TT101': scale eu span must not be empty"});
    row("zero gain", kHead + analogTag({{"scale", "{ gain = $0, offset = 5 }"}}),
        {"{p0}: tag 'TT101': scale gain must not be zero"});
    row("unknown scale key", kHead + analogTag({{"scale", "{ $gian = 2 }"}}),
        {"{p0}: tag 'TT101': unknown key 'gian' (did you mean 'gain'?)"});
    row("writable without write_limits", kHead + analogTag({{"writable", "$true"}}),
        {"{p0}: tag 'TT101': a writable numeric tag needs write_limits = [low, high]"});
    row("write_limits on a read-only tag", kHead + analogTag({{"write_limits", "$[0, 50]"}}),
        {"{p0}: tag 'TT101': write_limits given but the tag is not writable (add writable = "
         "true)"});
    row("write_limits on a tag marked not writable",
        kHead + analogTag({{"writable", "false"}, {"write_limits", "$[0, 50]"}}),
        {"{p0}: tag 'TT101': write_limits given but the tag is not writable (add writable = "
         "true)"});
    row("write_limits low above high",
        kHead + analogTag({{"writable", "true"}, {"write_limits", "$[50, 0]"}}),
        {"{p0}: tag 'TT101': 'write_limits' low (50) must be below high (0)"});
    row("write_limits above what a uint16 holds after scaling",
        kHead + analogTag({{"type", "\"uint16\""},
                           {"address", uint16Address},
                           {"range", "[0, 600]"},
                           {"scale", "{ gain = 0.01 }"},
                           {"writable", "true"},
                           {"write_limits", "$[0, 1000]"}}),
        {"{p0}: tag 'TT101': write_limits [0, 1000] need raw values [0, 100000] that a uint16 "
         "cannot hold"});
    row("write_limits below what a uint16 holds after scaling",
        kHead + analogTag({{"type", "\"uint16\""},
                           {"address", uint16Address},
                           {"range", "[0, 600]"},
                           {"scale", "{ gain = 0.01 }"},
                           {"writable", "true"},
                           {"write_limits", "$[-5, 500]"}}),
        {"{p0}: tag 'TT101': write_limits [-5, 500] need raw values [-500, 50000] that a "
         "uint16 cannot hold"});
    row("range on a bool tag", kHead + boolTag({{"range", "$[0, 1]"}}),
        {"{p0}: tag 'XV101': 'range' applies to numeric tags only, this tag is bool"});
    row("scale on a bool tag", kHead + boolTag({{"scale", "${ gain = 2 }"}}),
        {"{p0}: tag 'XV101': 'scale' applies to numeric tags only, this tag is bool"});
    row("decimals on a bool tag", kHead + boolTag({{"decimals", "$1"}}),
        {"{p0}: tag 'XV101': 'decimals' applies to numeric tags only, this tag is bool"});
    row("deadband on a string tag", kHead + stringTag({{"deadband", "$1"}}),
        {"{p0}: tag 'MODE': 'deadband' applies to numeric tags only, this tag is string"});
    row("deadband_percent on a string tag", kHead + stringTag({{"deadband_percent", "$1"}}),
        {"{p0}: tag 'MODE': 'deadband_percent' applies to numeric tags only, this tag is "
         "string"});
    row("write_limits on a bool tag",
        kHead + boolTag({{"writable", "true"}, {"write_limits", "$[0, 1]"}}),
        {"{p0}: tag 'XV101': write_limits apply to numeric tags only"});
}

void TstPlantLoader::tagValueErrors()
{
    checkErrors();
}

void TstPlantLoader::alarmErrors_data()
{
    addColumns();
    const char *hiAt90 = "{ type = \"hi\", limit = 90, priority = \"high\" }";
    auto alarms = [](const QByteArray &list) { return QByteArray("[\n    ") + list + ",\n]"; };
    auto analogWith = [&](const QByteArray &list) {
        const QByteArray value = alarms(list);
        return kHead + analogTag({{"alarms", value.constData()}});
    };

    row("hihi below hi",
        analogWith(QByteArray(hiAt90) +
                   ",\n    ${ type = \"hihi\", limit = 80, priority = \"critical\" }"),
        {"{p0}: tag 'TT101': hihi limit 80 must be above hi limit 90"});
    row("hihi equal to hi",
        analogWith(QByteArray(hiAt90) +
                   ",\n    ${ type = \"hihi\", limit = 90, priority = \"critical\" }"),
        {"{p0}: tag 'TT101': hihi limit 90 must be above hi limit 90"});
    row("lo above hi",
        analogWith("${ type = \"hi\", limit = 50, priority = \"high\" },\n"
                   "    { type = \"lo\", limit = 60, priority = \"low\" }"),
        {"{p0}: tag 'TT101': hi limit 50 must be above lo limit 60"});
    row("lolo above lo",
        analogWith("{ type = \"lolo\", limit = 30, priority = \"high\" },\n"
                   "    ${ type = \"lo\", limit = 20, priority = \"low\" }"),
        {"{p0}: tag 'TT101': lo limit 20 must be above lolo limit 30"});
    row("second alarm of the same type",
        analogWith("${ type = \"hi\", limit = 80, priority = \"high\" },\n"
                   "    ${ type = \"HI\", limit = 90, priority = \"critical\" }"),
        {"{p1}: tag 'TT101': a second 'hi' alarm (the first is at line {l0})"});
    row("digital alarm on a numeric tag", analogWith("${ type = \"digital\", priority = \"low\" }"),
        {"{p0}: tag 'TT101': a digital alarm needs a bool tag, this tag is float64"});
    row("limit alarm on a bool tag",
        kHead + boolTag({{"alarms", "[${ type = \"hi\", limit = 1, priority = \"low\" }]"}}),
        {"{p0}: tag 'XV101': a hi alarm needs a numeric tag, this tag is bool"});
    row("rate alarm on a string tag",
        kHead + stringTag({{"alarms", "[${ type = \"rate\", limit = 1, priority = \"low\" }]"}}),
        {"{p0}: tag 'MODE': a rate alarm needs a numeric tag, this tag is string"});
    row("deviation setpoint is not a tag",
        analogWith("${ type = \"deviation\", limit = 5, setpoint = \"TIC101.SP\", priority = "
                   "\"medium\" }"),
        {"{p0}: tag 'TT101': deviation alarm setpoint 'TIC101.SP' is not a tag"});
    row("deviation setpoint is not numeric",
        analogWith("${ type = \"deviation\", limit = 5, setpoint = \"XV101\", priority = "
                   "\"medium\" }") +
            boolTag(),
        {"{p0}: tag 'TT101': deviation alarm setpoint 'XV101' is not numeric"});
    row("deviation without setpoint",
        analogWith("${ type = \"deviation\", limit = 5, priority = \"low\" }"),
        {"{p0}: tag 'TT101': missing required key 'setpoint'"});
    row("deviation limit of zero",
        analogWith(
            "{ type = \"deviation\", limit = $0, setpoint = \"TT101\", priority = \"low\" }"),
        {"{p0}: tag 'TT101': deviation alarm limit must be above zero (got 0)"});
    row("negative alarm deadband",
        analogWith("{ type = \"hi\", limit = 90, priority = \"high\", deadband = $-1 }"),
        {"{p0}: tag 'TT101': hi alarm deadband must not be negative (got -1)"});
    row("alarm without priority", analogWith("${ type = \"hi\", limit = 90 }"),
        {"{p0}: tag 'TT101': missing required key 'priority'"});
    row("limit alarm without limit", analogWith("${ type = \"hi\", priority = \"high\" }"),
        {"{p0}: tag 'TT101': missing required key 'limit'"});
    row("alarm without type", analogWith("${ limit = 90, priority = \"high\" }"),
        {"{p0}: tag 'TT101': missing required key 'type'"});
    row("unknown priority", analogWith("{ type = \"hi\", limit = 90, priority = $\"urgent\" }"),
        {"{p0}: tag 'TT101': 'priority' must be one of low, medium, high, critical (got "
         "\"urgent\")"});
    row("unknown alarm type", analogWith("{ type = $\"hihihi\", limit = 99, priority = \"low\" }"),
        {"{p0}: tag 'TT101': 'type' must be one of hihi, hi, lo, lolo, digital, deviation, rate "
         "(got \"hihihi\")"});
    row("on_delay too long",
        analogWith("{ type = \"hi\", limit = 90, priority = \"high\", on_delay = $\"2h\" }"),
        {"{p0}: tag 'TT101': 'on_delay' must be between 0 ms and 1 h (got 2 h)"});
    row("unknown alarm key",
        analogWith("{ type = \"hi\", limit = 90, priority = \"high\", $ondelay = \"5s\" }"),
        {"{p0}: tag 'TT101': unknown key 'ondelay' (did you mean 'on_delay'?)"});
    row("state on a limit alarm",
        analogWith("{ type = \"hi\", limit = 90, priority = \"high\", state = $true }"),
        {"{p0}: tag 'TT101': only digital alarms have a 'state'"});
    row("setpoint on a limit alarm",
        analogWith("{ type = \"hi\", limit = 90, priority = \"high\", setpoint = $\"TT101\" }"),
        {"{p0}: tag 'TT101': only deviation alarms have a 'setpoint'"});
    row("limit on a digital alarm",
        kHead + boolTag({{"alarms", "[{ type = \"digital\", priority = \"low\", limit = $1 }]"}}),
        {"{p0}: tag 'XV101': a digital alarm has a 'state', not a 'limit'"});
    row("alarm is not a table", analogWith("$\"hi\""),
        {"{p0}: tag 'TT101': an alarm must be a table such as { type = \"hi\", limit = 90, "
         "priority = \"high\" }"});
}

void TstPlantLoader::alarmErrors()
{
    checkErrors();
}

void TstPlantLoader::simAddressErrors_data()
{
    addColumns();
    row("string tag on a sine signal",
        kHead + stringTag({{"address", "$\"sine:period=60s,lo=0,hi=100\""}}),
        {"{p0}: tag 'MODE': data type string does not fit sim address "
         "'sine:period=60s,lo=0,hi=100' (string tags use 'text:value=...')"});
    row("bool tag on a sine signal",
        kHead + boolTag({{"address", "$\"sine:period=60s,lo=0,hi=100\""}}),
        {"{p0}: tag 'XV101': data type bool does not fit sim address "
         "'sine:period=60s,lo=0,hi=100' (bool tags use 'square' or 'constant')"});
    row("float tag on a text signal",
        kHead + analogTag({{"type", "\"float32\""}, {"address", "$\"text:value=AUTO\""}}),
        {"{p0}: tag 'TT101': data type float32 does not fit sim address 'text:value=AUTO'"});
    row("unknown sim signal", kHead + analogTag({{"address", "$\"sawtooth:period=10s\""}}),
        {"{p0}: tag 'TT101': unknown sim signal 'sawtooth' in address 'sawtooth:period=10s' "
         "(signals: sine, ramp, random, square, constant, text)"});
    row("unknown sim parameter", kHead + analogTag({{"address", "$\"sine:period=60s,amp=5\""}}),
        {"{p0}: tag 'TT101': unknown parameter 'amp=5' in sim address 'sine:period=60s,amp=5' "
         "(sine takes: period, lo, hi, phase, noise)"});
    row("sim values beyond the data type",
        kHead +
            analogTag({{"type", "\"int16\""}, {"address", "$\"sine:period=60s,lo=0,hi=100000\""}}),
        {"{p0}: tag 'TT101': sim address 'sine:period=60s,lo=0,hi=100000' produces values a "
         "int16 cannot hold"});
}

void TstPlantLoader::simAddressErrors()
{
    checkErrors();
}

// --- CSV tag lists --------------------------------------------------------------------------

void TstPlantLoader::tagListErrors_data()
{
    addColumns();
    const QByteArray plant = kHead + kTagList;
    const QString columns = TagListFile::columns().join(QStringLiteral(", "));

    row("row with too few cells", plant,
        {"{c0}: tag list row 2: row has 3 columns, the header has 6"},
        kCsvHeader + kCsvRow + "$TT202,\"sine:period=60s\",float64\n");
    row("row with too many cells", plant,
        {"{c0}: tag list row 1: row has 7 columns, the header has 6"},
        kCsvHeader + "$TT201,\"sine:period=60s,lo=0,hi=100\",float64,degC,0,100,7\n");
    row("unknown column", plant, {"{c0}: unknown column 'colour' (columns: " + columns + ")"},
        "id,address,type,unit,range_lo,range_hi,$colour\n");
    row("column named twice", plant, {"{c0}: column 'id' appears twice"},
        "id,address,type,unit,range_lo,range_hi,$ID\n");
    row("missing tag list file", kHead + "[[tag_lists]]\nfile = $\"missing.csv\"\n",
        {"{p0}: tag_lists: tag list '{dir}/missing.csv' not found"});
    row("tag list file name is empty", kHead + "[[tag_lists]]\nfile = $\"\"\n",
        {"{p0}: tag_lists: tag list '{dir}' is a directory, not a CSV file"});
    row("empty tag list", plant,
        {"{csv}: the tag list is empty: the first row must name the columns (" + columns + ")"},
        "# nothing here yet\n");
    row("unterminated quote", plant, {"{c0}: quoted cell is never closed"},
        kCsvHeader + "TT201,$\"sine:period=60s,float64,degC,0,100\n");
    row("range_lo is not a number", plant,
        {"{c0}: tag 'TT201': 'range_lo' must be a number, got \"abc\""},
        kCsvHeader + "TT201,\"sine:period=60s,lo=0,hi=100\",float64,degC,$abc,100\n");
    row("range_hi is not a number", plant,
        {"{c0}: tag 'TT201': 'range_hi' must be a number, got \"1O0\""},
        kCsvHeader + "TT201,\"sine:period=60s,lo=0,hi=100\",float64,degC,0,$1O0\n");
    row("range_lo above range_hi", plant,
        {"{c0}: tag 'TT201': 'range' low (100) must be below high (0)"},
        kCsvHeader + "TT201,\"sine:period=60s,lo=0,hi=100\",float64,degC,$100,0\n");
    row("deadband is not a number", plant,
        {"{c0}: tag 'TT201': 'deadband' must be a number, got \"x\""},
        "id,address,type,unit,range_lo,range_hi,deadband\n"
        "TT201,\"sine:period=60s,lo=0,hi=100\",float64,degC,0,100,$x\n");
    row("decimals is not a whole number", plant,
        {"{c0}: tag 'TT201': 'decimals' must be a whole number, got \"2.5\""},
        "id,address,type,unit,range_lo,range_hi,decimals\n"
        "TT201,\"sine:period=60s,lo=0,hi=100\",float64,degC,0,100,$2.5\n");
    row("writable is not a boolean", plant,
        {"{c0}: tag 'TT201': 'writable' must be true or false, got \"maybe\""},
        "id,address,type,unit,range_lo,range_hi,writable\n"
        "TT201,\"sine:period=60s,lo=0,hi=100\",float64,degC,0,100,$maybe\n");
    row("gain is not a number", plant, {"{c0}: tag 'TT201': 'gain' must be a number, got \"ten\""},
        "id,address,type,unit,range_lo,range_hi,gain\n"
        "TT201,\"sine:period=60s,lo=0,hi=100\",float64,degC,0,100,$ten\n");
    row("eu_hi is not a number", plant,
        {"{c0}: tag 'TT201': 'eu_hi' must be a number, got \"full\""},
        "id,address,type,unit,range_lo,range_hi,raw_lo,raw_hi,eu_lo,eu_hi\n"
        "TT201,\"sine:period=60s,lo=0,hi=100\",float64,degC,0,100,0,4095,0,$full\n");
    row("write_lo is not a number", plant,
        {"{c0}: tag 'TT201': 'write_lo' must be a number, got \"min\""},
        "id,address,type,unit,range_lo,range_hi,writable,write_lo,write_hi\n"
        "TT201,\"sine:period=60s,lo=0,hi=100\",float64,degC,0,100,yes,$min,50\n");
    row("address error points into the CSV file", plant,
        {"{c0}: tag 'XV201': data type bool does not fit sim address "
         "'sine:period=60s,lo=0,hi=100' (bool tags use 'square' or 'constant')"},
        "id,address,type\nXV201,$\"sine:period=60s,lo=0,hi=100\",bool\n");
    row("row without an id", plant, {"{c0}: tag list row 1: missing required key 'id'"},
        kCsvHeader + "$,\"sine:period=60s,lo=0,hi=100\",float64,degC,0,100\n");
    row("no device for the rows", kHead + "[[tag_lists]]\nfile = \"tags.csv\"\n",
        {"{c0}: tag 'TT201': missing required key 'device'"}, kCsvHeader + "$" + kCsvRow);
    row("unknown default device",
        kHead + "[[tag_lists]]\nfile = \"tags.csv\"\ndevice = $\"plc9\"\n",
        {"{p0}: tag_lists: unknown device 'plc9' (devices: dev1)"},
        kCsvHeader + kCsvRow + "TT202,\"sine:period=60s,lo=0,hi=100\",float64,degC,0,100\n");
    row("unknown device in a row", plant,
        {"{c0}: tag 'TT201': unknown device 'plc9' (devices: dev1)"},
        "id,device,address,type,unit,range_lo,range_hi\n"
        "TT201,$plc9,\"sine:period=60s,lo=0,hi=100\",float64,degC,0,100\n");
    row("tag list is not a table", "tag_lists = [$\"tags.csv\"]\n\n" + kHead,
        {"{p0}: tag_lists: each tag list must be a table such as { file = \"tags.csv\", device = "
         "\"plc1\" }"});
    row("tag list without file", kHead + "$[[tag_lists]]\ndevice = \"dev1\"\n",
        {"{p0}: tag_lists: missing required key 'file'"});
    row("unknown tag list key", kHead + "[[tag_lists]]\nfile = \"tags.csv\"\n$devices = \"dev1\"\n",
        {"{p0}: tag_lists: unknown key 'devices' (did you mean 'device'?)"}, kCsvHeader);
}

void TstPlantLoader::tagListErrors()
{
    checkErrors();
}

void TstPlantLoader::duplicateTagErrors_data()
{
    addColumns();
    row("two tags in the plant file",
        kHead + analogTag({{"id", "$\"TT101\""}}) +
            analogTag({{"id", "$\"TT101\""}, {"description", "\"copy\""}}),
        {"{p1}: tag 'TT101': duplicate tag id (first defined at {p0})"});
    row("plant file and tag list", kHead + analogTag({{"id", "$\"TT101\""}}) + kTagList,
        {"{c0}: tag 'TT101': duplicate tag id (first defined at {p0})"},
        kCsvHeader + "$TT101,\"sine:period=60s,lo=0,hi=100\",float64,degC,0,100\n");
    row("two rows of a tag list", kHead + kTagList,
        {"{c1}: tag 'TT201': duplicate tag id (first defined at {c0})"},
        kCsvHeader + "$" + kCsvRow + "$" + kCsvRow);
}

void TstPlantLoader::duplicateTagErrors()
{
    checkErrors();
}

// --- Whole plants ---------------------------------------------------------------------------

void TstPlantLoader::reportsEveryIndependentMistakeAtOnce()
{
    Fixture f;
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
    Fixture f;
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
    Fixture f;
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
    Fixture f;
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
    Fixture f;
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
