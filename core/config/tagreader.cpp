#include "tagreader.h"

#include "alarmrulereader.h"
#include "commandsettingsreader.h"
#include "configreader.h"
#include "diagnostics.h"
#include "drivercatalog.h"

#include <QRegularExpression>

#include <algorithm>

namespace vigil
{

TagReader::TagReader(const QHash<QString, DeviceConfig> &devices, const DriverCatalog &drivers,
                     Diagnostics &diagnostics)
    : m_devices(devices)
    , m_drivers(drivers)
    , m_diagnostics(diagnostics)
{
}

bool TagReader::isValidId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z][A-Za-z0-9_.\\-]{0,63}$"));
    return pattern.match(id).hasMatch();
}

std::optional<TagDefinition> TagReader::read(const ConfigNode &table, const QString &fallbackObject,
                                             const QString &defaultDevice)
{
    if (!table.isTable()) {
        m_diagnostics.error(table.location, fallbackObject,
                            QStringLiteral("a tag must be a table"));
        return std::nullopt;
    }
    ConfigReader r(table, fallbackObject, m_diagnostics);
    TagDefinition tag;
    tag.location = table.location;

    const std::optional<QString> id = r.string(u"id", ConfigReader::Required);
    if (id) {
        tag.id = *id;
        tag.location = table.member(u"id")->location;
        r.setObject(tag.object());
        if (!isValidId(*id))
            r.error(*table.member(u"id"),
                    QStringLiteral("invalid tag id: use 1 to 64 letters, digits, '_', '.' or '-', "
                                   "starting with a letter"));
    }
    tag.description = r.string(u"description").value_or(QString());

    const ConfigNode *deviceNode = table.member(u"device");
    tag.device = r.string(u"device").value_or(defaultDevice);
    const DeviceConfig *device = nullptr;
    if (tag.device.isEmpty() && !deviceNode) {
        r.error(table.location, QStringLiteral("missing required key 'device'"));
    } else if (!tag.device.isEmpty()) {
        const auto it = m_devices.constFind(tag.device);
        if (it == m_devices.constEnd()) {
            QStringList known = m_devices.keys();
            known.sort();
            r.error(
                deviceNode ? deviceNode->location : table.location,
                QStringLiteral("unknown device '%1' (devices: %2)")
                    .arg(tag.device, known.isEmpty() ? QStringLiteral("none") : known.join(u", ")));
        } else {
            device = &*it;
        }
    }

    const std::optional<QString> typeName =
        r.choice(u"type", dataTypeNames(), ConfigReader::Required);
    if (typeName)
        tag.type = *parseDataType(*typeName);
    if (const std::optional<QString> address = r.string(u"address", ConfigReader::Required)) {
        tag.address = address->trimmed();
        tag.addressLocation = table.member(u"address")->location;
        if (tag.address.isEmpty())
            r.error(tag.addressLocation, QStringLiteral("'address' must not be empty"));
    }

    const bool numeric = typeName && isNumeric(tag.type);
    const QString typeText = typeName ? dataTypeName(tag.type) : QString();
    auto numericOnly = [&](QStringView key) {
        if (const ConfigNode *n = r.take(key))
            r.error(*n, QStringLiteral("'%1' applies to numeric tags only, this tag is %2")
                            .arg(key, typeText));
    };

    if (numeric) {
        tag.unit = r.string(u"unit", ConfigReader::Required).value_or(QString());
        const auto range = r.range(u"range", ConfigReader::Required);
        if (range) {
            tag.rangeLo = range->first;
            tag.rangeHi = range->second;
        }
        readScaling(r, tag);
        readDeadband(r, tag, range.has_value());
        if (const auto decimals = r.integer(u"decimals", 0, 9))
            tag.decimals = int(*decimals);
    } else if (typeName) {
        tag.unit = r.string(u"unit").value_or(QString());
        for (QStringView key : {u"range", u"scale", u"deadband", u"deadband_percent", u"decimals"})
            numericOnly(key);
        tag.rangeLo = 0;
        tag.rangeHi = tag.type == DataType::Bool ? 1 : 0;
    } else {
        r.accept({u"unit", u"range", u"scale", u"deadband", u"deadband_percent", u"decimals"});
    }

    readWriteLimits(r, tag);
    if (typeName)
        tag.command = CommandSettingsReader::read(r, tag);
    else
        r.accept({u"critical", u"feedback", u"feedback_timeout", u"feedback_tolerance", u"verify",
                  u"command_interval", u"labels", u"interlocks"});
    tag.scanMs = r.durationMs(u"scan", 10, 86'400'000).value_or(0);
    if (const ConfigNode *options = r.table(u"options"))
        tag.options = *options;
    if (const ConfigNode *alarms = r.array(u"alarms"); alarms && typeName)
        tag.alarms = AlarmRuleReader::read(*alarms, tag, m_diagnostics);
    r.finish();

    if (device && typeName && !tag.address.isEmpty())
        m_drivers.validateTag(*device, tag, m_diagnostics);
    if (!id)
        return std::nullopt;
    return tag;
}

void TagReader::readScaling(ConfigReader &r, TagDefinition &tag)
{
    const ConfigNode *scale = r.table(u"scale");
    if (!scale)
        return;
    ConfigReader s(*scale, r.object(), m_diagnostics);
    const auto raw = s.numberPair(u"raw");
    const auto eu = s.numberPair(u"eu");
    const auto gain = s.number(u"gain");
    const auto offset = s.number(u"offset");
    s.finish();
    const bool span = scale->member(u"raw") || scale->member(u"eu");
    const bool linear = scale->member(u"gain") || scale->member(u"offset");
    if (span && linear) {
        s.error(*scale,
                QStringLiteral("scale takes either raw and eu spans or gain and offset, not both"));
        return;
    }
    if (span) {
        if (!scale->member(u"raw") || !scale->member(u"eu")) {
            s.error(*scale, QStringLiteral("scale needs both 'raw' and 'eu' spans, e.g. "
                                           "{ raw = [0, 27648], eu = [0, 100] }"));
            return;
        }
        if (!raw || !eu)
            return;
        if (raw->first == raw->second) {
            s.error(*scale->member(u"raw"), QStringLiteral("scale raw span must not be empty"));
            return;
        }
        if (eu->first == eu->second) {
            s.error(*scale->member(u"eu"), QStringLiteral("scale eu span must not be empty"));
            return;
        }
        tag.scaling = Scaling::fromSpan(raw->first, raw->second, eu->first, eu->second);
    } else if (linear) {
        if (gain && *gain == 0) {
            s.error(*scale->member(u"gain"), QStringLiteral("scale gain must not be zero"));
            return;
        }
        tag.scaling = Scaling::fromGainOffset(gain.value_or(1.0), offset.value_or(0.0));
    }
}

void TagReader::readDeadband(ConfigReader &r, TagDefinition &tag, bool hasRange)
{
    const ConfigNode *absNode = r.node().member(u"deadband");
    const ConfigNode *pctNode = r.node().member(u"deadband_percent");
    const auto absolute = r.number(u"deadband");
    const auto percent = r.number(u"deadband_percent");
    if (absolute && percent) {
        r.error(*pctNode, QStringLiteral("give either 'deadband' or 'deadband_percent', not both"));
        return;
    }
    if (absolute) {
        const double span = tag.rangeHi - tag.rangeLo;
        if (*absolute < 0)
            r.error(*absNode,
                    QStringLiteral("deadband must not be negative (got %1)").arg(*absolute));
        else if (hasRange && *absolute > span)
            // A change inside the range can never exceed it: the value would never update.
            r.error(*absNode, QStringLiteral("deadband %1 is larger than the whole range [%2, %3]: "
                                             "the value would never update")
                                  .arg(*absolute)
                                  .arg(tag.rangeLo)
                                  .arg(tag.rangeHi));
        else
            tag.deadband = *absolute;
    } else if (percent) {
        if (*percent < 0 || *percent > 100)
            r.error(*pctNode, QStringLiteral("deadband_percent must be between 0 and 100 (got %1)")
                                  .arg(*percent));
        else
            tag.deadband = (tag.rangeHi - tag.rangeLo) * *percent / 100.0;
    }
}

void TagReader::readWriteLimits(ConfigReader &r, TagDefinition &tag)
{
    const ConfigNode *limitsNode = r.node().member(u"write_limits");
    tag.writable = r.boolean(u"writable").value_or(false);
    if (!isNumeric(tag.type)) {
        if (limitsNode) {
            r.take(u"write_limits");
            r.error(*limitsNode, QStringLiteral("write_limits apply to numeric tags only"));
        }
        return;
    }
    const auto limits = r.range(u"write_limits");
    if (!tag.writable) {
        if (limitsNode)
            r.error(*limitsNode, QStringLiteral("write_limits given but the tag is not writable "
                                                "(add writable = true)"));
        return;
    }
    if (!limitsNode) {
        r.error(r.node().member(u"writable")->location,
                QStringLiteral("a writable numeric tag needs write_limits = [low, high]"));
        return;
    }
    if (!limits)
        return;
    tag.writeMin = limits->first;
    tag.writeMax = limits->second;
    const double rawA = tag.scaling.toRaw(tag.writeMin);
    const double rawB = tag.scaling.toRaw(tag.writeMax);
    if (std::min(rawA, rawB) < dataTypeMin(tag.type) ||
        std::max(rawA, rawB) > dataTypeMax(tag.type))
        r.error(*limitsNode, QStringLiteral("write_limits [%1, %2] need raw values [%3, %4] that "
                                            "a %5 cannot hold")
                                 .arg(tag.writeMin)
                                 .arg(tag.writeMax)
                                 .arg(rawA)
                                 .arg(rawB)
                                 .arg(dataTypeName(tag.type)));
}

} // namespace vigil
