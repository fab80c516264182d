#pragma once

#include "mqttreject.h"
#include "mqtttagmapping.h"
#include "tags/datatype.h"
#include "tags/tagsample.h"

#include <QByteArrayView>
#include <QJsonValue>

#include <optional>

namespace vigil
{

// Decodes one received payload for the tags it feeds. A JSON payload is parsed at most once,
// however many tags read fields of it. Plain payloads: a number, true/false/1/0/on/off, or
// UTF-8 text, depending on the tag's type.
class MqttPayloadDecoder
{
public:
    explicit MqttPayloadDecoder(QByteArrayView payload)
        : m_payload(payload)
    {
    }

    // Fills sample.value or sample.text (and sourceTime when the mapping has a timestamp field,
    // checked against the mapping's window around nowMs). Returns the reason when the payload
    // cannot feed this tag; detail then says what and where.
    std::optional<MqttReject> decode(const MqttTagMapping &mapping, DataType type, qint64 nowMs,
                                     TagSample &sample, QString &detail);

private:
    std::optional<MqttReject> decodePlain(DataType type, TagSample &sample, QString &detail);
    std::optional<MqttReject> decodeJson(const MqttTagMapping &mapping, DataType type,
                                         TagSample &sample, QString &detail);
    std::optional<MqttReject> decodeTimestamp(const MqttTagMapping &mapping, qint64 nowMs,
                                              TagSample &sample, QString &detail);
    std::optional<MqttReject> parseJson(QString &detail);
    bool isValidUtf8();

    QByteArrayView m_payload;
    enum class Parse : quint8 {
        NotYet,
        Ok,
        Failed
    } m_parse = Parse::NotYet;
    MqttReject m_parseReject = MqttReject::InvalidJson;
    QString m_parseError;
    QJsonValue m_root;
    int m_utf8 = -1; // -1 unknown, 0 invalid, 1 valid
};

// Checks a raw value against the tag's data type (integral and within range for integer types).
std::optional<MqttReject> checkRawNumber(DataType type, double value, QString &detail);

} // namespace vigil
