#pragma once

#include <QString>

namespace vigil
{

// A failed Modbus transaction, classified from libmodbus' errno: what kind of failure it is (for
// the per-kind counters), a readable message, and whether the link itself is gone.
struct ModbusError {
    enum class Kind : quint8 {
        None,
        Timeout,     // no (complete) answer within the response timeout
        Exception,   // the device answered with a Modbus exception
        Crc,         // RTU frame with a bad CRC
        BadResponse, // framing: wrong length, unit, function or transaction id
        Link,        // connection refused / reset / closed, serial port gone
    };

    Kind kind = Kind::None;
    int code = 0; // exception code (1..11) or errno
    QString message;

    bool isLinkLost() const { return kind == Kind::Link; }
    // Counter key: "timeout", "exception 2", "crc", "framing", "connection".
    QString kindName() const;

    static ModbusError fromErrno(int error);
    static ModbusError link(const QString &message, int error = 0);
    // "illegal data address (exception 2): the device has no such register" etc.
    static QString exceptionText(int code);
};

} // namespace vigil
