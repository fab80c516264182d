#pragma once

#include <QString>

#include <atomic>
#include <thread>

namespace vigil::sim
{

class ModbusFrontend;

// Modbus RTU front-end: serves one unit id on a serial device (e.g. one end of a socat pty pair).
// When the device goes away (the other end closes, the cable is pulled) it reopens it.
class ModbusRtuServer
{
public:
    explicit ModbusRtuServer(ModbusFrontend &frontend);
    ~ModbusRtuServer();

    void start(const QString &device, int baud, char parity, int unit);
    void stop();

private:
    void run();

    ModbusFrontend &m_frontend;
    QString m_device;
    int m_baud = 19200;
    int m_unit = 1;
    char m_parity = 'E';
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

} // namespace vigil::sim
