#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

namespace vigil::sim
{

// One Modbus TCP client of the simulator, on a non-blocking socket: assembles request frames from
// whatever the socket gives (a frame is complete when its MBAP length has arrived), holds replies
// until their injected delay is over, and keeps what the client has not read yet in a bounded
// output buffer. Never blocks: a client that stalls mid-frame or never reads only waits itself.
class ModbusTcpConnection
{
public:
    using Clock = std::chrono::steady_clock;

    // A request frame taken from the input: the MBAP fields a reply repeats, and the PDU.
    struct Request {
        uint16_t transaction = 0;
        uint8_t unit = 0;
        std::vector<uint8_t> pdu;
    };
    enum class Take {
        None,
        Request,
        Malformed
    };
    // The specification's largest frame is a unit id + a 253-byte PDU (254). One more byte is
    // what the most common over-long request needs, an FC16 of 124 registers: it is read and
    // answered with exception 3 (the quantity rule), so a client under test learns why.
    static constexpr int kMaxMbapLength = 255;
    static constexpr std::size_t kMaxUnsent = 64 * 1024;

    ModbusTcpConnection(int fd, std::string peer);
    ~ModbusTcpConnection();
    ModbusTcpConnection(const ModbusTcpConnection &) = delete;
    ModbusTcpConnection &operator=(const ModbusTcpConnection &) = delete;

    int fd() const { return m_fd; }
    const std::string &peer() const { return m_peer; }

    // Reads what the socket has (a bounded amount per call, so one busy client cannot starve the
    // others); false when the client closed the connection or it failed.
    bool readAvailable();
    // The next complete request of the input; Malformed (with *why) for a frame that is not Modbus
    // TCP: a protocol id other than 0 or an MBAP length outside 2..255.
    Take takeRequest(Request *request, std::string *why);

    // Queues a reply (or, drop set, the end of the connection) for `due`; replies keep the order
    // of their requests.
    void queue(const Request &request, const std::vector<uint8_t> &pdu, Clock::time_point due,
               bool drop);
    // Moves the replies due by `now` to the output; false when a due entry drops the connection.
    bool releaseDue(Clock::time_point now);
    std::optional<Clock::time_point> nextDue() const;
    // Writes as much of the output as the socket takes; false when the socket failed.
    bool flush();
    std::size_t unsent() const { return m_out.size(); }
    // Whether the server's epoll set waits for this socket to take more output.
    bool watchingWrites() const { return m_watchingWrites; }
    void setWatchingWrites(bool on) { m_watchingWrites = on; }

private:
    struct Pending {
        Clock::time_point due;
        std::vector<uint8_t> frame;
        bool drop = false;
    };

    int m_fd;
    std::string m_peer;
    std::vector<uint8_t> m_in;
    std::vector<uint8_t> m_out;
    std::deque<Pending> m_pending;
    bool m_watchingWrites = false;
};

} // namespace vigil::sim
