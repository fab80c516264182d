#pragma once

#include "modbustcpconnection.h"

#include <QString>

#include <atomic>
#include <memory>
#include <thread>
#include <unordered_map>

namespace vigil::sim
{

class ModbusFrontend;
struct FaultSwitches;

// Modbus TCP front-end: listens on host:port (port 0 picks a free one) and serves any number of
// clients, up to a connection limit, from one thread with epoll on non-blocking sockets; answers
// every unit id. A client that stalls in the middle of a frame, or never reads its replies, only
// waits itself: the others are answered meanwhile, and one with more than
// ModbusTcpConnection::kMaxUnsent bytes unread is dropped. A connection beyond the limit is
// accepted and closed at once, with a line on stderr. Injected delays hold a reply back without
// holding up the thread.
class ModbusTcpServer
{
public:
    ModbusTcpServer(ModbusFrontend &frontend, FaultSwitches &faults);
    ~ModbusTcpServer();

    // Binds and starts serving; false and *error when the address cannot be used.
    bool start(const QString &host, int port, int maxConnections, QString *error);
    void stop();
    int port() const { return m_port; }

private:
    using Clock = ModbusTcpConnection::Clock;
    using Connections = std::unordered_map<int, std::unique_ptr<ModbusTcpConnection>>;

    void run();
    int waitTimeoutMs() const;
    void acceptAll();
    void refuse(int fd, const std::string &peer, const char *why);
    void onEvent(int fd, uint32_t events);
    bool serveInput(ModbusTcpConnection &c);
    bool sendDue(ModbusTcpConnection &c, Clock::time_point now);
    void releaseAllDue();
    void watch(ModbusTcpConnection &c);
    void close(int fd, const char *why);
    void closeAll();

    ModbusFrontend &m_frontend;
    FaultSwitches &m_faults;
    int m_port = 0;
    int m_maxConnections = 0;
    int m_listen = -1;
    int m_epoll = -1;
    int m_spareFd = -1; // given up to accept and refuse a client when the process is out of fds
    Connections m_connections;
    int m_refusedUnreported = 0;
    Clock::time_point m_lastRefusalReport{};
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

} // namespace vigil::sim
