#include "modbustcpconnection.h"

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

namespace vigil::sim
{

namespace
{

constexpr std::size_t kMbapSize = 7; // transaction, protocol, length, unit
constexpr std::size_t kReadPerCall = 16 * 1024;

int word(const uint8_t *p)
{
    return (p[0] << 8) | p[1];
}

} // namespace

ModbusTcpConnection::ModbusTcpConnection(int fd, std::string peer)
    : m_fd(fd)
    , m_peer(std::move(peer))
{
}

ModbusTcpConnection::~ModbusTcpConnection()
{
    ::close(m_fd);
}

bool ModbusTcpConnection::readAvailable()
{
    uint8_t buffer[4096];
    std::size_t total = 0;
    while (total < kReadPerCall) {
        const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
        if (n > 0) {
            m_in.insert(m_in.end(), buffer, buffer + n);
            total += std::size_t(n);
            continue;
        }
        if (n == 0)
            return false;
        if (errno == EINTR)
            continue;
        return errno == EAGAIN || errno == EWOULDBLOCK;
    }
    return true;
}

ModbusTcpConnection::Take ModbusTcpConnection::takeRequest(Request *request, std::string *why)
{
    if (m_in.size() < 6)
        return Take::None;
    const int protocol = word(m_in.data() + 2);
    const int length = word(m_in.data() + 4);
    if (protocol != 0) {
        *why = "protocol id " + std::to_string(protocol) + " is not Modbus (0)";
        return Take::Malformed;
    }
    if (length < 2 || length > kMaxMbapLength) {
        *why = "MBAP length " + std::to_string(length) + " is outside 2.." +
               std::to_string(kMaxMbapLength);
        return Take::Malformed;
    }
    const std::size_t frame = 6 + std::size_t(length);
    if (m_in.size() < frame)
        return Take::None; // the rest of the frame is still on its way
    request->transaction = uint16_t(word(m_in.data()));
    request->unit = m_in[6];
    request->pdu.assign(m_in.begin() + kMbapSize, m_in.begin() + long(frame));
    m_in.erase(m_in.begin(), m_in.begin() + long(frame));
    return Take::Request;
}

void ModbusTcpConnection::queue(const Request &request, const std::vector<uint8_t> &pdu,
                                Clock::time_point due, bool drop)
{
    // Never before an earlier reply: a delay switched off meanwhile must not reorder answers.
    if (!m_pending.empty() && due < m_pending.back().due)
        due = m_pending.back().due;
    Pending p{due, {}, drop};
    if (!drop) {
        const std::size_t length = pdu.size() + 1;
        p.frame = {uint8_t(request.transaction >> 8),
                   uint8_t(request.transaction & 0xFF),
                   0,
                   0,
                   uint8_t(length >> 8),
                   uint8_t(length & 0xFF),
                   request.unit};
        p.frame.insert(p.frame.end(), pdu.begin(), pdu.end());
    }
    m_pending.push_back(std::move(p));
}

bool ModbusTcpConnection::releaseDue(Clock::time_point now)
{
    while (!m_pending.empty() && m_pending.front().due <= now) {
        if (m_pending.front().drop)
            return false;
        const std::vector<uint8_t> &frame = m_pending.front().frame;
        m_out.insert(m_out.end(), frame.begin(), frame.end());
        m_pending.pop_front();
    }
    return true;
}

std::optional<ModbusTcpConnection::Clock::time_point> ModbusTcpConnection::nextDue() const
{
    if (m_pending.empty())
        return std::nullopt;
    return m_pending.front().due;
}

bool ModbusTcpConnection::flush()
{
    std::size_t sent = 0;
    while (sent < m_out.size()) {
        const ssize_t n = ::send(m_fd, m_out.data() + sent, m_out.size() - sent, MSG_NOSIGNAL);
        if (n > 0) {
            sent += std::size_t(n);
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
            break;
        return false;
    }
    m_out.erase(m_out.begin(), m_out.begin() + long(sent));
    return true;
}

} // namespace vigil::sim
