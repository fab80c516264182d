#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace vigil
{

enum class DataType : quint8 {
    Bool,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Float32,
    Float64,
    String,
};

QString dataTypeName(DataType type);
std::optional<DataType> parseDataType(QStringView name);
QStringList dataTypeNames();

constexpr bool isNumeric(DataType t)
{
    return t != DataType::Bool && t != DataType::String;
}
constexpr bool isInteger(DataType t)
{
    return t >= DataType::Int16 && t <= DataType::UInt64;
}
// Raw value limits of integer types (as doubles), for write-limit and scaling checks.
double dataTypeMin(DataType t);
double dataTypeMax(DataType t);

} // namespace vigil
