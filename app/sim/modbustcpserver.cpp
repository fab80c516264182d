#include "modbustcpserver.h"

#include "faultswitches.h"
#include "modbusfrontend.h"

#include <modbus.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <set>

namespace vigil::sim
{

ModbusTcpServer::ModbusTcpServer(ModbusFrontend &frontend, FaultSwitches &faults)
    : m_frontend(frontend)
    , m_faults(faults)
{
}

ModbusTcpServer::~ModbusTcpServer()
{
    stop();
}

bool ModbusTcpServer::start(const QString &host, int port, QString *error)
{
    m_host = host;
    m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const int yes = 1;
    ::setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(uint16_t(port));
    if (::inet_pton(AF_INET, host.toLatin1().constData(), &addr.sin_addr) != 1) {
        *error = QStringLiteral("'%1' is not an IPv4 address").arg(host);
        ::close(m_listen);
        m_listen = -1;
        return false;
    }
    if (::bind(m_listen, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 ||
        ::listen(m_listen, 64) != 0) {
        *error = QStringLiteral("cannot listen on %1:%2: %3")
                     .arg(host)
                     .arg(port)
                     .arg(QString::fromLocal8Bit(strerror(errno)));
        ::close(m_listen);
        m_listen = -1;
        return false;
    }
    socklen_t len = sizeof addr;
    ::getsockname(m_listen, reinterpret_cast<sockaddr *>(&addr), &len);
    m_port = ntohs(addr.sin_port);
    m_stop = false;
    m_thread = std::thread([this] { run(); });
    return true;
}

void ModbusTcpServer::stop()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
    if (m_listen >= 0)
        ::close(m_listen);
    m_listen = -1;
}

void ModbusTcpServer::run()
{
    modbus_t *ctx = modbus_new_tcp("127.0.0.1", m_port);
    std::set<int> clients;
    uint8_t query[MODBUS_TCP_MAX_ADU_LENGTH];
    int generation = m_faults.dropGeneration.load();
    auto dropAll = [&] {
        for (int fd : clients)
            ::close(fd);
        clients.clear();
    };
    while (!m_stop) {
        if (const int g = m_faults.dropGeneration.load(); g != generation) {
            generation = g;
            dropAll();
        }
        fd_set read;
        FD_ZERO(&read);
        FD_SET(m_listen, &read);
        int maxFd = m_listen;
        for (int fd : clients) {
            FD_SET(fd, &read);
            maxFd = std::max(maxFd, fd);
        }
        timeval tv{0, 50'000};
        if (::select(maxFd + 1, &read, nullptr, nullptr, &tv) <= 0)
            continue;
        if (FD_ISSET(m_listen, &read)) {
            const int fd = ::accept4(m_listen, nullptr, nullptr, SOCK_CLOEXEC);
            if (fd >= 0)
                clients.insert(fd);
        }
        for (auto it = clients.begin(); it != clients.end();) {
            const int fd = *it;
            if (!FD_ISSET(fd, &read)) {
                ++it;
                continue;
            }
            modbus_set_socket(ctx, fd);
            const int rc = modbus_receive(ctx, query);
            bool drop = rc == -1;
            if (rc > 0)
                drop = m_frontend.handle(ctx, query, rc, false) == ModbusFrontend::Outcome::Drop;
            if (drop) {
                ::close(fd);
                it = clients.erase(it);
            } else {
                ++it;
            }
        }
    }
    dropAll();
    modbus_set_socket(ctx, -1);
    modbus_free(ctx);
}

} // namespace vigil::sim
