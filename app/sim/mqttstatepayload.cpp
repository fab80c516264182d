#include "mqttstatepayload.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

namespace vigil::sim
{

namespace
{

double round3(double v)
{
    return std::round(v * 1000.0) / 1000.0;
}

// The command's value: the "value" field of a JSON object, or the payload as a JSON value.
std::optional<QJsonValue> commandValue(const QByteArray &payload)
{
    const QByteArray text = payload.trimmed();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson("[" + text + "]", &error);
    if (error.error != QJsonParseError::NoError || doc.array().size() != 1)
        return std::nullopt;
    const QJsonValue v = doc.array().at(0);
    if (v.isObject())
        return v.toObject().contains(u"value") ? std::optional(v.toObject().value(u"value"))
                                               : std::nullopt;
    return v;
}

} // namespace

QByteArray MqttStatePayload::encode(const PlantState &s, qint64 nowMs)
{
    const PlantCommands &c = s.commands;
    QJsonObject root{
        {QStringLiteral("ts"), double(nowMs)},
        {QStringLiteral("tank"),
         QJsonObject{{QStringLiteral("level"), round3(s.level)},
                     {QStringLiteral("temperature"), round3(s.temperature)}}},
        {QStringLiteral("valve"),
         QJsonObject{{QStringLiteral("position"), round3(s.valvePosition * 100.0)},
                     {QStringLiteral("opened"), s.valveOpened},
                     {QStringLiteral("closed"), s.valveClosed},
                     {QStringLiteral("open_cmd"), c.valveOpen}}},
        {QStringLiteral("flow"), QJsonArray{round3(s.inletFlow), round3(s.outletFlow)}},
        {QStringLiteral("pump"), QJsonObject{{QStringLiteral("running"), s.pumpRunning},
                                             {QStringLiteral("run_cmd"), c.pumpRun},
                                             {QStringLiteral("current"), round3(s.motorCurrent)},
                                             {QStringLiteral("vibration"), round3(s.vibration)}}},
        {QStringLiteral("pressure"), round3(s.pressure)},
        {QStringLiteral("heater"), QJsonObject{{QStringLiteral("on"), c.heaterOn},
                                               {QStringLiteral("power"), round3(s.heaterPower)}}},
        {QStringLiteral("setpoints"),
         QJsonObject{{QStringLiteral("temperature"), round3(c.temperatureSp)},
                     {QStringLiteral("pump_speed"), round3(c.pumpSpeed)}}},
        {QStringLiteral("total"), round3(s.total)},
        {QStringLiteral("mode"), QStringLiteral("AUTO")},
    };
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

QString MqttStatePayload::applyCommand(const QString &name, const QByteArray &payload,
                                       PlantCommands &commands)
{
    const std::optional<QJsonValue> value = commandValue(payload);
    if (!value)
        return QStringLiteral("payload '%1' is neither a JSON value nor {\"value\": …}")
            .arg(QString::fromUtf8(payload.left(60)));
    bool *flag = name == u"valve_open"  ? &commands.valveOpen
                 : name == u"pump_run"  ? &commands.pumpRun
                 : name == u"heater_on" ? &commands.heaterOn
                                        : nullptr;
    double *number = name == u"temperature_sp" ? &commands.temperatureSp
                     : name == u"pump_speed"   ? &commands.pumpSpeed
                                               : nullptr;
    if (flag) {
        if (!value->isBool() &&
            !(value->isDouble() && (value->toDouble() == 0 || value->toDouble() == 1)))
            return QStringLiteral("%1 takes true or false").arg(name);
        *flag = value->isBool() ? value->toBool() : value->toDouble() != 0;
        return QString();
    }
    if (number) {
        if (!value->isDouble() || !std::isfinite(value->toDouble()))
            return QStringLiteral("%1 takes a number").arg(name);
        *number = value->toDouble();
        return QString();
    }
    return QStringLiteral("unknown command '%1' (valve_open, pump_run, heater_on, "
                          "temperature_sp, pump_speed)")
        .arg(name);
}

} // namespace vigil::sim
