#pragma once

#include <QString>

#include <optional>

namespace vigil
{

// Where a tag lives on a Modbus device, parsed from its address:
//   co12  di3  ir100  hr40  hr40.7      area prefix + 0-based protocol address (+ bit 0..15)
//   coil12  input12  ... are accepted as long forms of the prefixes
//   000013  100004  300101  400041      6-digit Modicon reference (1-based), same as the above
struct ModbusAddress {
    enum class Area : quint8 {
        Coil,
        DiscreteInput,
        InputRegister,
        HoldingRegister,
    };

    Area area = Area::HoldingRegister;
    int offset = 0; // 0..65535
    int bit = -1;   // 0..15 for a bit inside a register, else -1

    bool isBitArea() const { return area == Area::Coil || area == Area::DiscreteInput; }
    bool isReadOnly() const { return area == Area::DiscreteInput || area == Area::InputRegister; }

    // nullopt and *error set when the text is not an address.
    static std::optional<ModbusAddress> parse(const QString &text, QString *error);
    static QString areaName(Area area);   // "coil", "holding register", ...
    static QString areaPrefix(Area area); // "co", "hr", ...
    QString toString() const;
};

} // namespace vigil
