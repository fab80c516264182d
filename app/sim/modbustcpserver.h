#pragma once

#include <QString>

#include <atomic>
#include <thread>

namespace vigil::sim
{

class ModbusFrontend;
struct FaultSwitches;

// Modbus TCP front-end: listens on host:port (port 0 picks a free one) and serves any number of
// clients from one thread with select(); answers every unit id.
class ModbusTcpServer
{
public:
    ModbusTcpServer(ModbusFrontend &frontend, FaultSwitches &faults);
    ~ModbusTcpServer();

    // Binds and starts serving; false and *error when the address cannot be used.
    bool start(const QString &host, int port, QString *error);
    void stop();
    int port() const { return m_port; }

private:
    void run();

    ModbusFrontend &m_frontend;
    FaultSwitches &m_faults;
    QString m_host;
    int m_port = 0;
    int m_listen = -1;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

} // namespace vigil::sim
