#pragma once

#include <QtGlobal>

namespace vigil
{

// The plant file's [commands] table: panel-wide command settings.
struct CommandOptions {
    qint64 selectTimeoutMs = 30 * 1000;  // select-before-operate: operate within this time
    qint64 confirmTimeoutMs = 60 * 1000; // critical tags: the second person confirms within it
    int maxPerMinute = 60;               // commands sent from this panel per minute, all tags
};

} // namespace vigil
