#pragma once

// WriteRequest and WriteResult live in core so that the command service can write through the
// TagWriter interface without depending on the devices layer.
#include "tags/writerequest.h"

namespace vigil
{

// A checked write value converted to the device's raw representation.
struct RawValue {
    double number = 0.0; // numeric and bool tags (bool: 0 or 1)
    QString text;        // string tags
};

} // namespace vigil
