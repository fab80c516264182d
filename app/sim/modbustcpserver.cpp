#include "modbustcpserver.h"

#include "faultswitches.h"
#include "modbusfrontend.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace vigil::sim
{

namespace
{

// The longest the loop sleeps: how soon it notices stop() and the "drop every connection" fault.
constexpr int kPollMs = 50;
constexpr int kEventsPerWait = 256;

std::string peerName(const sockaddr_in &addr)
{
    char host[INET_ADDRSTRLEN] = "?";
    ::inet_ntop(AF_INET, &addr.sin_addr, host, sizeof host);
    return std::string(host) + ":" + std::to_string(ntohs(addr.sin_port));
}

} // namespace

ModbusTcpServer::ModbusTcpServer(ModbusFrontend &frontend, FaultSwitches &faults)
    : m_frontend(frontend)
    , m_faults(faults)
{
}

ModbusTcpServer::~ModbusTcpServer()
{
    stop();
}

bool ModbusTcpServer::start(const QString &host, int port, int maxConnections, QString *error)
{
    m_maxConnections = maxConnections;
    m_listen = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    const int yes = 1;
    ::setsockopt(m_listen, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(uint16_t(port));
    if (::inet_pton(AF_INET, host.toLatin1().constData(), &addr.sin_addr) != 1) {
        *error = QStringLiteral("'%1' is not an IPv4 address").arg(host);
        stop();
        return false;
    }
    if (::bind(m_listen, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 ||
        ::listen(m_listen, SOMAXCONN) != 0) {
        *error = QStringLiteral("cannot listen on %1:%2: %3")
                     .arg(host)
                     .arg(port)
                     .arg(QString::fromLocal8Bit(strerror(errno)));
        stop();
        return false;
    }
    socklen_t len = sizeof addr;
    ::getsockname(m_listen, reinterpret_cast<sockaddr *>(&addr), &len);
    m_port = ntohs(addr.sin_port);
    m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.fd = m_listen;
    ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_listen, &ev);
    m_spareFd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    m_stop = false;
    m_thread = std::thread([this] { run(); });
    return true;
}

void ModbusTcpServer::stop()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
    for (int *fd : {&m_listen, &m_epoll, &m_spareFd}) {
        if (*fd >= 0)
            ::close(*fd);
        *fd = -1;
    }
}

void ModbusTcpServer::run()
{
    int generation = m_faults.dropGeneration.load();
    epoll_event events[kEventsPerWait];
    while (!m_stop) {
        if (const int g = m_faults.dropGeneration.load(); g != generation) {
            generation = g;
            closeAll();
        }
        const int n = ::epoll_wait(m_epoll, events, kEventsPerWait, waitTimeoutMs());
        for (int i = 0; i < n; ++i) {
            if (events[i].data.fd == m_listen)
                acceptAll();
            else
                onEvent(events[i].data.fd, events[i].events);
        }
        releaseAllDue();
    }
    closeAll();
}

int ModbusTcpServer::waitTimeoutMs() const
{
    const Clock::time_point now = Clock::now();
    int timeout = kPollMs;
    for (const auto &[fd, c] : m_connections) {
        if (const auto due = c->nextDue()) {
            const auto ms = std::chrono::ceil<std::chrono::milliseconds>(*due - now).count();
            timeout = std::min<int>(timeout, int(std::max<decltype(ms)>(ms, 0)));
        }
    }
    return timeout;
}

void ModbusTcpServer::acceptAll()
{
    for (;;) {
        sockaddr_in addr{};
        socklen_t len = sizeof addr;
        const int flags = SOCK_NONBLOCK | SOCK_CLOEXEC;
        int fd = ::accept4(m_listen, reinterpret_cast<sockaddr *>(&addr), &len, flags);
        if (fd < 0 && (errno == EMFILE || errno == ENFILE) && m_spareFd >= 0) {
            // Out of descriptors: free the spare one to take the client off the queue and close
            // it, rather than leave it there waking the loop forever.
            ::close(m_spareFd);
            fd = ::accept4(m_listen, reinterpret_cast<sockaddr *>(&addr), &len, flags);
            if (fd >= 0)
                refuse(fd, peerName(addr), "the process is out of file descriptors");
            m_spareFd = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
            continue;
        }
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            return; // EAGAIN: nobody else waiting
        }
        if (int(m_connections.size()) >= m_maxConnections) {
            refuse(fd, peerName(addr), "the connection limit is reached");
            continue;
        }
        const int yes = 1;
        ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof yes);
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.fd = fd;
        ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &ev);
        m_connections.emplace(fd, std::make_unique<ModbusTcpConnection>(fd, peerName(addr)));
    }
}

void ModbusTcpServer::refuse(int fd, const std::string &peer, const char *why)
{
    ::close(fd);
    ++m_refusedUnreported;
    // A client retrying in a loop must not flood the log: one line a second at most.
    const Clock::time_point now = Clock::now();
    if (now - m_lastRefusalReport < std::chrono::seconds(1))
        return;
    std::fprintf(stderr,
                 "vigil-sim: modbus tcp: refused the connection from %s: %s (%zu open, "
                 "--max-connections %d); %d refused since the last report\n",
                 peer.c_str(), why, m_connections.size(), m_maxConnections, m_refusedUnreported);
    m_refusedUnreported = 0;
    m_lastRefusalReport = now;
}

void ModbusTcpServer::onEvent(int fd, uint32_t events)
{
    const auto it = m_connections.find(fd);
    if (it == m_connections.end())
        return;
    ModbusTcpConnection &c = *it->second;
    if ((events & (EPOLLIN | EPOLLHUP | EPOLLERR)) && !serveInput(c))
        return;
    sendDue(c, Clock::now());
}

bool ModbusTcpServer::serveInput(ModbusTcpConnection &c)
{
    const bool open = c.readAvailable();
    ModbusTcpConnection::Request request;
    std::string why;
    for (;;) {
        const ModbusTcpConnection::Take take = c.takeRequest(&request, &why);
        if (take == ModbusTcpConnection::Take::None)
            break;
        if (take == ModbusTcpConnection::Take::Malformed) {
            close(c.fd(), why.c_str());
            return false;
        }
        const ModbusFrontend::Answer a =
            m_frontend.answer(request.pdu.data(), int(request.pdu.size()));
        c.queue(request, a.pdu, Clock::now() + std::chrono::milliseconds(a.delayMs),
                a.outcome == ModbusFrontend::Outcome::Drop);
    }
    if (!open) {
        // The client is gone (or half-closed): answer what it sent last, then close.
        if (sendDue(c, Clock::now()))
            close(c.fd(), nullptr);
        return false;
    }
    return true;
}

bool ModbusTcpServer::sendDue(ModbusTcpConnection &c, Clock::time_point now)
{
    if (!c.releaseDue(now)) {
        close(c.fd(), nullptr); // the drop-every fault
        return false;
    }
    if (!c.flush()) {
        close(c.fd(), nullptr); // the client went away
        return false;
    }
    if (c.unsent() > ModbusTcpConnection::kMaxUnsent) {
        close(c.fd(), "it does not read its replies");
        return false;
    }
    watch(c);
    return true;
}

void ModbusTcpServer::releaseAllDue()
{
    const Clock::time_point now = Clock::now();
    std::vector<ModbusTcpConnection *> due;
    for (const auto &[fd, c] : m_connections) {
        if (const auto next = c->nextDue(); next && *next <= now)
            due.push_back(c.get());
    }
    for (ModbusTcpConnection *c : due)
        sendDue(*c, now);
}

void ModbusTcpServer::watch(ModbusTcpConnection &c)
{
    const bool wantWrite = c.unsent() > 0;
    if (wantWrite == c.watchingWrites())
        return;
    epoll_event ev{};
    ev.events = EPOLLIN | (wantWrite ? uint32_t(EPOLLOUT) : 0u);
    ev.data.fd = c.fd();
    ::epoll_ctl(m_epoll, EPOLL_CTL_MOD, c.fd(), &ev);
    c.setWatchingWrites(wantWrite);
}

void ModbusTcpServer::close(int fd, const char *why)
{
    const auto it = m_connections.find(fd);
    if (it == m_connections.end())
        return;
    if (why)
        std::fprintf(stderr, "vigil-sim: modbus tcp: closed the connection from %s: %s\n",
                     it->second->peer().c_str(), why);
    ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
    m_connections.erase(it); // closes the socket
}

void ModbusTcpServer::closeAll()
{
    for (const auto &[fd, c] : m_connections)
        ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
    m_connections.clear();
}

} // namespace vigil::sim
