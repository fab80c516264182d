#include "datatype.h"

#include <array>
#include <limits>

namespace vigil
{

namespace
{
struct Entry {
    DataType type;
    const char16_t *name;
};
constexpr std::array<Entry, 10> kTypes{{
    {DataType::Bool, u"bool"},
    {DataType::Int16, u"int16"},
    {DataType::UInt16, u"uint16"},
    {DataType::Int32, u"int32"},
    {DataType::UInt32, u"uint32"},
    {DataType::Int64, u"int64"},
    {DataType::UInt64, u"uint64"},
    {DataType::Float32, u"float32"},
    {DataType::Float64, u"float64"},
    {DataType::String, u"string"},
}};
} // namespace

QString dataTypeName(DataType type)
{
    for (const Entry &e : kTypes) {
        if (e.type == type)
            return QString::fromUtf16(e.name);
    }
    return QString();
}

std::optional<DataType> parseDataType(QStringView name)
{
    for (const Entry &e : kTypes) {
        if (name.compare(QStringView(e.name), Qt::CaseInsensitive) == 0)
            return e.type;
    }
    return std::nullopt;
}

QStringList dataTypeNames()
{
    QStringList names;
    for (const Entry &e : kTypes)
        names.append(QString::fromUtf16(e.name));
    return names;
}

double dataTypeMin(DataType t)
{
    switch (t) {
    case DataType::Bool:
    case DataType::UInt16:
    case DataType::UInt32:
    case DataType::UInt64:
        return 0;
    case DataType::Int16:
        return std::numeric_limits<qint16>::min();
    case DataType::Int32:
        return std::numeric_limits<qint32>::min();
    case DataType::Int64:
        return double(std::numeric_limits<qint64>::min());
    case DataType::Float32:
        return -double(std::numeric_limits<float>::max());
    case DataType::Float64:
    case DataType::String:
        return -std::numeric_limits<double>::max();
    }
    return 0;
}

double dataTypeMax(DataType t)
{
    switch (t) {
    case DataType::Bool:
        return 1;
    case DataType::Int16:
        return std::numeric_limits<qint16>::max();
    case DataType::UInt16:
        return std::numeric_limits<quint16>::max();
    case DataType::Int32:
        return std::numeric_limits<qint32>::max();
    case DataType::UInt32:
        return std::numeric_limits<quint32>::max();
    case DataType::Int64:
        return double(std::numeric_limits<qint64>::max());
    case DataType::UInt64:
        return double(std::numeric_limits<quint64>::max());
    case DataType::Float32:
        return double(std::numeric_limits<float>::max());
    case DataType::Float64:
    case DataType::String:
        return std::numeric_limits<double>::max();
    }
    return 0;
}

} // namespace vigil
