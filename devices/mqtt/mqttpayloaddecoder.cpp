#include "mqttpayloaddecoder.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringDecoder>

#include <charconv>
#include <cmath>

namespace vigil
{

namespace
{

QByteArrayView trimmed(QByteArrayView v)
{
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!v.isEmpty() && space(v.front()))
        v = v.sliced(1);
    while (!v.isEmpty() && space(v.back()))
        v.chop(1);
    return v;
}

QString quoted(QByteArrayView v)
{
    constexpr qsizetype shown = 40;
    const QString text = QString::fromUtf8(v.first(std::min(v.size(), shown)));
    return QStringLiteral("'%1%2'").arg(text, v.size() > shown ? QStringLiteral("…") : QString());
}

QString jsonKind(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("a boolean");
    case QJsonValue::Double:
        return QStringLiteral("a number");
    case QJsonValue::String:
        return QStringLiteral("text");
    case QJsonValue::Array:
        return QStringLiteral("an array");
    case QJsonValue::Object:
        return QStringLiteral("an object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

} // namespace

std::optional<MqttReject> checkRawNumber(DataType type, double value, QString &detail)
{
    if (!std::isfinite(value)) {
        detail = QStringLiteral("%1 is not a finite number").arg(value);
        return MqttReject::NotFinite;
    }
    if (isInteger(type)) {
        if (value != std::trunc(value)) {
            detail = QStringLiteral("%1 is not a whole number (tag is %2)")
                         .arg(value)
                         .arg(dataTypeName(type));
            return MqttReject::OutOfRange;
        }
        if (value < dataTypeMin(type) || value > dataTypeMax(type)) {
            detail = QStringLiteral("%1 does not fit a %2").arg(value).arg(dataTypeName(type));
            return MqttReject::OutOfRange;
        }
    }
    return std::nullopt;
}

bool MqttPayloadDecoder::isValidUtf8()
{
    if (m_utf8 < 0) {
        bool ascii = true;
        for (char c : m_payload) {
            if (uchar(c) >= 0x80) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            m_utf8 = 1;
        } else {
            QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
            const QString ignored = decoder.decode(m_payload);
            m_utf8 = decoder.hasError() ? 0 : 1;
        }
    }
    return m_utf8 == 1;
}

std::optional<MqttReject> MqttPayloadDecoder::decode(const MqttTagMapping &mapping, DataType type,
                                                     qint64 nowMs, TagSample &sample,
                                                     QString &detail)
{
    if (mapping.format == MqttTagMapping::Format::Plain)
        return decodePlain(type, sample, detail);
    if (std::optional<MqttReject> bad = decodeJson(mapping, type, sample, detail))
        return bad;
    return mapping.timestamp ? decodeTimestamp(mapping, nowMs, sample, detail) : std::nullopt;
}

std::optional<MqttReject> MqttPayloadDecoder::decodePlain(DataType type, TagSample &sample,
                                                          QString &detail)
{
    if (!isValidUtf8()) {
        detail = QStringLiteral("the payload is not valid UTF-8 text");
        return MqttReject::InvalidUtf8;
    }
    if (type == DataType::String) {
        sample.text = QString::fromUtf8(m_payload);
        return std::nullopt;
    }
    const QByteArrayView text = trimmed(m_payload);
    if (type == DataType::Bool) {
        const QByteArray lower = text.toByteArray().toLower();
        if (lower == "true" || lower == "1" || lower == "on") {
            sample.value = 1;
        } else if (lower == "false" || lower == "0" || lower == "off") {
            sample.value = 0;
        } else {
            detail = QStringLiteral("%1 is not true/false, 1/0 or on/off").arg(quoted(text));
            return MqttReject::WrongType;
        }
        return std::nullopt;
    }
    double value = 0;
    const char *begin = text.data();
    const char *end = begin + text.size();
    const std::from_chars_result r = std::from_chars(begin, end, value);
    if (text.isEmpty() || r.ptr != end ||
        (r.ec != std::errc() && r.ec != std::errc::result_out_of_range)) {
        detail = QStringLiteral("%1 is not a number").arg(quoted(text));
        return MqttReject::WrongType;
    }
    if (r.ec == std::errc::result_out_of_range || !std::isfinite(value)) {
        detail = QStringLiteral("%1 is not a finite number").arg(quoted(text));
        return MqttReject::NotFinite;
    }
    if (std::optional<MqttReject> bad = checkRawNumber(type, value, detail))
        return bad;
    sample.value = value;
    return std::nullopt;
}

std::optional<MqttReject> MqttPayloadDecoder::parseJson(QString &detail)
{
    if (m_parse == Parse::NotYet) {
        const QByteArrayView text = trimmed(m_payload);
        const bool container = !text.isEmpty() && (text.front() == '{' || text.front() == '[');
        QJsonParseError error;
        // Qt only accepts objects and arrays as documents: a bare value is wrapped in [ ].
        const QJsonDocument doc =
            container
                ? QJsonDocument::fromJson(QByteArray::fromRawData(text.data(), text.size()), &error)
                : QJsonDocument::fromJson("[" + text.toByteArray() + "]", &error);
        if (error.error != QJsonParseError::NoError) {
            m_parse = Parse::Failed;
            m_parseReject = error.error == QJsonParseError::IllegalUTF8String
                                ? MqttReject::InvalidUtf8
                                : MqttReject::InvalidJson;
            const int offset = container ? error.offset : std::max(0, error.offset - 1);
            m_parseError = QStringLiteral("%1 at offset %2").arg(error.errorString()).arg(offset);
        } else {
            m_parse = Parse::Ok;
            m_root = container
                         ? (doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array()))
                         : doc.array().at(0);
        }
    }
    if (m_parse == Parse::Failed) {
        detail = m_parseError;
        return m_parseReject;
    }
    return std::nullopt;
}

std::optional<MqttReject> MqttPayloadDecoder::decodeJson(const MqttTagMapping &mapping,
                                                         DataType type, TagSample &sample,
                                                         QString &detail)
{
    if (std::optional<MqttReject> bad = parseJson(detail))
        return bad;
    QString where;
    const std::optional<QJsonValue> value = mapping.path.find(m_root, &where);
    if (!value) {
        detail = QStringLiteral("field '%1': %2").arg(mapping.path.text(), where);
        return MqttReject::MissingField;
    }
    auto field = [&] {
        return mapping.path.isRoot() ? QStringLiteral("the payload")
                                     : QStringLiteral("field '%1'").arg(mapping.path.text());
    };
    if (type == DataType::String) {
        if (!value->isString()) {
            detail = QStringLiteral("%1 is %2, expected text").arg(field(), jsonKind(*value));
            return MqttReject::WrongType;
        }
        sample.text = value->toString();
    } else if (type == DataType::Bool) {
        if (value->isBool()) {
            sample.value = value->toBool() ? 1 : 0;
        } else if (value->isDouble() && (value->toDouble() == 0 || value->toDouble() == 1)) {
            sample.value = value->toDouble();
        } else {
            detail = QStringLiteral("%1 is %2, expected true/false or 1/0")
                         .arg(field(), jsonKind(*value));
            return MqttReject::WrongType;
        }
    } else {
        if (!value->isDouble()) {
            detail = QStringLiteral("%1 is %2, expected a number").arg(field(), jsonKind(*value));
            return MqttReject::WrongType;
        }
        if (std::optional<MqttReject> bad = checkRawNumber(type, value->toDouble(), detail)) {
            detail = QStringLiteral("%1: %2").arg(field(), detail);
            return bad;
        }
        sample.value = value->toDouble();
    }

    return std::nullopt;
}

std::optional<MqttReject> MqttPayloadDecoder::decodeTimestamp(const MqttTagMapping &mapping,
                                                              qint64 nowMs, TagSample &sample,
                                                              QString &detail)
{
    QString where;
    const std::optional<QJsonValue> ts = mapping.timestamp->find(m_root, &where);
    const QString field = QStringLiteral("timestamp field '%1'").arg(mapping.timestamp->text());
    if (!ts) {
        detail = QStringLiteral("%1: %2").arg(field, where);
        return MqttReject::MissingField;
    }
    const SourceTimePolicy &policy = mapping.timePolicy;
    std::optional<qint64> ms;
    QString reason;
    if (ts->isDouble()) {
        ms = policy.fromNumber(ts->toDouble(), nowMs, reason);
    } else if (ts->isString()) {
        const QDateTime t = QDateTime::fromString(ts->toString(), Qt::ISODateWithMs);
        if (!t.isValid()) {
            reason =
                QStringLiteral("'%1' is not an epoch number or ISO 8601 text").arg(ts->toString());
        } else if (const std::optional<QString> refused =
                       policy.check(t.toMSecsSinceEpoch(), nowMs)) {
            reason = QStringLiteral("'%1' %2").arg(ts->toString(), *refused);
        } else {
            ms = t.toMSecsSinceEpoch();
        }
    } else {
        reason = QStringLiteral("%1, not an epoch number or ISO 8601 text").arg(jsonKind(*ts));
    }
    if (!ms) {
        detail = QStringLiteral("%1: %2").arg(field, reason);
        return MqttReject::BadTimestamp;
    }
    sample.sourceTime = *ms;
    return std::nullopt;
}

} // namespace vigil
