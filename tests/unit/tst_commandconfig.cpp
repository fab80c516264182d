// The command keys of writable tags (critical, feedback, verify, rate limit, labels, interlocks)
// and the [commands] table: each key is read onto CommandSettings or CommandOptions, each mistake
// is reported as "file:line:column: object: what is wrong", pointing into an interlock's `when`
// at the character that is wrong. Fixture conventions: see tests/support/plantfixture.h.

#include "builtindrivers.h"
#include "plantfixture.h"

#include <cmath>

using namespace vigil;
using namespace vigil::testing;

class TstCommandConfig : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void readsEveryCommandKey();
    void writableTagsWithoutCommandKeysKeepTheDefaults();
    void readsABoolInterlockAndAnAckTag();
    void settingErrors_data();
    void settingErrors();

    void optionsDefaultWithoutACommandsTable();
    void readsEveryOption();
    void optionErrors_data();
    void optionErrors();

    void demoPlantCommands();

private:
    std::optional<PlantConfig> loadValid(const QByteArray &plant);
    DriverRegistry m_drivers;
};

namespace
{

// The level a pump interlock reads.
const QByteArray kLevel = analogTag({{"id", "\"LT101\""}, {"unit", "\"%\""}});
// A running feedback.
const QByteArray kRun = boolTag({{"id", "\"P101.RUN\""}});

// A writable pump command P101.CMD with extra keys, e.g. {{"feedback", "\"P101.RUN\""}}.
QByteArray pump(std::initializer_list<Kv> keys)
{
    std::vector<Kv> all{{"id", "\"P101.CMD\""}, {"writable", "true"}};
    all.insert(all.end(), keys.begin(), keys.end());
    QByteArray out = "[[tags]]\n";
    for (const Kv &k : kBool) {
        if (qstrcmp(k.first, "id") != 0)
            out += QByteArray(k.first) + " = " + k.second + "\n";
    }
    for (const Kv &k : all)
        out += QByteArray(k.first) + " = " + k.second + "\n";
    return out + "\n";
}

// A writable setpoint SP with extra keys.
QByteArray setpoint(std::initializer_list<Kv> keys)
{
    QByteArray out =
        analogTag({{"id", "\"SP\""}, {"writable", "true"}, {"write_limits", "[0, 80]"}});
    out.chop(1); // the blank line
    for (const Kv &k : keys)
        out += QByteArray(k.first) + " = " + k.second + "\n";
    return out + "\n";
}

QByteArray interlock(const char *when, const char *extra = "")
{
    return QByteArray("[{ when = \"") + when + "\", reason = \"dry-run protection\"" + extra +
           " }]";
}

const CommandSettings &settingsOf(const PlantConfig &plant, const QString &tag)
{
    const std::optional<quint32> index = plant.tags->indexOf(tag);
    if (!index)
        qFatal("no tag %s", qPrintable(tag));
    return plant.tags->at(*index).command;
}

} // namespace

void TstCommandConfig::initTestCase()
{
    registerBuiltinDrivers(m_drivers);
}

std::optional<PlantConfig> TstCommandConfig::loadValid(const QByteArray &plant)
{
    return vigil::testing::loadValid(m_drivers, plant);
}

// --- Per-tag settings ---------------------------------------------------------------------

void TstCommandConfig::readsEveryCommandKey()
{
    const std::optional<PlantConfig> plant =
        loadValid(kHead + kLevel + kRun +
                  pump({{"critical", "true"},
                        {"feedback", "\"P101.RUN\""},
                        {"feedback_timeout", "\"8s\""},
                        {"verify", "\"feedback\""},
                        {"command_interval", "\"2s\""},
                        {"labels", "[\"Stop\", \"Start\"]"},
                        {"interlocks", interlock("LT101 < 10", ", value = true").constData()}}));
    QVERIFY(plant);
    const CommandSettings &s = settingsOf(*plant, QStringLiteral("P101.CMD"));
    QVERIFY(s.critical);
    QCOMPARE(s.feedback, QStringLiteral("P101.RUN"));
    QVERIFY(s.feedbackLocation.isValid());
    QCOMPARE(s.feedbackTimeoutMs, 8000);
    QCOMPARE(s.verify, CommandVerify::Feedback);
    QCOMPARE(s.commandIntervalMs, 2000);
    QCOMPARE(s.labels, QStringList({QStringLiteral("Stop"), QStringLiteral("Start")}));
    QCOMPARE(s.interlocks.size(), 1);
    const InterlockRule &rule = s.interlocks.first();
    QCOMPARE(rule.tagId, QStringLiteral("LT101"));
    QCOMPARE(rule.op, InterlockRule::Op::Less);
    QCOMPARE(rule.number, 10.0);
    QVERIFY(!rule.isBool);
    QCOMPARE(rule.appliesToValue, QVariant(true));
    QCOMPARE(rule.reason, QStringLiteral("dry-run protection"));
    QVERIFY(rule.location.isValid());

    const std::optional<PlantConfig> tolerant =
        loadValid(kHead + setpoint({{"feedback_tolerance", "0.25"}, {"critical", "false"}}));
    QVERIFY(tolerant);
    QCOMPARE(settingsOf(*tolerant, QStringLiteral("SP")).feedbackTolerance, 0.25);
}

void TstCommandConfig::writableTagsWithoutCommandKeysKeepTheDefaults()
{
    const std::optional<PlantConfig> plant = loadValid(kHead + setpoint({}) + pump({}));
    QVERIFY(plant);
    for (const QString &id : {QStringLiteral("SP"), QStringLiteral("P101.CMD")}) {
        const CommandSettings &s = settingsOf(*plant, id);
        QVERIFY(!s.critical);
        QVERIFY(s.feedback.isEmpty());
        QCOMPARE(s.feedbackTimeoutMs, 5000);
        QVERIFY(std::isnan(s.feedbackTolerance));
        QCOMPARE(s.verify, CommandVerify::Feedback);
        QCOMPARE(s.commandIntervalMs, 0);
        QVERIFY(s.labels.isEmpty());
        QVERIFY(s.interlocks.isEmpty());
    }
}

void TstCommandConfig::readsABoolInterlockAndAnAckTag()
{
    const std::optional<PlantConfig> plant = loadValid(
        kHead + kRun +
        setpoint({{"verify", "\"ack\""},
                  {"interlocks", "[{ when = \"  P101.RUN!=false \" }, { when = \"P101.RUN == "
                                 "true\", value = 40 }]"}}));
    QVERIFY(plant);
    const CommandSettings &s = settingsOf(*plant, QStringLiteral("SP"));
    QCOMPARE(s.verify, CommandVerify::Ack);
    QCOMPARE(s.interlocks.size(), 2);
    QCOMPARE(s.interlocks[0].tagId, QStringLiteral("P101.RUN"));
    QCOMPARE(s.interlocks[0].op, InterlockRule::Op::NotEqual);
    QVERIFY(s.interlocks[0].isBool);
    QCOMPARE(s.interlocks[0].number, 0.0);
    QVERIFY(!s.interlocks[0].appliesToValue.isValid());
    QVERIFY(s.interlocks[0].reason.isEmpty());
    QCOMPARE(s.interlocks[1].number, 1.0);
    QCOMPARE(s.interlocks[1].appliesToValue.toDouble(), 40.0);
}

void TstCommandConfig::settingErrors_data()
{
    addColumns();
    row("command key on a read-only tag", kHead + boolTag({{"$critical", "true"}}),
        {"{p0}: tag 'XV101': 'critical' applies to writable tags only (add writable = true)"});
    row("interlocks on a read-only tag",
        kHead + kLevel + analogTag({{"id", "\"TT102\""}, {"$interlocks", interlock("LT101 < 10")}}),
        {"{p0}: tag 'TT102': 'interlocks' applies to writable tags only (add writable = true)"});
    row("labels on a numeric tag", kHead + setpoint({{"labels", "$[\"Low\", \"High\"]"}}),
        {"{p0}: tag 'SP': labels apply to bool tags only, this tag is float64"});
    row("three labels", kHead + pump({{"labels", "$[\"Stop\", \"Start\", \"Jog\"]"}}),
        {"{p0}: tag 'P101.CMD': labels need exactly two texts, for false and true, e.g. "
         "[\"Stop\", \"Start\"] (got 3)"});
    row("a label that is no text", kHead + pump({{"labels", "[\"Stop\", $1]"}}),
        {"{p0}: tag 'P101.CMD': a label must be a non-empty text"});
    row("when without a tag", kHead + pump({{"interlocks", interlock("$< 10")}}),
        {"{p0}: tag 'P101.CMD': interlock condition must start with a tag id: write it as TAG "
         "OP VALUE, e.g. \"LT101 < 10\""});
    row("when with a bad operator",
        kHead + kLevel + pump({{"interlocks", interlock("LT101 $=< 10")}}),
        {"{p0}: tag 'P101.CMD': expected one of < <= > >= == != after 'LT101': write it as TAG "
         "OP VALUE, e.g. \"LT101 < 10\""});
    row("when with a word for a value",
        kHead + kLevel + pump({{"interlocks", interlock("LT101 < $ten")}}),
        {"{p0}: tag 'P101.CMD': 'ten' is not a number or true/false"});
    row("when without a value", kHead + kLevel + pump({{"interlocks", interlock("LT101 <=$")}}),
        {"{p0}: tag 'P101.CMD': expected a number or true/false after 'LT101 <='"});
    row("true compared by size",
        kHead + kRun + pump({{"interlocks", interlock("P101.RUN $> true")}}),
        {"{p0}: tag 'P101.CMD': true and false are compared with == or !=, not >"});
    row("when is missing", kHead + pump({{"interlocks", "[${ reason = \"dry-run protection\" }]"}}),
        {"{p0}: tag 'P101.CMD': missing required key 'when'"});
    row("unknown interlock key",
        kHead + kLevel + pump({{"interlocks", "[{ when = \"LT101 < 10\", $reson = \"x\" }]"}}),
        {"{p0}: tag 'P101.CMD': unknown key 'reson' (did you mean 'reason'?)"});
    row("interlock on an unknown tag with a suggestion",
        kHead + kLevel + pump({{"interlocks", interlock("$LT10 < 10")}}),
        {"{p0}: tag 'P101.CMD': unknown tag 'LT10' (did you mean 'LT101'?)"});
    row("interlock on a bool tag compared with a number",
        kHead + kRun + pump({{"interlocks", interlock("  $P101.RUN == 1")}}),
        {"{p0}: tag 'P101.CMD': 'P101.RUN' is bool: compare it with true or false"});
    row("interlock on a numeric tag compared with true",
        kHead + kLevel + pump({{"interlocks", interlock("$LT101 == true")}}),
        {"{p0}: tag 'P101.CMD': 'LT101' is float64: compare it with a number"});
    row("interlock on a string tag",
        kHead + stringTag() + pump({{"interlocks", interlock("$MODE == 1")}}),
        {"{p0}: tag 'P101.CMD': 'MODE' is a string tag; an interlock reads a bool or numeric "
         "tag"});
    row("interlock value of the wrong type",
        kHead + kLevel + pump({{"interlocks", interlock("LT101 < 10", ", value = $1")}}),
        {"{p0}: tag 'P101.CMD': 'value' must be true or false, got integer"});
    row("unknown feedback tag with a suggestion",
        kHead + kRun + pump({{"feedback", "$\"P101.RN\""}}),
        {"{p0}: tag 'P101.CMD': unknown feedback tag 'P101.RN' (did you mean 'P101.RUN'?)"});
    row("numeric feedback for a bool tag", kHead + kLevel + pump({{"feedback", "$\"LT101\""}}),
        {"{p0}: tag 'P101.CMD': feedback tag 'LT101' is float64; a bool tag needs a bool "
         "feedback tag"});
    row("bool feedback for a numeric tag", kHead + kRun + setpoint({{"feedback", "$\"P101.RUN\""}}),
        {"{p0}: tag 'SP': feedback tag 'P101.RUN' is bool; a numeric tag needs a numeric "
         "feedback tag"});
    row("feedback with verify ack",
        kHead + kRun + pump({{"feedback", "\"P101.RUN\""}, {"verify", "$\"ack\""}}),
        {"{p0}: tag 'P101.CMD': verify = \"ack\" uses no feedback tag: remove 'feedback' or "
         "verify by it"});
    row("unknown verify", kHead + pump({{"verify", "$\"echo\""}}),
        {"{p0}: tag 'P101.CMD': 'verify' must be one of feedback, ack (got \"echo\")"});
    row("negative tolerance", kHead + setpoint({{"feedback_tolerance", "$-1"}}),
        {"{p0}: tag 'SP': feedback_tolerance must not be negative (got -1)"});
    row("tolerance on a bool tag", kHead + pump({{"feedback_tolerance", "$0.5"}}),
        {"{p0}: tag 'P101.CMD': feedback_tolerance applies to numeric tags only, this tag is "
         "bool"});
    row("feedback_timeout too long", kHead + pump({{"feedback_timeout", "$\"2h\""}}),
        {"{p0}: tag 'P101.CMD': 'feedback_timeout' must be between 100 ms and 1 h (got 2 h)"});
    row("misspelt command key", kHead + pump({{"$feedbak", "\"P101.RUN\""}}) + kRun,
        {"{p0}: tag 'P101.CMD': unknown key 'feedbak' (did you mean 'feedback'?)"});
}

void TstCommandConfig::settingErrors()
{
    checkErrors(m_drivers);
}

// --- [commands] ---------------------------------------------------------------------------

void TstCommandConfig::optionsDefaultWithoutACommandsTable()
{
    const std::optional<PlantConfig> plant = loadValid(kHead + analogTag());
    QVERIFY(plant);
    QCOMPARE(plant->commands.selectTimeoutMs, 30'000);
    QCOMPARE(plant->commands.confirmTimeoutMs, 60'000);
    QCOMPARE(plant->commands.maxPerMinute, 60);
}

void TstCommandConfig::readsEveryOption()
{
    const std::optional<PlantConfig> plant =
        loadValid(kHead +
                  "[commands]\nselect_timeout = \"10s\"\nconfirm_timeout = \"2min\"\n"
                  "max_per_minute = 12\n\n" +
                  analogTag());
    QVERIFY(plant);
    QCOMPARE(plant->commands.selectTimeoutMs, 10'000);
    QCOMPARE(plant->commands.confirmTimeoutMs, 120'000);
    QCOMPARE(plant->commands.maxPerMinute, 12);
}

void TstCommandConfig::optionErrors_data()
{
    addColumns();
    row("select_timeout under a second", kHead + "[commands]\nselect_timeout = $\"500ms\"\n",
        {"{p0}: commands: 'select_timeout' must be between 1 s and 10 min (got 500 ms)"});
    row("confirm_timeout over half an hour", kHead + "[commands]\nconfirm_timeout = $\"1h\"\n",
        {"{p0}: commands: 'confirm_timeout' must be between 1 s and 30 min (got 1 h)"});
    row("max_per_minute of zero", kHead + "[commands]\nmax_per_minute = $0\n",
        {"{p0}: commands: 'max_per_minute' must be between 1 and 10000 (got 0)"});
    row("unknown key with a suggestion", kHead + "[commands]\n$select_timout = \"5s\"\n",
        {"{p0}: commands: unknown key 'select_timout' (did you mean 'select_timeout'?)"});
}

void TstCommandConfig::optionErrors()
{
    checkErrors(m_drivers);
}

// --- The demo plant -------------------------------------------------------------------------

void TstCommandConfig::demoPlantCommands()
{
    const QString path = QStringLiteral(VIGIL_SOURCE_DIR "/resources/demo/plant.toml");
    const PlantLoader::Result result = load(m_drivers, path);
    QVERIFY2(result.plant, qPrintable(result.diagnostics.toStringList().join(u'\n')));
    const PlantConfig &plant = *result.plant;

    const CommandSettings &pumpCmd = settingsOf(plant, QStringLiteral("P101.CMD"));
    QCOMPARE(pumpCmd.feedback, QStringLiteral("P101.RUN"));
    QCOMPARE(pumpCmd.labels, QStringList({QStringLiteral("Stop"), QStringLiteral("Start")}));
    QCOMPARE(pumpCmd.interlocks.size(), 1);
    QCOMPARE(pumpCmd.interlocks.first().tagId, QStringLiteral("LT101"));
    QCOMPARE(pumpCmd.interlocks.first().appliesToValue, QVariant(true));
    QCOMPARE(settingsOf(plant, QStringLiteral("XV101.CMD")).feedback, QStringLiteral("XV101.ZSO"));
    QVERIFY(settingsOf(plant, QStringLiteral("TIC101.SP")).critical);
    QCOMPARE(settingsOf(plant, QStringLiteral("WT101.TARE")).verify, CommandVerify::Ack);
    QCOMPARE(settingsOf(plant, QStringLiteral("WT101.PT")).verify, CommandVerify::Ack);
    QCOMPARE(plant.commands.selectTimeoutMs, 30'000);
}

QTEST_GUILESS_MAIN(TstCommandConfig)
#include "tst_commandconfig.moc"
