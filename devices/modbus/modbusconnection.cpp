#include "modbusconnection.h"

#include "modbuslog.h"

#include <modbus.h>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>
#include <thread>

namespace vigil
{

namespace
{

// A TCP read (FC1..FC4) whose reply is checked in full before it is used. libmodbus 3.1 checks
// the transaction id, function code and byte count of a TCP reply but not its unit id, so a
// gateway answering for the wrong unit would hand over that unit's data as good. Sent as a raw
// request (transaction id 0); returns -1 with a libmodbus errno like modbus_read_registers().
int readTcpChecked(modbus_t *ctx, int unit, int function, int start, int count, uint16_t *registers,
                   uint8_t *bits)
{
    const uint8_t request[6] = {uint8_t(unit),         uint8_t(function),   uint8_t(start >> 8),
                                uint8_t(start & 0xFF), uint8_t(count >> 8), uint8_t(count & 0xFF)};
    if (modbus_send_raw_request(ctx, request, int(sizeof request)) == -1)
        return -1;
    uint8_t reply[MODBUS_TCP_MAX_ADU_LENGTH];
    const int length = modbus_receive_confirmation(ctx, reply);
    if (length == -1)
        return -1;
    const auto fail = [](int error) {
        errno = error;
        return -1;
    };
    // MBAP header: transaction id, protocol id 0, length of what follows, unit; then the PDU.
    if (length < 9 || reply[0] != 0 || reply[1] != 0 || reply[2] != 0 || reply[3] != 0 ||
        ((reply[4] << 8) | reply[5]) != length - 6)
        return fail(EMBBADDATA);
    if (reply[6] != unit)
        return fail(EMBBADSLAVE);
    if (reply[7] == (function | 0x80)) {
        const int code = reply[8];
        return fail(code > 0 && code < MODBUS_EXCEPTION_MAX ? MODBUS_ENOBASE + code : EMBBADEXC);
    }
    const bool isBits = function <= MODBUS_FC_READ_DISCRETE_INPUTS;
    const int bytes = isBits ? (count + 7) / 8 : count * 2;
    if (reply[7] != function || reply[8] != bytes || length != 9 + bytes)
        return fail(EMBBADDATA);
    for (int i = 0; i < count; ++i) {
        if (isBits)
            bits[i] = (reply[9 + i / 8] >> (i % 8)) & 1;
        else
            registers[i] = uint16_t((reply[9 + 2 * i] << 8) | reply[10 + 2 * i]);
    }
    return count;
}

} // namespace

ModbusConnection::ModbusConnection(ModbusSettings settings)
    : m_settings(std::move(settings))
{
}

ModbusConnection::~ModbusConnection()
{
    close();
}

void ModbusConnection::applyTimeouts()
{
    const auto split = [](qint64 ms, uint32_t *sec, uint32_t *usec) {
        *sec = uint32_t(ms / 1000);
        *usec = uint32_t((ms % 1000) * 1000);
    };
    uint32_t sec = 0, usec = 0;
    split(m_settings.responseTimeoutMs, &sec, &usec);
    modbus_set_response_timeout(m_ctx, sec, usec);
    split(m_settings.byteTimeoutMs, &sec, &usec);
    modbus_set_byte_timeout(m_ctx, sec, usec); // 0, 0: no inter-byte limit
}

bool ModbusConnection::open(ModbusError *error)
{
    close();
    const QByteArray host = m_settings.host.toUtf8();
    const QByteArray serial = m_settings.serial.toLocal8Bit();
    m_ctx = m_settings.isRtu()
                ? modbus_new_rtu(serial.constData(), m_settings.baud, m_settings.parity,
                                 m_settings.dataBits, m_settings.stopBits)
                : modbus_new_tcp_pi(host.constData(), QByteArray::number(m_settings.port));
    if (!m_ctx) {
        *error = ModbusError::link(
            QStringLiteral("cannot set up %1: %2")
                .arg(m_settings.endpoint(), QString::fromLocal8Bit(modbus_strerror(errno))),
            errno);
        return false;
    }
    modbus_set_error_recovery(m_ctx, MODBUS_ERROR_RECOVERY_NONE);
    applyTimeouts();
    if (modbus_connect(m_ctx) == -1) {
        const int e = errno;
        *error = ModbusError::link(
            QStringLiteral("cannot %1 %2: %3")
                .arg(m_settings.isRtu() ? QStringLiteral("open") : QStringLiteral("connect to"),
                     m_settings.isRtu() ? m_settings.serial : m_settings.endpoint(),
                     QString::fromLocal8Bit(modbus_strerror(e))),
            e);
        modbus_free(m_ctx);
        m_ctx = nullptr;
        return false;
    }
    if (!m_settings.isRtu()) {
        const int flag = m_settings.tcpNoDelay ? 1 : 0;
        ::setsockopt(modbus_get_socket(m_ctx), IPPROTO_TCP, TCP_NODELAY, &flag, sizeof flag);
    }
    m_open = true;
    m_lineFreeAt = std::chrono::steady_clock::now();
    return true;
}

void ModbusConnection::close()
{
    if (!m_ctx)
        return;
    modbus_close(m_ctx);
    modbus_free(m_ctx);
    m_ctx = nullptr;
    m_open = false;
}

template<typename Request>
bool ModbusConnection::transact(int unit, ModbusError *error, const Request &request)
{
    if (!isOpen()) {
        *error = ModbusError::link(QStringLiteral("not connected"), ENOTCONN);
        return false;
    }
    if (m_settings.interFrameDelayMs > 0) {
        const auto now = std::chrono::steady_clock::now();
        if (now < m_lineFreeAt)
            std::this_thread::sleep_for(m_lineFreeAt - now);
    }
    modbus_set_slave(m_ctx, unit);
    const int rc = request(m_ctx);
    const int err = errno;
    m_lineFreeAt =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(m_settings.interFrameDelayMs);
    if (rc != -1)
        return true;
    *error = ModbusError::fromErrno(err);
    switch (error->kind) {
    case ModbusError::Kind::Link:
        if (m_settings.isRtu()) // a pty or USB adapter that went away reads as a reset
            error->message = QStringLiteral("serial port %1 failed: %2")
                                 .arg(m_settings.serial, QString::fromLocal8Bit(strerror(err)));
        close();
        break;
    case ModbusError::Kind::Timeout:
    case ModbusError::Kind::Crc:
    case ModbusError::Kind::BadResponse:
        // A late or broken frame must not be taken for the next answer: flush the RTU line; on
        // TCP the late answer would arrive on the next request, so the connection is dropped and
        // the caller decides when to open a fresh one.
        if (m_settings.isRtu())
            modbus_flush(m_ctx);
        else
            close();
        break;
    case ModbusError::Kind::Exception:
    case ModbusError::Kind::None:
        break;
    }
    return false;
}

bool ModbusConnection::readRegisters(int unit, ModbusAddress::Area area, int start, int count,
                                     uint16_t *dest, ModbusError *error)
{
    const bool input = area == ModbusAddress::Area::InputRegister;
    return transact(unit, error, [&](modbus_t *ctx) {
        if (!m_settings.isRtu())
            return readTcpChecked(ctx, unit,
                                  input ? MODBUS_FC_READ_INPUT_REGISTERS
                                        : MODBUS_FC_READ_HOLDING_REGISTERS,
                                  start, count, dest, nullptr);
        return input ? modbus_read_input_registers(ctx, start, count, dest)
                     : modbus_read_registers(ctx, start, count, dest);
    });
}

bool ModbusConnection::readBits(int unit, ModbusAddress::Area area, int start, int count,
                                uint8_t *dest, ModbusError *error)
{
    const bool input = area == ModbusAddress::Area::DiscreteInput;
    return transact(unit, error, [&](modbus_t *ctx) {
        if (!m_settings.isRtu())
            return readTcpChecked(ctx, unit,
                                  input ? MODBUS_FC_READ_DISCRETE_INPUTS : MODBUS_FC_READ_COILS,
                                  start, count, nullptr, dest);
        return input ? modbus_read_input_bits(ctx, start, count, dest)
                     : modbus_read_bits(ctx, start, count, dest);
    });
}

bool ModbusConnection::writeCoil(int unit, int address, bool value, bool single, ModbusError *error)
{
    return transact(unit, error, [&](modbus_t *ctx) {
        const uint8_t bit = value ? 1 : 0;
        return single ? modbus_write_bit(ctx, address, bit)
                      : modbus_write_bits(ctx, address, 1, &bit);
    });
}

bool ModbusConnection::writeRegisters(int unit, int address, int count, const uint16_t *values,
                                      bool single, ModbusError *error)
{
    return transact(unit, error, [&](modbus_t *ctx) {
        return single && count == 1 ? modbus_write_register(ctx, address, values[0])
                                    : modbus_write_registers(ctx, address, count, values);
    });
}

bool ModbusConnection::maskWriteRegister(int unit, int address, uint16_t andMask, uint16_t orMask,
                                         ModbusError *error)
{
    return transact(unit, error, [&](modbus_t *ctx) {
        return modbus_mask_write_register(ctx, address, andMask, orMask);
    });
}

} // namespace vigil
