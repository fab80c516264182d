#include "systemclock.h"

#include <QDateTime>

namespace vigil
{

qint64 SystemClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace vigil
