#include "commandsettingsreader.h"

#include "configreader.h"
#include "diagnostics.h"
#include "interlockexpression.h"
#include "tags/tagdefinition.h"

#include <QHash>

namespace vigil
{

namespace
{

constexpr qint64 kHourMs = 60 * 60 * 1000;

const std::initializer_list<QStringView> kKeys = {
    u"critical", u"feedback",         u"feedback_timeout", u"feedback_tolerance",
    u"verify",   u"command_interval", u"labels",           u"interlocks"};

// Every command key present on a tag that takes no writes is an error of its own.
bool refuseOnReadOnlyTag(ConfigReader &r)
{
    bool any = false;
    for (QStringView key : kKeys) {
        if (const ConfigNode *node = r.take(key)) {
            r.error(node->keyLocation.isValid() ? node->keyLocation : node->location,
                    QStringLiteral("'%1' applies to writable tags only (add writable = true)")
                        .arg(key));
            any = true;
        }
    }
    return any;
}

void readLabels(ConfigReader &r, const TagDefinition &tag, CommandSettings &settings)
{
    const ConfigNode *labels = r.array(u"labels");
    if (!labels)
        return;
    if (tag.type != DataType::Bool) {
        r.error(*labels, QStringLiteral("labels apply to bool tags only, this tag is %1")
                             .arg(dataTypeName(tag.type)));
        return;
    }
    if (labels->children.size() != 2) {
        r.error(*labels, QStringLiteral("labels need exactly two texts, for false and true, e.g. "
                                        "[\"Stop\", \"Start\"] (got %1)")
                             .arg(labels->children.size()));
        return;
    }
    QStringList texts;
    for (const ConfigNode &label : labels->children) {
        if (label.kind != ConfigNode::Kind::String || label.text.trimmed().isEmpty()) {
            r.error(label, QStringLiteral("a label must be a non-empty text"));
            return;
        }
        texts << label.text;
    }
    settings.labels = texts;
}

void readFeedback(ConfigReader &r, const TagDefinition &tag, CommandSettings &settings)
{
    const ConfigNode *feedbackNode = r.node().member(u"feedback");
    if (const std::optional<QString> feedback = r.string(u"feedback")) {
        settings.feedback = feedback->trimmed();
        settings.feedbackLocation = feedbackNode->location;
        if (tag.type == DataType::String)
            r.error(*feedbackNode, QStringLiteral("a string tag has no feedback tag: its write's "
                                                  "confirmation is the result"));
    }
    settings.feedbackTimeoutMs =
        r.durationMs(u"feedback_timeout", 100, kHourMs).value_or(settings.feedbackTimeoutMs);
    const ConfigNode *toleranceNode = r.node().member(u"feedback_tolerance");
    if (const std::optional<double> tolerance = r.number(u"feedback_tolerance")) {
        if (!isNumeric(tag.type))
            r.error(*toleranceNode, QStringLiteral("feedback_tolerance applies to numeric tags "
                                                   "only, this tag is %1")
                                        .arg(dataTypeName(tag.type)));
        else if (*tolerance < 0)
            r.error(
                *toleranceNode,
                QStringLiteral("feedback_tolerance must not be negative (got %1)").arg(*tolerance));
        else
            settings.feedbackTolerance = *tolerance;
    }
    const ConfigNode *verifyNode = r.node().member(u"verify");
    const std::optional<QString> verify =
        r.choice(u"verify", {QStringLiteral("feedback"), QStringLiteral("ack")});
    if (verify && verify->compare(u"ack", Qt::CaseInsensitive) == 0) {
        settings.verify = CommandVerify::Ack;
        if (feedbackNode)
            r.error(*verifyNode, QStringLiteral("verify = \"ack\" uses no feedback tag: remove "
                                                "'feedback' or verify by it"));
    }
}

// The value an interlock is limited to must be one the tag can be commanded to.
QVariant readInterlockValue(ConfigReader &r, const TagDefinition &tag)
{
    const ConfigNode *node = r.node().member(u"value");
    if (!node)
        return {};
    if (tag.type == DataType::Bool) {
        if (const std::optional<bool> b = r.boolean(u"value"))
            return QVariant(*b);
        return {};
    }
    if (tag.type == DataType::String) {
        if (const std::optional<QString> s = r.string(u"value"))
            return QVariant(*s);
        return {};
    }
    if (const std::optional<double> n = r.number(u"value"))
        return QVariant(*n);
    return {};
}

void readInterlocks(ConfigReader &r, const TagDefinition &tag, CommandSettings &settings)
{
    const ConfigNode *interlocks = r.array(u"interlocks");
    if (!interlocks)
        return;
    for (const ConfigNode &item : interlocks->children) {
        if (!item.isTable()) {
            r.error(item, QStringLiteral("an interlock must be a table, e.g. { when = "
                                         "\"LT101 < 10\", reason = \"dry-run protection\" }"));
            continue;
        }
        ConfigReader ir(item, tag.object(), r.diagnostics());
        InterlockRule rule;
        rule.location = item.location;
        const ConfigNode *when = item.member(u"when");
        const bool parsed = ir.string(u"when", ConfigReader::Required).has_value() &&
                            InterlockExpression::parse(*when, tag.object(), rule, r.diagnostics());
        rule.reason = ir.string(u"reason").value_or(QString()).trimmed();
        rule.appliesToValue = readInterlockValue(ir, tag);
        ir.finish();
        if (parsed)
            settings.interlocks.append(rule);
    }
}

using TagIndex = QHash<QString, const TagDefinition *>;

// " (did you mean 'LT101'?)" for an id close to a known one, else nothing.
QString suggestion(const QString &id, const TagIndex &byId)
{
    const QString best = ConfigReader::closest(id, byId.keys());
    return best.isEmpty() ? QString() : QStringLiteral(" (did you mean '%1'?)").arg(best);
}

void checkFeedback(const TagDefinition &t, const TagIndex &byId, Diagnostics &diag)
{
    const QString &id = t.command.feedback;
    const TagDefinition *feedback = byId.value(id);
    if (!feedback) {
        diag.error(t.command.feedbackLocation, t.object(),
                   QStringLiteral("unknown feedback tag '%1'%2").arg(id, suggestion(id, byId)));
        return;
    }
    if (t.type == DataType::Bool && feedback->type != DataType::Bool)
        diag.error(t.command.feedbackLocation, t.object(),
                   QStringLiteral("feedback tag '%1' is %2; a bool tag needs a bool feedback tag")
                       .arg(id, dataTypeName(feedback->type)));
    else if (isNumeric(t.type) && !isNumeric(feedback->type))
        diag.error(t.command.feedbackLocation, t.object(),
                   QStringLiteral("feedback tag '%1' is %2; a numeric tag needs a numeric "
                                  "feedback tag")
                       .arg(id, dataTypeName(feedback->type)));
}

void checkInterlock(const TagDefinition &t, const InterlockRule &rule, const TagIndex &byId,
                    Diagnostics &diag)
{
    const TagDefinition *input = byId.value(rule.tagId);
    if (!input) {
        diag.error(
            rule.location, t.object(),
            QStringLiteral("unknown tag '%1'%2").arg(rule.tagId, suggestion(rule.tagId, byId)));
        return;
    }
    if (input->type == DataType::String)
        diag.error(rule.location, t.object(),
                   QStringLiteral("'%1' is a string tag; an interlock reads a bool or numeric tag")
                       .arg(rule.tagId));
    else if (input->type == DataType::Bool && !rule.isBool)
        diag.error(rule.location, t.object(),
                   QStringLiteral("'%1' is bool: compare it with true or false").arg(rule.tagId));
    else if (input->type != DataType::Bool && rule.isBool)
        diag.error(rule.location, t.object(),
                   QStringLiteral("'%1' is %2: compare it with a number")
                       .arg(rule.tagId, dataTypeName(input->type)));
}

} // namespace

void CommandSettingsReader::checkReferences(const std::vector<TagDefinition> &tags,
                                            Diagnostics &diagnostics)
{
    TagIndex byId;
    for (const TagDefinition &t : tags)
        byId.insert(t.id, &t);
    for (const TagDefinition &t : tags) {
        if (!t.command.feedback.isEmpty())
            checkFeedback(t, byId, diagnostics);
        for (const InterlockRule &rule : t.command.interlocks)
            checkInterlock(t, rule, byId, diagnostics);
    }
}

CommandSettings CommandSettingsReader::read(ConfigReader &r, const TagDefinition &tag)
{
    CommandSettings settings;
    if (!tag.writable) {
        refuseOnReadOnlyTag(r);
        return settings;
    }
    settings.critical = r.boolean(u"critical").value_or(false);
    readFeedback(r, tag, settings);
    settings.commandIntervalMs = r.durationMs(u"command_interval", 0, kHourMs).value_or(0);
    readLabels(r, tag, settings);
    readInterlocks(r, tag, settings);
    return settings;
}

} // namespace vigil
