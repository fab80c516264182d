#pragma once

#include "tags/writerequest.h"

#include <QFuture>

namespace vigil
{

// Where the command service sends its writes: the device layer (DeviceHost) in the program, a
// small in-process writer in tests. The future finishes when the device confirmed or refused.
class TagWriter
{
public:
    virtual ~TagWriter() = default;
    virtual QFuture<WriteResult> write(const WriteRequest &request) = 0;
};

} // namespace vigil
