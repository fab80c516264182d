#include "modbuspoint.h"

#include "config/configreader.h"
#include "config/diagnostics.h"
#include "modbussettings.h"
#include "tags/tagdefinition.h"

namespace vigil
{

std::optional<ModbusPoint> ModbusPoint::resolve(const ModbusSettings &device,
                                                const TagDefinition &tag, quint32 index,
                                                Diagnostics &diagnostics)
{
    const int errorsBefore = diagnostics.errorCount();
    auto fail = [&](const SourceLocation &at, const QString &message) {
        diagnostics.error(at.isValid() ? at : tag.location, tag.object(), message);
    };
    ModbusPoint p;
    p.tag = index;
    p.type = tag.type;
    p.unit = device.unit;
    p.order = device.order;
    p.scanMs = tag.scanMs > 0 ? tag.scanMs : device.scanMs;

    QString error;
    const std::optional<ModbusAddress> address = ModbusAddress::parse(tag.address, &error);
    if (!address) {
        fail(tag.addressLocation, error);
        return std::nullopt;
    }
    p.address = *address;
    const QString where =
        QStringLiteral("%1 %2").arg(ModbusAddress::areaName(address->area), address->toString());

    int stringLength = 0;
    const ConfigNode *orderNode = nullptr;
    const ConfigNode *lengthNode = nullptr;
    if (!tag.options.isNull()) {
        ConfigReader o(tag.options, tag.object(), diagnostics);
        const bool rtu = device.isRtu();
        if (const std::optional<qint64> unit = o.integer(u"unit", rtu ? 1 : 0, rtu ? 247 : 255))
            p.unit = int(*unit);
        orderNode = tag.options.member(u"order");
        if (const std::optional<QString> order = o.choice(u"order", ModbusCodec::orderNames()))
            p.order = *ModbusCodec::parseOrder(*order);
        lengthNode = tag.options.member(u"length");
        stringLength = int(o.integer(u"length", 1, 123).value_or(0));
        o.finish();
    }

    if (address->isBitArea()) {
        if (tag.type != DataType::Bool)
            fail(tag.addressLocation,
                 QStringLiteral("%1 does not fit %2: coils and discrete inputs hold bool")
                     .arg(dataTypeName(tag.type), where));
        if (orderNode)
            fail(orderNode->location, QStringLiteral("'order' applies to registers, not to %1s")
                                          .arg(ModbusAddress::areaName(address->area)));
    } else if (address->bit >= 0 && tag.type != DataType::Bool) {
        fail(tag.addressLocation,
             QStringLiteral("%1 does not fit %2: a bit inside a register is a bool")
                 .arg(dataTypeName(tag.type), where));
    }
    if (tag.type == DataType::String) {
        if (!lengthNode)
            fail(tag.location, QStringLiteral("a string tag needs options = { length = N } "
                                              "(registers, 1..123, two characters each)"));
    } else if (lengthNode) {
        fail(lengthNode->location,
             QStringLiteral("'length' applies to string tags only, this tag is %1")
                 .arg(dataTypeName(tag.type)));
    }
    if (orderNode && !address->isBitArea() && (tag.type == DataType::Bool || (address->bit >= 0)))
        fail(orderNode->location, QStringLiteral("'order' does not apply to a bool tag"));

    p.count = address->isBitArea() ? 1 : ModbusCodec::registerCount(tag.type, stringLength);
    if (p.count > 0 && address->offset + p.count - 1 > 65535)
        fail(tag.addressLocation,
             QStringLiteral("%1 needs %2 registers from %3: past address 65535")
                 .arg(dataTypeName(tag.type))
                 .arg(p.count)
                 .arg(address->toString()));
    if (!address->isBitArea() && p.count > device.maxRegisters)
        fail(tag.addressLocation,
             QStringLiteral("%1 needs %2 registers but the device reads at most %3 at once "
                            "(max_registers)")
                 .arg(dataTypeName(tag.type))
                 .arg(p.count)
                 .arg(device.maxRegisters));
    if (tag.writable && address->isReadOnly())
        fail(tag.location, QStringLiteral("%1 is read-only (%2s cannot be written); remove "
                                          "'writable' or use a %3")
                               .arg(where, ModbusAddress::areaName(address->area),
                                    address->area == ModbusAddress::Area::DiscreteInput
                                        ? QStringLiteral("coil")
                                        : QStringLiteral("holding register")));
    if (diagnostics.errorCount() != errorsBefore || p.count == 0)
        return std::nullopt;
    return p;
}

} // namespace vigil
