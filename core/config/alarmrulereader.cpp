#include "alarmrulereader.h"

#include "configreader.h"
#include "diagnostics.h"
#include "tags/tagdefinition.h"

#include <QHash>

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

// A rationalisation text: trimmed; present but blank is a mistake (leave the key out instead).
QString readText(ConfigReader &r, QStringView key)
{
    const std::optional<QString> text = r.string(key);
    if (!text)
        return QString();
    if (text->trimmed().isEmpty())
        r.error(*r.node().member(key),
                QStringLiteral("'%1' is empty: say what the operator should know, or leave the "
                               "key out")
                    .arg(key));
    return text->trimmed();
}

// What the operator should know and do (the detail panel shows it). A response time longer than
// a day is not an alarm's: EEMUA 191 treats such conditions as maintenance alerts.
void readRationalisation(ConfigReader &r, AlarmRule &rule)
{
    rule.cause = readText(r, u"cause");
    rule.consequence = readText(r, u"consequence");
    rule.action = readText(r, u"action");
    rule.responseTimeMs = r.durationMs(u"response_time", 1000, 86'400'000).value_or(0);
}

// Suppression by design: another tag's state says the alarm cannot matter now ("P-101 stopped").
// Whether that tag exists and fits is checked once every tag is known (checkReferences).
void readSuppression(ConfigReader &r, const TagDefinition &tag, AlarmRule &rule)
{
    const ConfigNode *byNode = r.node().member(u"suppressed_by");
    if (const std::optional<QString> by = r.string(u"suppressed_by")) {
        if (by->trimmed().isEmpty())
            r.error(*byNode, QStringLiteral("'suppressed_by' is empty: name the tag whose state "
                                            "suppresses this alarm, or leave the key out"));
        else if (*by == tag.id)
            r.error(*byNode, QStringLiteral("an alarm cannot be suppressed by its own tag"));
        rule.suppressionTag = *by;
        rule.suppressionLocation = byNode->location;
    }
    if (const std::optional<bool> when = r.boolean(u"suppress_when")) {
        rule.suppressWhen = *when;
        if (!byNode)
            r.error(*r.node().member(u"suppress_when"),
                    QStringLiteral("'suppress_when' needs 'suppressed_by' (the tag whose state "
                                   "suppresses this alarm)"));
    }
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
    readRationalisation(r, rule);
    readSuppression(r, tag, rule);
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

using TagIndex = QHash<QString, const TagDefinition *>;

// " (did you mean 'P101.RUN'?)" for an id close to a known one, else nothing.
QString tagSuggestion(const QString &id, const TagIndex &byId)
{
    const QString best = ConfigReader::closest(id, byId.keys());
    return best.isEmpty() ? QString() : QStringLiteral(" (did you mean '%1'?)").arg(best);
}

void checkSetpoint(const TagDefinition &t, const AlarmRule &rule, const TagIndex &byId,
                   Diagnostics &diag)
{
    const TagDefinition *sp = byId.value(rule.setpointTag);
    if (!sp)
        diag.error(rule.location, t.object(),
                   QStringLiteral("deviation alarm setpoint '%1' is not a tag%2")
                       .arg(rule.setpointTag, tagSuggestion(rule.setpointTag, byId)));
    else if (!isNumeric(sp->type))
        diag.error(
            rule.location, t.object(),
            QStringLiteral("deviation alarm setpoint '%1' is not numeric").arg(rule.setpointTag));
}

void checkSuppression(const TagDefinition &t, const AlarmRule &rule, const TagIndex &byId,
                      Diagnostics &diag)
{
    const TagDefinition *by = byId.value(rule.suppressionTag);
    if (!by) {
        diag.error(rule.suppressionLocation, t.object(),
                   QStringLiteral("suppressed_by '%1' is not a tag%2")
                       .arg(rule.suppressionTag, tagSuggestion(rule.suppressionTag, byId)));
        return;
    }
    if (AlarmRuleReader::isConditionTag(*by))
        return;
    const QString type = isInteger(by->type)
                             ? QStringLiteral("scaled %1").arg(dataTypeName(by->type))
                             : dataTypeName(by->type);
    diag.error(rule.suppressionLocation, t.object(),
               QStringLiteral("suppressed_by '%1' is a %2 tag; a suppression condition needs a "
                              "bool tag or an integer tag without scaling (0 is false, any "
                              "other value true)")
                   .arg(rule.suppressionTag, type));
}

} // namespace

bool AlarmRuleReader::isConditionTag(const TagDefinition &tag)
{
    return tag.type == DataType::Bool || (isInteger(tag.type) && tag.scaling.isIdentity());
}

void AlarmRuleReader::checkReferences(const std::vector<TagDefinition> &tags,
                                      Diagnostics &diagnostics)
{
    TagIndex byId;
    for (const TagDefinition &t : tags)
        byId.insert(t.id, &t);
    for (const TagDefinition &t : tags) {
        for (const AlarmRule &rule : t.alarms) {
            if (rule.type == AlarmType::Deviation)
                checkSetpoint(t, rule, byId, diagnostics);
            if (!rule.suppressionTag.isEmpty())
                checkSuppression(t, rule, byId, diagnostics);
        }
    }
}

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
