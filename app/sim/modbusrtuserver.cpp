#include "modbusrtuserver.h"

#include "modbusfrontend.h"

#include <modbus.h>

#include <cerrno>
#include <chrono>
#include <cstdio>

namespace vigil::sim
{

ModbusRtuServer::ModbusRtuServer(ModbusFrontend &frontend)
    : m_frontend(frontend)
{
}

ModbusRtuServer::~ModbusRtuServer()
{
    stop();
}

void ModbusRtuServer::start(const QString &device, int baud, char parity, int unit)
{
    m_device = device;
    m_baud = baud;
    m_unit = unit;
    m_parity = parity;
    m_stop = false;
    m_thread = std::thread([this] { run(); });
}

void ModbusRtuServer::stop()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
}

void ModbusRtuServer::run()
{
    const QByteArray path = m_device.toLocal8Bit();
    uint8_t query[MODBUS_RTU_MAX_ADU_LENGTH];
    bool reported = false;
    while (!m_stop) {
        modbus_t *ctx = modbus_new_rtu(path.constData(), m_baud, m_parity, 8, 1);
        modbus_set_slave(ctx, m_unit);
        modbus_set_indication_timeout(ctx, 0, 100'000);
        if (modbus_connect(ctx) == -1) {
            if (!reported)
                std::fprintf(stderr, "vigil-sim: cannot open %s (%s), retrying\n", path.constData(),
                             modbus_strerror(errno));
            reported = true;
            modbus_free(ctx);
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            continue;
        }
        reported = false;
        while (!m_stop) {
            const int rc = modbus_receive(ctx, query);
            if (rc > 0) {
                m_frontend.handle(ctx, query, rc, true);
                continue;
            }
            if (rc == 0 || errno == ETIMEDOUT)
                continue; // addressed to another unit, or nothing yet
            if (errno == EMBBADCRC || errno == EMBBADDATA || errno == EMBMDATA) {
                modbus_flush(ctx);
                continue;
            }
            break; // the device is gone: reopen it
        }
        modbus_close(ctx);
        modbus_free(ctx);
    }
}

} // namespace vigil::sim
