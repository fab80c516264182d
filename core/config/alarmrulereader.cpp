#include "alarmrulereader.h"

#include "configreader.h"
#include "diagnostics.h"
#include "tags/tagdefinition.h"

#include <cmath>

namespace vigil
{

namespace
{

bool isLimit(AlarmType t)
{
    return t == AlarmType::HiHi || t == AlarmType::Hi || t == AlarmType::Lo || t == AlarmType::LoLo;
}

// Keys every alarm takes, whatever its type.
void readCommon(ConfigReader &r, AlarmRule &rule)
{
    const std::optional<QString> priority =
        r.choice(u"priority", alarmPriorityNames(), ConfigReader::Required);
    if (priority)
        rule.priority = *parseAlarmPriority(*priority);
    rule.message = r.string(u"message").value_or(QString());
    rule.onDelayMs = r.durationMs(u"on_delay", 0, 3'600'000).value_or(0);
    rule.offDelayMs = r.durationMs(u"off_delay", 0, 3'600'000).value_or(0);
    rule.realarmMs = r.durationMs(u"realarm", 0, 7 * 86'400'000LL).value_or(0);
    rule.latch = r.boolean(u"latch").value_or(false);
}

void readDigital(ConfigReader &r, const TagDefinition &tag, AlarmRule &rule)
{
    if (tag.type != DataType::Bool)
        r.error(r.node(), QStringLiteral("a digital alarm needs a bool tag, this tag is %1")
                              .arg(dataTypeName(tag.type)));
    rule.digitalState = r.boolean(u"state").value_or(true);
    if (const ConfigNode *limit = r.take(u"limit"))
        r.error(*limit, QStringLiteral("a digital alarm has a 'state', not a 'limit'"));
    if (const ConfigNode *db = r.take(u"deadband"))
        r.error(*db, QStringLiteral("a digital alarm has no deadband"));
}

// Limits that cannot work (refused) or look like a typo (warned).
void checkLimit(ConfigReader &r, const TagDefinition &tag, const AlarmRule &rule)
{
    const ConfigNode *limitNode = r.node().member(u"limit");
    if (!limitNode)
        return;
    const QString kind = alarmTypeName(rule.type);
    if ((rule.type == AlarmType::Deviation || rule.type == AlarmType::RateOfChange) &&
        rule.limit <= 0)
        r.error(
            *limitNode,
            QStringLiteral("%1 alarm limit must be above zero (got %2)").arg(kind).arg(rule.limit));
    if (isLimit(rule.type) && isNumeric(tag.type) &&
        (rule.limit < tag.rangeLo || rule.limit > tag.rangeHi))
        r.warning(*limitNode, QStringLiteral("%1 limit %2 lies outside the display range [%3, %4]")
                                  .arg(kind)
                                  .arg(rule.limit)
                                  .arg(tag.rangeLo)
                                  .arg(tag.rangeHi));
}

void readNumeric(ConfigReader &r, const TagDefinition &tag, AlarmRule &rule)
{
    const QString kind = alarmTypeName(rule.type);
    if (!isNumeric(tag.type))
        r.error(r.node(), QStringLiteral("a %1 alarm needs a numeric tag, this tag is %2")
                              .arg(kind, dataTypeName(tag.type)));
    if (const std::optional<double> limit = r.number(u"limit", ConfigReader::Required))
        rule.limit = *limit;
    if (const std::optional<double> db = r.number(u"deadband")) {
        if (*db < 0)
            r.error(*r.node().member(u"deadband"),
                    QStringLiteral("%1 alarm deadband must not be negative (got %2)")
                        .arg(kind)
                        .arg(*db));
        else
            rule.deadband = *db;
    }
    if (const ConfigNode *state = r.take(u"state"))
        r.error(*state, QStringLiteral("only digital alarms have a 'state'"));
    if (rule.type == AlarmType::Deviation) {
        if (const std::optional<QString> sp = r.string(u"setpoint", ConfigReader::Required))
            rule.setpointTag = *sp;
    } else if (const ConfigNode *sp = r.take(u"setpoint")) {
        r.error(*sp, QStringLiteral("only deviation alarms have a 'setpoint'"));
    }
    checkLimit(r, tag, rule);
}

std::optional<AlarmRule> readRule(const ConfigNode &node, const TagDefinition &tag,
                                  Diagnostics &diagnostics)
{
    if (!node.isTable()) {
        diagnostics.error(node.location, tag.object(),
                          QStringLiteral("an alarm must be a table such as "
                                         "{ type = \"hi\", limit = 90, priority = \"high\" }"));
        return std::nullopt;
    }
    ConfigReader r(node, tag.object(), diagnostics);
    const int errorsBefore = diagnostics.errorCount();
    AlarmRule rule;
    rule.location = node.location;

    const std::optional<QString> typeName =
        r.choice(u"type", alarmTypeNames(), ConfigReader::Required);
    readCommon(r, rule);
    if (!typeName) {
        r.accept({u"limit", u"state", u"setpoint", u"deadband"});
        r.finish();
        return std::nullopt;
    }
    rule.type = *parseAlarmType(*typeName);
    if (rule.type == AlarmType::Digital)
        readDigital(r, tag, rule);
    else
        readNumeric(r, tag, rule);
    r.finish();
    if (diagnostics.errorCount() != errorsBefore)
        return std::nullopt;
    return rule;
}

} // namespace

QList<AlarmRule> AlarmRuleReader::read(const ConfigNode &alarms, const TagDefinition &tag,
                                       Diagnostics &diagnostics)
{
    QList<AlarmRule> rules;
    for (const ConfigNode &item : alarms.children) {
        std::optional<AlarmRule> rule = readRule(item, tag, diagnostics);
        if (!rule)
            continue;
        bool duplicate = false;
        for (const AlarmRule &other : std::as_const(rules)) {
            if (other.type == rule->type) {
                diagnostics.error(rule->location, tag.object(),
                                  QStringLiteral("a second '%1' alarm (the first is at line %2)")
                                      .arg(alarmTypeName(rule->type))
                                      .arg(other.location.line));
                duplicate = true;
            }
        }
        if (!duplicate)
            rules.append(*rule);
    }

    // Limit ordering: LoLo < Lo < Hi < HiHi.
    auto find = [&](AlarmType t) -> const AlarmRule * {
        for (const AlarmRule &r : std::as_const(rules)) {
            if (r.type == t)
                return &r;
        }
        return nullptr;
    };
    const AlarmType order[] = {AlarmType::LoLo, AlarmType::Lo, AlarmType::Hi, AlarmType::HiHi};
    for (int i = 0; i < 4; ++i) {
        const AlarmRule *upper = find(order[i]);
        if (!upper)
            continue;
        for (int j = 0; j < i; ++j) {
            const AlarmRule *lower = find(order[j]);
            if (lower && !(lower->limit < upper->limit)) {
                diagnostics.error(upper->location, tag.object(),
                                  QStringLiteral("%1 limit %2 must be above %3 limit %4")
                                      .arg(alarmTypeName(upper->type))
                                      .arg(upper->limit)
                                      .arg(alarmTypeName(lower->type))
                                      .arg(lower->limit));
            }
        }
    }
    return rules;
}

} // namespace vigil
