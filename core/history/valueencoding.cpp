#include "valueencoding.h"

#include "tags/tagdefinition.h"

namespace vigil
{

ValueEncoding ValueEncoding::forTag(const TagDefinition &tag)
{
    // Where the device's type says nothing exact about the value (float64, scaled floats), a
    // chunk starts as integers and widens to the decimals or floats its values need.
    const bool identity = tag.scaling.isIdentity();
    switch (tag.type) {
    case DataType::Bool:
        return ValueEncoding(Mode::Integer);
    case DataType::Int16:
    case DataType::UInt16:
    case DataType::Int32:
    case DataType::UInt32:
    case DataType::Int64:
    case DataType::UInt64:
        if (identity)
            return ValueEncoding(Mode::Integer);
        if (tag.scaling.gain() != 0.0 && std::isfinite(tag.scaling.gain()))
            return ValueEncoding(Mode::Scaled, tag.scaling.gain(), tag.scaling.offset());
        return ValueEncoding(Mode::Integer);
    case DataType::Float32:
        return identity ? ValueEncoding(Mode::Float32) : ValueEncoding(Mode::Integer);
    case DataType::Float64:
    case DataType::String:
        break;
    }
    return ValueEncoding(Mode::Integer);
}

} // namespace vigil
