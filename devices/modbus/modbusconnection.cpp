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
    return transact(unit, error, [&](modbus_t *ctx) {
        return area == ModbusAddress::Area::InputRegister
                   ? modbus_read_input_registers(ctx, start, count, dest)
                   : modbus_read_registers(ctx, start, count, dest);
    });
}

bool ModbusConnection::readBits(int unit, ModbusAddress::Area area, int start, int count,
                                uint8_t *dest, ModbusError *error)
{
    return transact(unit, error, [&](modbus_t *ctx) {
        return area == ModbusAddress::Area::DiscreteInput
                   ? modbus_read_input_bits(ctx, start, count, dest)
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
