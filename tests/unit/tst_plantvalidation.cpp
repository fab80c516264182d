// PlantLoader validation of tags, alarms and sim addresses: every mistake is reported as
// "file:line:column: object: what is wrong", all of them, and no plant is returned. CSV tag lists
// are in tst_taglistvalidation; alarm rationalisation, suppression and [alarms] in
// tst_alarmconfig; the plant as a whole, devices and successful loads in tst_plantloader.
// Fixture conventions: see tests/support/plantfixture.h.

#include "builtindrivers.h"
#include "plantfixture.h"

using namespace vigil;
using namespace vigil::testing;

class TstPlantValidation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void tagKeyAndTypeErrors_data();
    void tagKeyAndTypeErrors();
    void tagValueErrors_data();
    void tagValueErrors();
    void alarmErrors_data();
    void alarmErrors();
    void simAddressErrors_data();
    void simAddressErrors();
    void duplicateTagErrors_data();
    void duplicateTagErrors();

private:
    DriverRegistry m_drivers;
};

void TstPlantValidation::initTestCase()
{
    registerBuiltinDrivers(m_drivers);
    QVERIFY(m_drivers.hasDriver(QStringLiteral("sim")));
}

// --- Tags -----------------------------------------------------------------------------------

void TstPlantValidation::tagKeyAndTypeErrors_data()
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

void TstPlantValidation::tagKeyAndTypeErrors()
{
    checkErrors(m_drivers);
}

void TstPlantValidation::tagValueErrors_data()
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
    row("deadband larger than the range", kHead + analogTag({{"deadband", "$150"}}),
        {"{p0}: tag 'TT101': deadband 150 is larger than the whole range [0, 100]: the value "
         "would never update"});
    static const QByteArray longText = "$\"" + QByteArray(5000, 'x') + "\"";
    row("description over 4 KB", kHead + analogTag({{"description", longText.constData()}}),
        {"{p0}: tag 'TT101': 'description' is 5000 characters long; text is limited to 4096 "
         "characters"});
    row("unit over 4 KB", kHead + analogTag({{"unit", longText.constData()}}),
        {"{p0}: tag 'TT101': 'unit' is 5000 characters long; text is limited to 4096 "
         "characters"});
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

void TstPlantValidation::tagValueErrors()
{
    checkErrors(m_drivers);
}

void TstPlantValidation::alarmErrors_data()
{
    addColumns();
    const char *hiAt90 = "{ type = \"hi\", limit = 90, priority = \"high\" }";
    auto alarms = [](const QByteArray &list) { return QByteArray("[\n    ") + list + ",\n]"; };
    auto analogWith = [&](const QByteArray &list) {
        const QByteArray value = alarms(list);
        return kHead + analogTag({{"alarms", value.constData()}});
    };

    static const QByteArray longMessage =
        "{ type = \"hi\", limit = 90, priority = \"high\", message = $\"" + QByteArray(4097, 'm') +
        "\" }";
    row("alarm message over 4 KB", analogWith(longMessage),
        {"{p0}: tag 'TT101': 'message' is 4097 characters long; text is limited to 4096 "
         "characters"});
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

void TstPlantValidation::alarmErrors()
{
    checkErrors(m_drivers);
}

void TstPlantValidation::simAddressErrors_data()
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

void TstPlantValidation::simAddressErrors()
{
    checkErrors(m_drivers);
}

void TstPlantValidation::duplicateTagErrors_data()
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

void TstPlantValidation::duplicateTagErrors()
{
    checkErrors(m_drivers);
}

QTEST_GUILESS_MAIN(TstPlantValidation)
#include "tst_plantvalidation.moc"
