// The alarm data of the plant file beyond limits and delays: the rationalisation texts an operator
// reads (cause, consequence, action, response_time), suppression by design (suppressed_by,
// suppress_when) and the alarm engine's [alarms] table. Each key is read onto AlarmRule or
// AlarmEngineOptions; each mistake is reported as "file:line:column: object: what is wrong". Limit
// and delay errors are in tst_plantvalidation. Fixture conventions: see
// tests/support/plantfixture.h.

#include "builtindrivers.h"
#include "config/alarmrulereader.h"
#include "plantfixture.h"

using namespace vigil;
using namespace vigil::testing;

class TstAlarmConfig : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void readsRationalisationTexts();
    void rulesWithoutRationalisationOrSuppressionKeepTheDefaults();
    void readsSuppressionByABoolTag();
    void readsSuppressWhenFalse();
    void readsSuppressionByAnUnscaledIntegerTag();
    void ruleErrors_data();
    void ruleErrors();

    void engineOptionsDefaultWithoutAnAlarmsTable();
    void readsEveryEngineOption();
    void engineOptionErrors_data();
    void engineOptionErrors();

    void demoPlantHasTextsOnEveryAlarm();

private:
    // The plant, if it loads without errors or warnings (else they are printed).
    std::optional<PlantConfig> loadValid(const QByteArray &plant);
    DriverRegistry m_drivers;
};

namespace
{

const char *const kHiAt90 = "type = \"hi\", limit = 90, priority = \"high\"";

// An analog tag TT101 with one hi alarm carrying the given extra keys, e.g. `cause = "x"`.
QByteArray analogWithHi(const QByteArray &keys)
{
    const QByteArray alarms = "[{ " + QByteArray(kHiAt90) + ", " + keys + " }]";
    return kHead + analogTag({{"alarms", alarms.constData()}});
}

const AlarmRule &firstRule(const PlantConfig &plant, const QString &tag)
{
    const std::optional<quint32> index = plant.tags->indexOf(tag);
    if (!index || plant.tags->at(*index).alarms.isEmpty())
        qFatal("tag %s has no alarm", qPrintable(tag));
    return plant.tags->at(*index).alarms.first();
}

} // namespace

void TstAlarmConfig::initTestCase()
{
    registerBuiltinDrivers(m_drivers);
    QVERIFY(m_drivers.hasDriver(QStringLiteral("sim")));
}

std::optional<PlantConfig> TstAlarmConfig::loadValid(const QByteArray &plant)
{
    return vigil::testing::loadValid(m_drivers, plant);
}

// --- Rationalisation and suppression --------------------------------------------------------

void TstAlarmConfig::readsRationalisationTexts()
{
    const std::optional<PlantConfig> plant = loadValid(
        analogWithHi("cause = \"Heater stuck on\", consequence = \"  Product off spec  \", "
                     "action = \"Switch E-101 off\", response_time = \"5min\""));
    QVERIFY(plant);
    const AlarmRule &rule = firstRule(*plant, QStringLiteral("TT101"));
    QCOMPARE(rule.cause, QStringLiteral("Heater stuck on"));
    QCOMPARE(rule.consequence, QStringLiteral("Product off spec")); // trimmed
    QCOMPARE(rule.action, QStringLiteral("Switch E-101 off"));
    QCOMPARE(rule.responseTimeMs, 300'000);
}

void TstAlarmConfig::rulesWithoutRationalisationOrSuppressionKeepTheDefaults()
{
    const std::optional<PlantConfig> plant = loadValid(analogWithHi("message = \"hot\""));
    QVERIFY(plant);
    const AlarmRule &rule = firstRule(*plant, QStringLiteral("TT101"));
    QVERIFY(rule.cause.isEmpty());
    QVERIFY(rule.consequence.isEmpty());
    QVERIFY(rule.action.isEmpty());
    QCOMPARE(rule.responseTimeMs, 0);
    QVERIFY(rule.suppressionTag.isEmpty());
    QVERIFY(rule.suppressWhen);
}

void TstAlarmConfig::readsSuppressionByABoolTag()
{
    // The condition tag may come after the alarm that names it.
    const std::optional<PlantConfig> plant =
        loadValid(analogWithHi("suppressed_by = \"XV101\"") + boolTag());
    QVERIFY(plant);
    const AlarmRule &rule = firstRule(*plant, QStringLiteral("TT101"));
    QCOMPARE(rule.suppressionTag, QStringLiteral("XV101"));
    QVERIFY(rule.suppressWhen); // the default: suppressed while the tag is true
    QVERIFY(rule.suppressionLocation.isValid());
}

void TstAlarmConfig::readsSuppressWhenFalse()
{
    const std::optional<PlantConfig> plant = loadValid(
        kHead + boolTag() +
        analogWithHi("suppressed_by = \"XV101\", suppress_when = false").mid(kHead.size()));
    QVERIFY(plant);
    const AlarmRule &rule = firstRule(*plant, QStringLiteral("TT101"));
    QCOMPARE(rule.suppressionTag, QStringLiteral("XV101"));
    QVERIFY(!rule.suppressWhen);
}

void TstAlarmConfig::readsSuppressionByAnUnscaledIntegerTag()
{
    const QByteArray state = analogTag({{"id", "\"UNIT.STATE\""}, {"type", "\"int16\""}});
    const std::optional<PlantConfig> plant =
        loadValid(analogWithHi("suppressed_by = \"UNIT.STATE\"") + state);
    QVERIFY(plant);
    QCOMPARE(firstRule(*plant, QStringLiteral("TT101")).suppressionTag,
             QStringLiteral("UNIT.STATE"));
}

void TstAlarmConfig::ruleErrors_data()
{
    addColumns();
    const QByteArray tooLong = "$\"" + QByteArray(4097, 'x') + "\"";
    for (const char *key : {"cause", "consequence", "action"}) {
        const QByteArray name = QByteArray(key) + " over 4 KB";
        row(name.constData(), analogWithHi(QByteArray(key) + " = " + tooLong),
            {QStringLiteral("{p0}: tag 'TT101': '%1' is 4097 characters long; text is limited to "
                            "4096 characters")
                 .arg(QLatin1String(key))});
    }
    row("blank action", analogWithHi("action = $\"   \""),
        {"{p0}: tag 'TT101': 'action' is empty: say what the operator should know, or leave the "
         "key out"});
    row("cause is not text", analogWithHi("cause = $42"),
        {"{p0}: tag 'TT101': 'cause' must be a string, got integer"});
    row("response_time is not a duration", analogWithHi("response_time = $\"soon\""),
        {"{p0}: tag 'TT101': 'response_time' is not a duration: \"soon\" (use a number with ms, "
         "s, m, h or d, e.g. \"500ms\" or \"5s\")"});
    row("response_time without a unit", analogWithHi("response_time = $300"),
        {"{p0}: tag 'TT101': 'response_time' must be a duration with a unit such as \"500ms\" or "
         "\"5s\", got integer"});
    row("response_time over a day", analogWithHi("response_time = $\"2d\""),
        {"{p0}: tag 'TT101': 'response_time' must be between 1 s and 24 h (got 48 h)"});
    row("response_time of zero", analogWithHi("response_time = $\"0s\""),
        {"{p0}: tag 'TT101': 'response_time' must be between 1 s and 24 h (got 0 ms)"});

    row("unknown suppression tag with a suggestion",
        analogWithHi("suppressed_by = $\"XV_101\"") + boolTag(),
        {"{p0}: tag 'TT101': suppressed_by 'XV_101' is not a tag (did you mean 'XV101'?)"});
    row("unknown suppression tag without a suggestion",
        analogWithHi("suppressed_by = $\"P101.RUN\"") + boolTag(),
        {"{p0}: tag 'TT101': suppressed_by 'P101.RUN' is not a tag"});
    row("suppression tag is a float",
        kHead +
            boolTag({{"alarms", "[{ type = \"digital\", priority = \"low\", "
                                "suppressed_by = $\"TT101\" }]"}}) +
            analogTag(),
        {"{p0}: tag 'XV101': suppressed_by 'TT101' is a float64 tag; a suppression condition "
         "needs a bool tag or an integer tag without scaling (0 is false, any other value "
         "true)"});
    row("suppression tag is a scaled integer",
        analogWithHi("suppressed_by = $\"LT101\"") +
            analogTag({{"id", "\"LT101\""},
                       {"type", "\"int16\""},
                       {"scale", "{ raw = [0, 100], eu = [0, 10] }"}}),
        {"{p0}: tag 'TT101': suppressed_by 'LT101' is a scaled int16 tag; a suppression "
         "condition needs a bool tag or an integer tag without scaling (0 is false, any other "
         "value true)"});
    row("suppression tag is a string", analogWithHi("suppressed_by = $\"MODE\"") + stringTag(),
        {"{p0}: tag 'TT101': suppressed_by 'MODE' is a string tag; a suppression condition needs "
         "a bool tag or an integer tag without scaling (0 is false, any other value true)"});
    row("suppressed by its own tag",
        kHead + boolTag({{"alarms", "[{ type = \"digital\", priority = \"low\", "
                                    "suppressed_by = $\"XV101\" }]"}}),
        {"{p0}: tag 'XV101': an alarm cannot be suppressed by its own tag"});
    row("empty suppressed_by", analogWithHi("suppressed_by = $\"\""),
        {"{p0}: tag 'TT101': 'suppressed_by' is empty: name the tag whose state suppresses this "
         "alarm, or leave the key out"});
    row("suppressed_by is not text", analogWithHi("suppressed_by = $true"),
        {"{p0}: tag 'TT101': 'suppressed_by' must be a string, got boolean"});
    row("suppress_when without suppressed_by", analogWithHi("suppress_when = $false"),
        {"{p0}: tag 'TT101': 'suppress_when' needs 'suppressed_by' (the tag whose state "
         "suppresses this alarm)"});
    row("suppress_when is not a boolean",
        analogWithHi("suppressed_by = \"XV101\", suppress_when = $\"off\"") + boolTag(),
        {"{p0}: tag 'TT101': 'suppress_when' must be true or false, got \"off\""});
    row("misspelt suppression key", analogWithHi("$suppress_by = \"XV101\"") + boolTag(),
        {"{p0}: tag 'TT101': unknown key 'suppress_by' (did you mean 'suppressed_by'?)"});
    row("deviation setpoint with a suggestion",
        kHead + analogTag({{"alarms", "[${ type = \"deviation\", limit = 5, setpoint = "
                                      "\"TT-101\", priority = \"low\" }]"}}),
        {"{p0}: tag 'TT101': deviation alarm setpoint 'TT-101' is not a tag (did you mean "
         "'TT101'?)"});
}

void TstAlarmConfig::ruleErrors()
{
    checkErrors(m_drivers);
}

// --- [alarms] -------------------------------------------------------------------------------

void TstAlarmConfig::engineOptionsDefaultWithoutAnAlarmsTable()
{
    const std::optional<PlantConfig> plant = loadValid(kHead + analogTag());
    QVERIFY(plant);
    const AlarmEngineOptions defaults;
    QCOMPARE(plant->alarms.badQualityDelayMs, 10'000);
    QCOMPARE(plant->alarms.maxShelveMs, 8 * 3'600'000);
    QCOMPARE(plant->alarms.badQualityPriority, AlarmPriority::Medium);
    QCOMPARE(plant->alarms.commLossPriority, AlarmPriority::High);
    QCOMPARE(plant->alarms.commandFailurePriority, AlarmPriority::High);
    QCOMPARE(plant->alarms.rateQuietMs, defaults.rateQuietMs);
    QCOMPARE(plant->alarms.tickIntervalMs, defaults.tickIntervalMs);
}

void TstAlarmConfig::readsEveryEngineOption()
{
    const std::optional<PlantConfig> plant =
        loadValid(kHead +
                  "[alarms]\nbad_quality_delay = \"30s\"\nmax_shelve = \"12h\"\n"
                  "bad_quality_priority = \"low\"\ncomm_loss_priority = \"critical\"\n"
                  "command_failure_priority = \"Medium\"\n\n" +
                  analogTag());
    QVERIFY(plant);
    QCOMPARE(plant->alarms.badQualityDelayMs, 30'000);
    QCOMPARE(plant->alarms.maxShelveMs, 12 * 3'600'000);
    QCOMPARE(plant->alarms.badQualityPriority, AlarmPriority::Low);
    QCOMPARE(plant->alarms.commLossPriority, AlarmPriority::Critical);
    QCOMPARE(plant->alarms.commandFailurePriority, AlarmPriority::Medium);

    const std::optional<PlantConfig> immediate =
        loadValid(kHead + "[alarms]\nbad_quality_delay = \"0s\"\n\n" + analogTag());
    QVERIFY(immediate);
    QCOMPARE(immediate->alarms.badQualityDelayMs, 0);
}

void TstAlarmConfig::engineOptionErrors_data()
{
    addColumns();
    const QString priorities = QStringLiteral("must be one of low, medium, high, critical");
    for (const char *key :
         {"bad_quality_priority", "comm_loss_priority", "command_failure_priority"}) {
        const QByteArray name = QByteArray("bad ") + key;
        row(name.constData(), kHead + "[alarms]\n" + key + " = $\"urgent\"\n",
            {QStringLiteral("{p0}: alarms: '%1' %2 (got \"urgent\")")
                 .arg(QLatin1String(key), priorities)});
    }
    row("bad_quality_delay is not a duration", kHead + "[alarms]\nbad_quality_delay = $\"10\"\n",
        {"{p0}: alarms: 'bad_quality_delay' is not a duration: \"10\" (use a number with ms, s, "
         "m, h or d, e.g. \"500ms\" or \"5s\")"});
    row("bad_quality_delay over an hour", kHead + "[alarms]\nbad_quality_delay = $\"2h\"\n",
        {"{p0}: alarms: 'bad_quality_delay' must be between 0 ms and 1 h (got 2 h)"});
    row("max_shelve under a minute", kHead + "[alarms]\nmax_shelve = $\"30s\"\n",
        {"{p0}: alarms: 'max_shelve' must be between 1 min and 168 h (got 30 s)"});
    row("max_shelve over a week", kHead + "[alarms]\nmax_shelve = $\"8d\"\n",
        {"{p0}: alarms: 'max_shelve' must be between 1 min and 168 h (got 192 h)"});
    row("unknown key with a suggestion", kHead + "[alarms]\n$max_shelf = \"1h\"\n",
        {"{p0}: alarms: unknown key 'max_shelf' (did you mean 'max_shelve'?)"});
    row("tick interval is not configuration", kHead + "[alarms]\n$tick_interval = \"1s\"\n",
        {"{p0}: alarms: unknown key 'tick_interval'"});
    row("alarms is not a table", "alarms = $[1, 2]\n" + kHead,
        {"{p0}: 'alarms' must be a table, got array"});
}

void TstAlarmConfig::engineOptionErrors()
{
    checkErrors(m_drivers);
}

// --- The demo plant -------------------------------------------------------------------------

void TstAlarmConfig::demoPlantHasTextsOnEveryAlarm()
{
    const QString path = QStringLiteral(VIGIL_SOURCE_DIR "/resources/demo/plant.toml");
    const PlantLoader::Result result = load(m_drivers, path);
    QVERIFY2(result.plant, qPrintable(result.diagnostics.toStringList().join(u'\n')));
    QCOMPARE(result.diagnostics.warningCount(), 0);
    const PlantConfig &plant = *result.plant;

    int rules = 0;
    int suppressed = 0;
    for (const TagDefinition &tag : plant.tags->all()) {
        for (const AlarmRule &rule : tag.alarms) {
            ++rules;
            const QString what =
                QStringLiteral("%1 %2 alarm").arg(tag.id, alarmTypeName(rule.type));
            QVERIFY2(!rule.message.isEmpty(), qPrintable(what + QStringLiteral(": message")));
            QVERIFY2(!rule.cause.isEmpty(), qPrintable(what + QStringLiteral(": cause")));
            QVERIFY2(!rule.consequence.isEmpty(),
                     qPrintable(what + QStringLiteral(": consequence")));
            QVERIFY2(!rule.action.isEmpty(), qPrintable(what + QStringLiteral(": action")));
            QVERIFY2(rule.responseTimeMs > 0, qPrintable(what + QStringLiteral(": response")));
            if (rule.suppressionTag.isEmpty())
                continue;
            ++suppressed;
            const std::optional<quint32> by = plant.tags->indexOf(rule.suppressionTag);
            QVERIFY2(by, qPrintable(rule.suppressionTag));
            QVERIFY(AlarmRuleReader::isConditionTag(plant.tags->at(*by)));
        }
    }
    QVERIFY2(rules >= 10, qPrintable(QString::number(rules)));
    QVERIFY(suppressed >= 1);

    // The pressure collapses to the static head whenever P-101 stops: that is by design.
    const std::optional<quint32> pt = plant.tags->indexOf(QStringLiteral("PT101"));
    QVERIFY(pt);
    bool lowSuppressedWhileStopped = false;
    for (const AlarmRule &rule : plant.tags->at(*pt).alarms)
        lowSuppressedWhileStopped =
            lowSuppressedWhileStopped ||
            (rule.type == AlarmType::Lo && rule.suppressionTag == QStringLiteral("P101.RUN") &&
             !rule.suppressWhen);
    QVERIFY(lowSuppressedWhileStopped);

    QCOMPARE(plant.alarms.badQualityDelayMs, 10'000);
    QCOMPARE(plant.alarms.maxShelveMs, 8 * 3'600'000);
    QCOMPARE(plant.alarms.commLossPriority, AlarmPriority::High);
}

QTEST_GUILESS_MAIN(TstAlarmConfig)
#include "tst_alarmconfig.moc"
