#pragma once

#include <QString>

namespace vigil
{

// MQTT topic names and topic filters (MQTT 3.1.1 §4.7): validation, matching and containment.
class MqttTopic
{
public:
    // A topic a message is published to: no wildcards, not empty. Returns an error or "".
    static QString checkName(QStringView topic);
    // A subscription filter: '+' stands for one whole level, '#' for the rest and only last.
    static QString checkFilter(QStringView filter);
    static bool hasWildcards(QStringView filter);
    // Whether the topic name matches the filter ('$' topics never match a leading wildcard).
    static bool matches(QStringView filter, QStringView topic);
    // Whether every topic the inner filter matches is also matched by the outer one.
    static bool covers(QStringView outer, QStringView inner);
};

} // namespace vigil
