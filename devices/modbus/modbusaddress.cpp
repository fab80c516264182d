#include "modbusaddress.h"

#include <QRegularExpression>

namespace vigil
{

namespace
{

struct Prefix {
    const char16_t *name;
    ModbusAddress::Area area;
};
constexpr Prefix kPrefixes[] = {
    {u"co", ModbusAddress::Area::Coil},
    {u"coil", ModbusAddress::Area::Coil},
    {u"di", ModbusAddress::Area::DiscreteInput},
    {u"input", ModbusAddress::Area::DiscreteInput},
    {u"ir", ModbusAddress::Area::InputRegister},
    {u"hr", ModbusAddress::Area::HoldingRegister},
    {u"holding", ModbusAddress::Area::HoldingRegister},
};

QString syntaxHelp()
{
    return QStringLiteral("use co<n>, di<n>, ir<n> or hr<n> with a 0-based address 0..65535 "
                          "(hr<n>.<bit> for a bit 0..15 of a register), or a 6-digit reference "
                          "such as 400001");
}

} // namespace

std::optional<ModbusAddress> ModbusAddress::parse(const QString &text, QString *error)
{
    static const QRegularExpression prefixed(
        QStringLiteral("^([A-Za-z]+)(\\d{1,6})(?:\\.(\\d{1,2}))?$"));
    static const QRegularExpression modicon(QStringLiteral("^([0134])(\\d{5})(?:\\.(\\d{1,2}))?$"));
    const QString t = text.trimmed();
    ModbusAddress a;
    qint64 offset = -1;
    QString bitText;
    if (const QRegularExpressionMatch m = modicon.match(t); m.hasMatch()) {
        const int kind = m.captured(1).toInt();
        a.area = kind == 0   ? Area::Coil
                 : kind == 1 ? Area::DiscreteInput
                 : kind == 3 ? Area::InputRegister
                             : Area::HoldingRegister;
        offset = m.captured(2).toLongLong() - 1;
        if (offset < 0) {
            *error = QStringLiteral("Modbus reference '%1' is 1-based: %2 is the first %3")
                         .arg(t, QString::number(kind) + QStringLiteral("00001"), areaName(a.area));
            return std::nullopt;
        }
        bitText = m.captured(3);
    } else if (const QRegularExpressionMatch p = prefixed.match(t); p.hasMatch()) {
        const QString name = p.captured(1).toLower();
        bool known = false;
        for (const Prefix &prefix : kPrefixes) {
            if (name == QStringView(prefix.name)) {
                a.area = prefix.area;
                known = true;
            }
        }
        if (!known) {
            *error = QStringLiteral("unknown Modbus area '%1' in address '%2': %3")
                         .arg(p.captured(1), t, syntaxHelp());
            return std::nullopt;
        }
        offset = p.captured(2).toLongLong();
        bitText = p.captured(3);
    } else {
        *error = QStringLiteral("'%1' is not a Modbus address: %2").arg(t, syntaxHelp());
        return std::nullopt;
    }
    if (offset > 65535) {
        *error = QStringLiteral("Modbus address '%1' is past 65535").arg(t);
        return std::nullopt;
    }
    a.offset = int(offset);
    if (!bitText.isEmpty()) {
        if (a.isBitArea()) {
            *error = QStringLiteral("'%1': a bit index applies to registers, not to %2s")
                         .arg(t, areaName(a.area));
            return std::nullopt;
        }
        const int bit = bitText.toInt();
        if (bit > 15) {
            *error = QStringLiteral("'%1': bit %2 does not exist, a register has bits 0..15")
                         .arg(t)
                         .arg(bit);
            return std::nullopt;
        }
        a.bit = bit;
    }
    return a;
}

QString ModbusAddress::areaName(Area area)
{
    switch (area) {
    case Area::Coil:
        return QStringLiteral("coil");
    case Area::DiscreteInput:
        return QStringLiteral("discrete input");
    case Area::InputRegister:
        return QStringLiteral("input register");
    case Area::HoldingRegister:
        return QStringLiteral("holding register");
    }
    return QString();
}

QString ModbusAddress::areaPrefix(Area area)
{
    switch (area) {
    case Area::Coil:
        return QStringLiteral("co");
    case Area::DiscreteInput:
        return QStringLiteral("di");
    case Area::InputRegister:
        return QStringLiteral("ir");
    case Area::HoldingRegister:
        return QStringLiteral("hr");
    }
    return QString();
}

QString ModbusAddress::toString() const
{
    QString s = areaPrefix(area) + QString::number(offset);
    if (bit >= 0)
        s += u'.' + QString::number(bit);
    return s;
}

} // namespace vigil
