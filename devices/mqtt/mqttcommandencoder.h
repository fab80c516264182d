#pragma once

#include "mqtttagmapping.h"
#include "tags/datatype.h"
#include "writerequest.h"

#include <QByteArray>

namespace vigil
{

// Turns a checked write into the payload of a command message, from the tag's template.
// Placeholders: ${value} (JSON-encoded in JSON templates: numbers bare, booleans true/false,
// text quoted), ${tag} (the tag id), ${ts} (epoch milliseconds). Default templates: "${value}"
// (plain) and {"value":${value}} (JSON).
class MqttCommandEncoder
{
public:
    // "" if the template (empty = the default) is usable for the format and data type.
    static QString checkTemplate(MqttTagMapping::Format format, const QString &pattern,
                                 DataType type);
    static QByteArray encode(const MqttTagMapping &mapping, DataType type, const RawValue &value,
                             const QString &tagId, qint64 nowMs);

private:
    static QString render(MqttTagMapping::Format format, const QString &pattern, DataType type,
                          const RawValue &value, const QString &tagId, qint64 nowMs,
                          QString *error);
};

} // namespace vigil
