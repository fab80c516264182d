#pragma once

#include <QString>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace vigil::testing
{

// A loopback TCP port that belongs to the test from the moment it is chosen: a socket bound with
// SO_REUSEADDR but never listening. The kernel gives a bound port to nobody else (neither to a
// bind to port 0 nor to an outgoing connection), connections to it are refused, and a server that
// also sets SO_REUSEADDR (mosquitto, vigil-sim, pymodbus) can bind and listen on it while the
// reservation holds. So the port is handed to the server without the window that "find a free
// port, close it, start the server on it" leaves, and it stays the test's while that server is
// stopped and started again. Keep the reservation alive as long as the port is in use.
class PortReservation
{
public:
    PortReservation()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        const int yes = 1;
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof addr;
        if (m_fd < 0 || ::setsockopt(m_fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes) != 0 ||
            ::bind(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) != 0 ||
            ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&addr), &len) != 0) {
            m_error = QStringLiteral("cannot reserve a loopback TCP port: %1")
                          .arg(QString::fromLocal8Bit(std::strerror(errno)));
            return;
        }
        m_port = ntohs(addr.sin_port);
    }
    ~PortReservation()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    PortReservation(const PortReservation &) = delete;
    PortReservation &operator=(const PortReservation &) = delete;

    // 0 when no port could be reserved; error() says why.
    quint16 port() const { return m_port; }
    const QString &error() const { return m_error; }

private:
    int m_fd = -1;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace vigil::testing
