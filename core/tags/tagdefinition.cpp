#include "tagdefinition.h"

#include <algorithm>
#include <cmath>

namespace vigil
{

int TagDefinition::displayDecimals() const
{
    if (decimals >= 0)
        return decimals;
    if (!isNumeric(type))
        return 0;
    if (isInteger(type) && scaling.isIdentity())
        return 0;
    const double span = std::abs(rangeHi - rangeLo);
    if (!(span > 0))
        return 2;
    const int d = 3 - int(std::floor(std::log10(span)));
    return std::clamp(d, 0, 6);
}

} // namespace vigil
