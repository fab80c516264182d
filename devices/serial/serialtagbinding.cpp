#include "serialtagbinding.h"

#include "columnparserule.h"
#include "config/configreader.h"
#include "config/diagnostics.h"
#include "keyvalueparserule.h"
#include "nmeafieldparserule.h"
#include "regexparserule.h"
#include "serialframe.h"
#include "tags/tagdefinition.h"

#include <QLocale>

#include <cmath>

namespace vigil
{

namespace
{

// The location of a character inside a string value: TOML locations point at the opening quote.
SourceLocation inside(const SourceLocation &where, qsizetype offset)
{
    SourceLocation at = where;
    if (at.line > 0)
        at.column += int(offset) + (at.file.endsWith(QLatin1String(".toml")) ? 1 : 0);
    return at;
}

const QString kRules = QStringLiteral(
    "regex:PATTERN, key:NAME, column:N, nmea:SENTENCE:FIELD, or write for a write-only tag");

} // namespace

std::optional<QRegularExpression>
SerialTagBinding::compile(const QString &pattern, const SourceLocation &where, qsizetype offset,
                          const QString &object, const QString &what, Diagnostics &diagnostics)
{
    QRegularExpression re(pattern);
    if (re.isValid())
        return re;
    const qsizetype errorAt = re.patternErrorOffset();
    diagnostics.error(inside(where, offset + qMax<qsizetype>(0, errorAt)), object,
                      QStringLiteral("bad %1 '%2': %3 at offset %4")
                          .arg(what, pattern, re.errorString())
                          .arg(errorAt));
    return std::nullopt;
}

std::optional<SerialTagBinding> SerialTagBinding::read(const TagDefinition &tag,
                                                       Diagnostics &diagnostics)
{
    const int errorsBefore = diagnostics.errorCount();
    SerialTagBinding b;
    b.m_type = tag.type;
    ConfigReader options(tag.options, tag.object(), diagnostics);
    b.readRule(tag, options);
    b.readWrite(tag, options);
    b.readMap(tag, options);
    options.finish();
    if (diagnostics.errorCount() != errorsBefore)
        return std::nullopt;
    return b;
}

bool SerialTagBinding::readRule(const TagDefinition &tag, ConfigReader &options)
{
    Diagnostics &d = options.diagnostics();
    const QString &address = tag.address;
    const SourceLocation &loc = tag.addressLocation;
    auto fail = [&](qsizetype offset, const QString &message) {
        d.error(inside(loc, offset), tag.object(), message);
        return false;
    };
    // Options of other rule kinds are errors, not silently ignored.
    auto onlyFor = [&](std::initializer_list<QStringView> keys, const QString &owner) {
        for (QStringView key : keys) {
            if (const ConfigNode *n = options.take(key))
                options.error(*n, QStringLiteral("option '%1' applies to %2 only").arg(key, owner));
        }
    };
    const QString columnRules = QStringLiteral("column rules");
    const QString keyRules = QStringLiteral("key rules");
    const QString nmeaRules = QStringLiteral("nmea rules");

    if (const ConfigNode *n = options.take(u"match")) {
        if (n->kind != ConfigNode::Kind::String)
            options.error(*n, QStringLiteral("option 'match' must be a regular expression"));
        else if (address == u"write")
            options.error(*n, QStringLiteral("option 'match' does not apply to a write-only tag"));
        else
            m_match =
                compile(n->text, n->location, 0, tag.object(), QStringLiteral("match pattern"), d);
    }

    if (address == u"write") {
        onlyFor({u"delimiter"}, columnRules);
        onlyFor({u"separator", u"assign"}, keyRules);
        onlyFor({u"checksum", u"coordinate"}, nmeaRules);
        if (!tag.writable)
            return fail(0, QStringLiteral("a write-only tag (address \"write\") needs writable = "
                                          "true and a command template in options.write"));
        return true;
    }
    const qsizetype colon = address.indexOf(u':');
    const QString kind = colon < 0 ? address : address.left(colon).toLower();
    const QString body = colon < 0 ? QString() : address.mid(colon + 1);
    const qsizetype bodyAt = colon + 1;

    if (kind == u"regex") {
        onlyFor({u"delimiter"}, columnRules);
        onlyFor({u"separator", u"assign"}, keyRules);
        onlyFor({u"checksum", u"coordinate"}, nmeaRules);
        if (body.isEmpty())
            return fail(bodyAt, QStringLiteral("regex rule without a pattern, e.g. "
                                               "'regex:^ST,GS,\\s*([-+]?[0-9.]+)\\s*kg'"));
        std::optional<QRegularExpression> re =
            compile(body, loc, bodyAt, tag.object(), QStringLiteral("regular expression"), d);
        if (!re)
            return false;
        if (re->captureCount() < 1)
            return fail(bodyAt, QStringLiteral("regular expression '%1' has no capture group: put "
                                               "the value in (...) or (?<value>...)")
                                    .arg(body));
        m_rule = std::make_shared<RegexParseRule>(std::move(*re));
        return true;
    }
    if (kind == u"key") {
        onlyFor({u"delimiter"}, columnRules);
        onlyFor({u"checksum", u"coordinate"}, nmeaRules);
        const QString separator = options.string(u"separator").value_or(QStringLiteral(","));
        const QString assign = options.string(u"assign").value_or(QStringLiteral("="));
        if (separator.isEmpty() || assign.isEmpty())
            return fail(0, QStringLiteral("options 'separator' and 'assign' must not be empty"));
        if (body.trimmed().isEmpty())
            return fail(bodyAt, QStringLiteral("key rule without a key name, e.g. 'key:TEMP'"));
        m_rule = std::make_shared<KeyValueParseRule>(body.trimmed(), separator, assign);
        return true;
    }
    if (kind == u"column") {
        onlyFor({u"separator", u"assign"}, keyRules);
        onlyFor({u"checksum", u"coordinate"}, nmeaRules);
        const QString delimiter = options.string(u"delimiter").value_or(QStringLiteral(","));
        if (delimiter.isEmpty())
            return fail(0, QStringLiteral("option 'delimiter' must not be empty"));
        bool ok = false;
        const int column = body.toInt(&ok);
        if (!ok || column < 1 || column > 1000)
            return fail(bodyAt,
                        QStringLiteral("column rule needs a column number from 1 to 1000, got "
                                       "'%1' (e.g. 'column:3')")
                            .arg(body));
        m_rule = std::make_shared<ColumnParseRule>(column, delimiter);
        return true;
    }
    if (kind == u"nmea") {
        onlyFor({u"delimiter"}, columnRules);
        onlyFor({u"separator", u"assign"}, keyRules);
        const std::optional<QString> checksum =
            options.choice(u"checksum", {QStringLiteral("required"), QStringLiteral("optional")});
        const ConfigNode *coordinateNode = tag.options.member(u"coordinate");
        const bool coordinate = options.boolean(u"coordinate").value_or(false);
        if (coordinate && !isNumeric(tag.type))
            options.error(*coordinateNode,
                          QStringLiteral("option 'coordinate' needs a numeric tag (decimal "
                                         "degrees), this tag is %1")
                              .arg(dataTypeName(tag.type)));
        const QStringList parts = body.split(u':');
        QString sentence = parts.value(0).trimmed();
        if (sentence.startsWith(u'$'))
            sentence.remove(0, 1);
        static const QRegularExpression sentenceShape(QStringLiteral("^[A-Z][A-Z0-9]{2,7}$"));
        if (parts.size() != 2 || !sentenceShape.match(sentence).hasMatch())
            return fail(bodyAt, QStringLiteral("nmea rule needs SENTENCE:FIELD with an upper-case "
                                               "sentence id, e.g. 'nmea:GPGGA:9' or 'nmea:MWV:3' "
                                               "(any talker), got '%1'")
                                    .arg(body));
        bool ok = false;
        const int field = parts.at(1).toInt(&ok);
        if (!ok || field < 1 || field > 99)
            return fail(bodyAt + parts.at(0).size() + 1,
                        QStringLiteral("NMEA field must be a number from 1 to 99 (the first field "
                                       "after the sentence id is 1), got '%1'")
                            .arg(parts.at(1)));
        m_rule = std::make_shared<NmeaFieldParseRule>(
            sentence, field, checksum.value_or(QString()) != u"optional", coordinate);
        return !coordinate || isNumeric(tag.type);
    }
    options.accept({u"delimiter", u"separator", u"assign", u"checksum", u"coordinate", u"map"});
    return fail(0, QStringLiteral("unknown serial rule '%1' in address '%2' (rules: %3)")
                       .arg(kind, address, kRules));
}

bool SerialTagBinding::readWrite(const TagDefinition &tag, ConfigReader &options)
{
    Diagnostics &d = options.diagnostics();
    const ConfigNode *writeNode = options.take(u"write");
    if (writeNode && writeNode->kind != ConfigNode::Kind::String) {
        options.error(*writeNode, QStringLiteral("option 'write' must be a command template "
                                                 "string, e.g. \"SET {value:.1f}\\r\\n\""));
        writeNode = nullptr;
    } else if (writeNode) {
        QString error;
        qsizetype offset = 0;
        m_command = CommandTemplate::parse(writeNode->text, &error, &offset);
        if (!m_command)
            d.error(inside(writeNode->location, offset), tag.object(), error);
        else if (!m_command->fits(tag.type, &error))
            options.error(*writeNode, error);
        if (!tag.writable)
            options.error(*writeNode, QStringLiteral("option 'write' needs writable = true"));
    } else if (tag.writable) {
        options.error(tag.location, QStringLiteral("a writable serial tag needs a command template "
                                                   "in options.write, e.g. write = \"SET "
                                                   "{value:.1f}\\r\\n\""));
    }

    for (QStringView key : {u"ack", u"nak"}) {
        const ConfigNode *n = options.take(key);
        if (!n)
            continue;
        if (n->kind != ConfigNode::Kind::String) {
            options.error(*n, QStringLiteral("option '%1' must be a regular expression").arg(key));
            continue;
        }
        if (!writeNode)
            options.error(*n, QStringLiteral("option '%1' applies to tags with a command template "
                                             "(options.write)")
                                  .arg(key));
        std::optional<QRegularExpression> re = compile(n->text, n->location, 0, tag.object(),
                                                       QStringLiteral("%1 pattern").arg(key), d);
        (key == u"ack" ? m_ack : m_nak) = std::move(re);
    }
    const ConfigNode *timeoutNode = tag.options.member(u"ack_timeout");
    if (const std::optional<qint64> ms = options.durationMs(u"ack_timeout", 10, 60'000)) {
        m_ackTimeoutMs = *ms;
        if (!tag.options.member(u"ack") && !tag.options.member(u"nak"))
            options.error(*timeoutNode,
                          QStringLiteral("option 'ack_timeout' needs an 'ack' or 'nak' pattern"));
    }
    return true;
}

bool SerialTagBinding::readMap(const TagDefinition &tag, ConfigReader &options)
{
    const ConfigNode *n = options.take(u"map");
    if (!n || !m_rule) // no map, or the rule is already reported as wrong
        return true;
    if (tag.address == u"write") {
        options.error(*n, QStringLiteral("option 'map' does not apply to a write-only tag"));
        return false;
    }
    if (tag.type == DataType::String) {
        options.error(*n, QStringLiteral("option 'map' is for numeric and bool tags; a string tag "
                                         "shows the text as received"));
        return false;
    }
    if (n->kind != ConfigNode::Kind::Table || n->children.empty()) {
        options.error(*n, QStringLiteral("option 'map' must be a table of received texts and their "
                                         "values, e.g. map = { ST = 1, US = 0 }"));
        return false;
    }
    bool ok = true;
    for (const ConfigNode &entry : n->children) {
        std::optional<double> value = entry.kind == ConfigNode::Kind::Boolean
                                          ? std::optional<double>(entry.boolean ? 1.0 : 0.0)
                                          : ConfigReader::toNumber(entry);
        if (!value || !std::isfinite(*value)) {
            options.error(entry, QStringLiteral("map value for '%1' must be a number or a boolean, "
                                                "got %2")
                                     .arg(entry.key, entry.kindName()));
            ok = false;
            continue;
        }
        m_map.insert(entry.key.trimmed(),
                     tag.type == DataType::Bool ? double(*value != 0.0) : *value);
    }
    return ok;
}

bool SerialTagBinding::convert(const QString &text, DataType type, TagSample &sample,
                               QString *error)
{
    if (type == DataType::String) {
        sample.text = text;
        return true;
    }
    const QString t = text.trimmed();
    if (type == DataType::Bool) {
        const QString lower = t.toLower();
        if (lower == u"1" || lower == u"true" || lower == u"on" || lower == u"yes") {
            sample.value = 1;
            return true;
        }
        if (lower == u"0" || lower == u"false" || lower == u"off" || lower == u"no") {
            sample.value = 0;
            return true;
        }
    }
    bool ok = false;
    const double v = QLocale::c().toDouble(t, &ok);
    if (!ok || !std::isfinite(v)) {
        *error = type == DataType::Bool
                     ? QStringLiteral("'%1' is not a boolean (1/0, true/false, on/off, yes/no)")
                           .arg(text)
                     : QStringLiteral("'%1' is not a number").arg(text);
        return false;
    }
    sample.value = type == DataType::Bool ? (v != 0.0 ? 1.0 : 0.0) : v;
    return true;
}

SerialTagBinding::Outcome SerialTagBinding::apply(const SerialFrame &frame, TagSample &sample,
                                                  QString *errorKind, QString *error) const
{
    if (!m_rule)
        return Outcome::NoMatch;
    if (m_match && !m_match->match(frame.text).hasMatch())
        return Outcome::NoMatch;
    const SerialParseRule::Result r = m_rule->extract(frame);
    switch (r.kind) {
    case SerialParseRule::Result::Kind::NoMatch:
        if (!m_match)
            return Outcome::NoMatch;
        *errorKind = QStringLiteral("parse");
        *error = QStringLiteral("the frame matches the tag's filter but holds no value for it");
        return Outcome::Invalid;
    case SerialParseRule::Result::Kind::NoData:
        return Outcome::NoData;
    case SerialParseRule::Result::Kind::Invalid:
        *errorKind = r.errorKind;
        *error = r.error;
        return Outcome::Invalid;
    case SerialParseRule::Result::Kind::Value:
        break;
    }
    if (!m_map.isEmpty()) {
        const auto it = m_map.constFind(r.text.trimmed());
        if (it == m_map.cend()) {
            QStringList known = m_map.keys();
            known.sort();
            *errorKind = QStringLiteral("parse");
            *error = QStringLiteral("'%1' is not in the tag's map (%2)")
                         .arg(r.text, known.join(QStringLiteral(", ")));
            return Outcome::Invalid;
        }
        sample.value = *it;
        return Outcome::Sample;
    }
    if (!convert(r.text, m_type, sample, error)) {
        *errorKind = QStringLiteral("parse");
        return Outcome::Invalid;
    }
    return Outcome::Sample;
}

} // namespace vigil
