#include "modbuserror.h"

#include <modbus.h>

#include <cerrno>
#include <cstring>

namespace vigil
{

QString ModbusError::kindName() const
{
    switch (kind) {
    case Kind::None:
        return QString();
    case Kind::Timeout:
        return QStringLiteral("timeout");
    case Kind::Exception:
        return QStringLiteral("exception %1").arg(code);
    case Kind::Crc:
        return QStringLiteral("crc");
    case Kind::BadResponse:
        return QStringLiteral("framing");
    case Kind::Link:
        return QStringLiteral("connection");
    }
    return QString();
}

QString ModbusError::exceptionText(int code)
{
    const char *text = nullptr;
    switch (code) {
    case 1:
        text = "illegal function: the device does not support this function code";
        break;
    case 2:
        text = "illegal data address: the device has no such register or coil";
        break;
    case 3:
        text = "illegal data value: the device refused the value or quantity";
        break;
    case 4:
        text = "server device failure: the device failed while handling the request";
        break;
    case 5:
        text = "acknowledge: the device accepted a long request and is still processing it";
        break;
    case 6:
        text = "server device busy: the device is processing a long request, retry later";
        break;
    case 7:
        text = "negative acknowledge: the device cannot perform the program function";
        break;
    case 8:
        text = "memory parity error: the device found a parity error in its memory";
        break;
    case 10:
        text = "gateway path unavailable: the gateway has no path to the target unit";
        break;
    case 11:
        text = "gateway target failed to respond: no answer from the unit behind the gateway";
        break;
    default:
        return QStringLiteral("unknown exception code %1").arg(code);
    }
    return QStringLiteral("exception %1, %2").arg(code).arg(QString::fromLatin1(text));
}

ModbusError ModbusError::link(const QString &message, int error)
{
    return ModbusError{Kind::Link, error, message};
}

ModbusError ModbusError::fromErrno(int error)
{
    ModbusError e;
    e.code = error;
    if (error > MODBUS_ENOBASE && error < EMBBADCRC) {
        e.kind = Kind::Exception;
        e.code = error - MODBUS_ENOBASE;
        e.message = exceptionText(e.code);
        return e;
    }
    switch (error) {
    case ETIMEDOUT:
        e.kind = Kind::Timeout;
        e.message = QStringLiteral("no response (timeout)");
        return e;
    case EMBBADCRC:
        e.kind = Kind::Crc;
        e.message = QStringLiteral("response with a bad CRC");
        return e;
    case EMBUNKEXC:
        e.kind = Kind::Exception;
        e.message = QStringLiteral("unknown exception code in the response");
        return e;
    case EMBBADDATA:
    case EMBBADEXC:
    case EMBMDATA:
    case EMBBADSLAVE:
    case EINVAL:
    case EMSGSIZE:
        e.kind = Kind::BadResponse;
        e.message = QStringLiteral("malformed response: %1")
                        .arg(QString::fromLocal8Bit(modbus_strerror(error)));
        return e;
    default:
        e.kind = Kind::Link;
        e.message = QString::fromLocal8Bit(modbus_strerror(error));
        return e;
    }
}

} // namespace vigil
