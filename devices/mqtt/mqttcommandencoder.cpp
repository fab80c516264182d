#include "mqttcommandencoder.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

namespace vigil
{

namespace
{

QString defaultPattern(MqttTagMapping::Format format)
{
    return format == MqttTagMapping::Format::Json ? QStringLiteral("{\"value\":${value}}")
                                                  : QStringLiteral("${value}");
}

QString valueText(MqttTagMapping::Format format, DataType type, const RawValue &value)
{
    if (type == DataType::Bool)
        return value.number != 0.0 ? QStringLiteral("true") : QStringLiteral("false");
    if (type == DataType::String) {
        if (format == MqttTagMapping::Format::Plain)
            return value.text;
        const QByteArray array =
            QJsonDocument(QJsonArray{value.text}).toJson(QJsonDocument::Compact);
        return QString::fromUtf8(array.mid(1, array.size() - 2));
    }
    if (isInteger(type))
        return QString::number(qint64(value.number));
    return QString::number(value.number, 'g', QLocale::FloatingPointShortest);
}

} // namespace

QString MqttCommandEncoder::render(MqttTagMapping::Format format, const QString &pattern,
                                   DataType type, const RawValue &value, const QString &tagId,
                                   qint64 nowMs, QString *error)
{
    const QString p = pattern.isEmpty() ? defaultPattern(format) : pattern;
    QString out;
    out.reserve(p.size() + 16);
    bool hasValue = false;
    qsizetype i = 0;
    while (i < p.size()) {
        const qsizetype start = p.indexOf(u"${", i);
        if (start < 0) {
            out += QStringView(p).mid(i);
            break;
        }
        out += QStringView(p).mid(i, start - i);
        const qsizetype end = p.indexOf(u'}', start);
        if (end < 0) {
            if (error)
                *error = QStringLiteral("command_template: '${' without '}'");
            return QString();
        }
        const QStringView name = QStringView(p).mid(start + 2, end - start - 2);
        if (name == u"value") {
            out += valueText(format, type, value);
            hasValue = true;
        } else if (name == u"tag") {
            out += tagId;
        } else if (name == u"ts") {
            out += QString::number(nowMs);
        } else {
            if (error)
                *error = QStringLiteral("command_template: unknown placeholder ${%1} (use "
                                        "${value}, ${tag} or ${ts})")
                             .arg(name);
            return QString();
        }
        i = end + 1;
    }
    if (!hasValue && error)
        *error = QStringLiteral("command_template must contain ${value}");
    return out;
}

QString MqttCommandEncoder::checkTemplate(MqttTagMapping::Format format, const QString &pattern,
                                          DataType type)
{
    QString error;
    RawValue sample;
    sample.number = 1;
    sample.text = QStringLiteral("text \"quoted\"");
    const QString rendered =
        render(format, pattern, type, sample, QStringLiteral("TAG"), 1'700'000'000'000, &error);
    if (!error.isEmpty())
        return error;
    if (format == MqttTagMapping::Format::Json) {
        QJsonParseError parseError;
        // Wrapped in an array so that a bare value is a valid document too.
        QJsonDocument::fromJson(QByteArray("[") + rendered.toUtf8() + QByteArray("]"), &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return QStringLiteral("command_template is not valid JSON once ${value} is filled "
                                  "in (%1): %2")
                .arg(parseError.errorString(), rendered);
    }
    return QString();
}

QByteArray MqttCommandEncoder::encode(const MqttTagMapping &mapping, DataType type,
                                      const RawValue &value, const QString &tagId, qint64 nowMs)
{
    return render(mapping.commandFormat, mapping.commandTemplate, type, value, tagId, nowMs,
                  nullptr)
        .toUtf8();
}

} // namespace vigil
