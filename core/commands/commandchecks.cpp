#include "commandchecks.h"

#include "security/permissionmatrix.h"
#include "tags/tagdefinition.h"

#include <cmath>

namespace vigil::CommandChecks
{

namespace
{

QString withUnit(double value, const QString &unit)
{
    const QString number = QString::number(value);
    return unit.isEmpty() ? number : QStringLiteral("%1 %2").arg(number, unit);
}

QString boolRefusal(QVariant &target)
{
    const auto type = target.typeId();
    if (type == QMetaType::Bool) {
        return {};
    }
    if (type == QMetaType::Int || type == QMetaType::LongLong || type == QMetaType::Double ||
        type == QMetaType::UInt || type == QMetaType::ULongLong) {
        const double v = target.toDouble();
        if (v == 0.0 || v == 1.0) {
            target = QVariant(v == 1.0);
            return {};
        }
    }
    return QStringLiteral("%1 is not on/off (true or false)").arg(target.toString());
}

QString numberRefusal(const TagDefinition &tag, QVariant &target)
{
    bool ok = false;
    const double v = target.typeId() == QMetaType::Bool ? 0.0 : target.toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return QStringLiteral("'%1' is not a number").arg(target.toString());
    if (v < tag.writeMin)
        return QStringLiteral("%1 is below the low write limit %2")
            .arg(withUnit(v, tag.unit), withUnit(tag.writeMin, tag.unit));
    if (v > tag.writeMax)
        return QStringLiteral("%1 is above the high write limit %2")
            .arg(withUnit(v, tag.unit), withUnit(tag.writeMax, tag.unit));
    target = QVariant(v);
    return {};
}

} // namespace

Permission permissionFor(const TagDefinition &tag)
{
    return tag.type == DataType::Bool ? Permission::OperateEquipment : Permission::ChangeSetpoint;
}

QString permissionRefusal(const TagDefinition &tag, Role role)
{
    const Permission needed = permissionFor(tag);
    if (PermissionMatrix::allowed(role, needed))
        return {};
    const QString who = roleName(role).isEmpty()
                            ? QStringLiteral("an unknown role")
                            : QStringLiteral("the role %1").arg(roleName(role));
    return QStringLiteral("%1 lacks the permission %2").arg(who, permissionName(needed));
}

QString valueRefusal(const TagDefinition &tag, QVariant &target)
{
    if (!target.isValid() || target.isNull())
        return QStringLiteral("no value given");
    if (tag.type == DataType::Bool)
        return boolRefusal(target);
    if (tag.type == DataType::String) {
        target = QVariant(target.toString());
        return {};
    }
    return numberRefusal(tag, target);
}

QString deviceProblem(const TagDefinition &tag, Quality quality)
{
    if (quality == Quality::NotConnected)
        return QStringLiteral("%1: not connected").arg(tag.device);
    if (quality == Quality::CommError)
        return QStringLiteral("%1: communication error").arg(tag.device);
    return {};
}

QString valueText(const TagDefinition &tag, const QVariant &value)
{
    if (tag.type == DataType::Bool)
        return value.toBool() ? QStringLiteral("1") : QStringLiteral("0");
    if (tag.type == DataType::String)
        return QStringLiteral("'%1'").arg(value.toString());
    return QString::number(value.toDouble());
}

QString durationText(qint64 ms)
{
    return QStringLiteral("%1 s").arg(QString::number(double(ms) / 1000.0));
}

} // namespace vigil::CommandChecks
