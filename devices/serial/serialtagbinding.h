#pragma once

#include "commandtemplate.h"
#include "serialparserule.h"
#include "tags/tagsample.h"

#include <QHash>
#include <QRegularExpression>

#include <memory>
#include <optional>

namespace vigil
{

class ConfigReader;
class Diagnostics;
struct SerialFrame;
struct SourceLocation;
struct TagDefinition;

// How the serial driver reads and writes one tag, from its address (the parse rule) and its
// options table:
//   address = "regex:PATTERN" | "key:NAME" | "column:N" | "nmea:SENTENCE:FIELD" | "write"
//   options = { match = "REGEX",                        # only frames matching it are for this tag
//               delimiter = ",",                        # column rules
//               separator = ",", assign = "=",          # key rules
//               checksum = "required"|"optional", coordinate = false,   # nmea rules
//               map = { ST = 1, US = 0 },               # received text -> value (not strings)
//               write = "SET {value:.1f}\r\n",          # command template (writable tags)
//               ack = "REGEX", nak = "REGEX", ack_timeout = "1s" }      # write confirmation
// "write" is a write-only tag: nothing is read, the last confirmed value is shown. With `map` the
// extracted text is looked up (exactly, after trimming) instead of parsed: status letters such as
// a scale's "ST"/"US" or NMEA's "A"/"V" become a bool or a number; other text is a parse error.
class SerialTagBinding
{
public:
    enum class Outcome {
        NoMatch,
        Sample,
        NoData,
        Invalid
    };

    // Validates everything, reporting each problem at its file:line:col; nullopt on any error.
    static std::optional<SerialTagBinding> read(const TagDefinition &tag, Diagnostics &diagnostics);
    // Converts received text to a raw sample of the data type ("+12.50", "ON", "READY").
    static bool convert(const QString &text, DataType type, TagSample &sample, QString *error);

    // Applies the rule to a frame. Sample: `sample` holds the value (tag and time not set).
    Outcome apply(const SerialFrame &frame, TagSample &sample, QString *errorKind,
                  QString *error) const;

    bool readsValues() const { return bool(m_rule); }
    bool needsNmea() const { return m_rule && m_rule->needsNmea(); }
    const std::optional<CommandTemplate> &command() const { return m_command; }
    bool expectsReply() const { return m_ack.has_value() || m_nak.has_value(); }
    bool isAck(const QString &text) const { return m_ack && m_ack->match(text).hasMatch(); }
    bool isNak(const QString &text) const { return m_nak && m_nak->match(text).hasMatch(); }
    qint64 ackTimeoutMs() const { return m_ackTimeoutMs; }

private:
    bool readRule(const TagDefinition &tag, ConfigReader &options);
    bool readWrite(const TagDefinition &tag, ConfigReader &options);
    bool readMap(const TagDefinition &tag, ConfigReader &options);
    // Compiles a pattern, reporting a bad one at the offending character.
    static std::optional<QRegularExpression> compile(const QString &pattern,
                                                     const SourceLocation &where, qsizetype offset,
                                                     const QString &object, const QString &what,
                                                     Diagnostics &diagnostics);

    DataType m_type = DataType::Float64;
    std::shared_ptr<const SerialParseRule> m_rule;
    std::optional<QRegularExpression> m_match;
    QHash<QString, double> m_map; // empty: the text is converted as it is
    std::optional<CommandTemplate> m_command;
    std::optional<QRegularExpression> m_ack;
    std::optional<QRegularExpression> m_nak;
    qint64 m_ackTimeoutMs = 1000;
};

} // namespace vigil
