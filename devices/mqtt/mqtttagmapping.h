#pragma once

#include "jsonfieldpath.h"
#include "tags/sourcetimepolicy.h"

#include <QString>

#include <optional>

namespace vigil
{

class Diagnostics;
struct TagDefinition;

// How one tag is fed from MQTT and commanded over it. The tag's `address` is the topic filter;
// the rest comes from the tag's `options` table:
//   format = "plain" | "json"   payload format (default: "json" when `path` is given, else plain)
//   path = "data.temp"          JSON field path ("values[2]", "" = the whole document)
//   timestamp = "ts"            JSON field with the source time: an epoch number or ISO 8601
//   timestamp_unit = "ms"       the epoch number's unit: "ms" (default), "s" or "us"
//   timestamp_max_ahead = "10s" source times further ahead of the panel clock are refused
//   timestamp_max_age = "1h"    source times older than this are refused
//   stale_after = "30s"         no message for this long: the tag turns Uncertain/Stale
//   qos = 0 | 1 | 2             subscription QoS (default 1)
//   command_topic = "..."       writable tags: where commands are published (QoS 1, not retained)
//   command_format = "plain" | "json"
//   command_template = "..."    payload with ${value} (also ${tag}, ${ts}); JSON values are
//                               inserted JSON-encoded (strings quoted)
struct MqttTagMapping {
    enum class Format : quint8 {
        Plain,
        Json
    };

    QString topic;
    Format format = Format::Plain;
    JsonFieldPath path;
    std::optional<JsonFieldPath> timestamp;
    SourceTimePolicy timePolicy;
    qint64 staleAfterMs = 0; // 0: never stale
    int qos = 1;
    QString commandTopic;
    Format commandFormat = Format::Plain;
    QString commandTemplate;

    // Reads and checks the tag's address and options; problems go to diagnostics with their
    // file:line:column. Returns nullopt if the mapping is unusable.
    static std::optional<MqttTagMapping> read(const TagDefinition &tag, Diagnostics &diagnostics);
};

} // namespace vigil
