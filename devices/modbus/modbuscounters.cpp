#include "modbuscounters.h"

#include "modbuserror.h"
#include "modbuspoint.h"

namespace vigil
{

void ModbusCounters::countTry(DriverStatistics &s, const ModbusError *error, double rttMs,
                              qint64 nowMs)
{
    ++s.requests;
    if (!error) {
        ++s.responses;
        s.recordRoundTrip(rttMs);
        return;
    }
    s.recordError(error->kindName(), error->message, nowMs);
    switch (error->kind) {
    case ModbusError::Kind::Timeout:
        ++s.timeouts;
        break;
    case ModbusError::Kind::Crc:
    case ModbusError::Kind::BadResponse:
        ++s.rejected;
        break;
    case ModbusError::Kind::Exception:
        ++s.responses;
        s.recordRoundTrip(rttMs);
        break;
    default:
        break;
    }
}

void ModbusCounters::countNonFinite(DriverStatistics &s, const QString &tagId,
                                    const ModbusPoint &point, qint64 nowMs)
{
    ++s.rejected;
    s.recordError(QStringLiteral("non-finite value"),
                  QStringLiteral("tag '%1' (unit %2 %3): the %4 value is NaN or infinite")
                      .arg(tagId)
                      .arg(point.unit)
                      .arg(point.address.toString(), dataTypeName(point.type)),
                  nowMs);
}

} // namespace vigil
