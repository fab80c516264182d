#include "scaleserialserver.h"

#include "faultswitches.h"
#include "weighscale.h"

#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>

namespace vigil::sim
{

namespace
{

double nowS()
{
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

constexpr double kSampleS = 0.1; // the indicator weighs ten times a second
constexpr int kMaxCommand = 128; // a longer line without terminator is noise: dropped

// Commands end in CR, LF or CR LF.
qsizetype lineEnd(const QByteArray &bytes)
{
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (bytes.at(i) == '\r' || bytes.at(i) == '\n')
            return i;
    }
    return -1;
}

} // namespace

ScaleSerialServer::ScaleSerialServer(WeighScale &scale, FaultSwitches &faults)
    : m_scale(scale)
    , m_faults(faults)
{
}

ScaleSerialServer::~ScaleSerialServer()
{
    stop();
}

void ScaleSerialServer::start(const QString &device, int periodMs)
{
    m_device = device;
    m_periodMs = periodMs;
    m_stop = false;
    m_thread = std::thread([this] { run(); });
}

void ScaleSerialServer::stop()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
}

void ScaleSerialServer::run()
{
    const QByteArray path = m_device.toLocal8Bit();
    bool reported = false;
    while (!m_stop) {
        const int fd = ::open(path.constData(), O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) {
            if (!reported)
                std::fprintf(stderr, "vigil-sim: scale: cannot open %s (%s), retrying\n",
                             path.constData(), std::strerror(errno));
            reported = true;
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            continue;
        }
        termios tio{};
        if (::tcgetattr(fd, &tio) == 0) {
            ::cfmakeraw(&tio);
            ::cfsetspeed(&tio, B9600);
            tio.c_cflag |= CLOCAL | CREAD;
            ::tcsetattr(fd, TCSANOW, &tio);
        }
        if (reported)
            std::fprintf(stderr, "vigil-sim: scale: %s is back\n", path.constData());
        reported = false;
        const bool stopped = serve(fd);
        ::close(fd);
        if (!stopped)
            std::fprintf(stderr, "vigil-sim: scale: %s went away, reopening\n", path.constData());
    }
}

bool ScaleSerialServer::serve(int fd)
{
    QByteArray pending;
    double nextSample = nowS();
    double nextRecord = nextSample;
    const double period = m_periodMs / 1000.0;
    while (!m_stop) {
        double now = nowS();
        if (now >= nextSample) {
            m_scale.sample(now);
            nextSample = now + kSampleS;
        }
        if (period > 0 && now >= nextRecord) {
            const int every = m_faults.scaleGarbageEvery.load();
            QByteArray out;
            if (every > 0 && ++m_records % quint64(every) == 0)
                out = noiseLine();
            if (!send(fd, out + m_scale.record()))
                return false;
            nextRecord = std::max(nextRecord + period, now);
        }
        now = nowS();
        double wake = nextSample;
        if (period > 0)
            wake = std::min(wake, nextRecord);
        const int timeoutMs = std::clamp(int((wake - now) * 1000.0) + 1, 0, 100);
        pollfd p{fd, POLLIN, 0};
        const int ready = ::poll(&p, 1, timeoutMs);
        if (ready < 0 && errno != EINTR)
            return false;
        if (ready <= 0)
            continue;
        if (p.revents & (POLLHUP | POLLERR | POLLNVAL))
            return false; // the other end of the cable is gone
        char buffer[256];
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR))
            return false;
        if (n < 0)
            continue;
        pending.append(buffer, n);
        for (qsizetype end = lineEnd(pending); end >= 0; end = lineEnd(pending)) {
            const QByteArray line = pending.left(end).trimmed();
            pending.remove(0, end + 1);
            if (line.isEmpty())
                continue; // the LF of a CR LF
            ++m_commands;
            if (!send(fd, m_scale.command(line, nowS())))
                return false;
        }
        if (pending.size() > kMaxCommand)
            pending.clear();
    }
    return true;
}

bool ScaleSerialServer::send(int fd, const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return true;
    const ssize_t n = ::write(fd, bytes.constData(), size_t(bytes.size()));
    return n >= 0 || errno == EAGAIN || errno == EINTR;
}

QByteArray ScaleSerialServer::noiseLine()
{
    // Line noise: a burst of random bytes (at least one control byte), then the line end.
    std::uniform_int_distribution<int> byte(1, 255);
    QByteArray noise(1, char(0x15));
    for (int i = 0; i < 11; ++i) {
        char c = char(byte(m_rng));
        noise.append(c == '\r' || c == '\n' ? char(0x7F) : c);
    }
    return noise + "\r\n";
}

} // namespace vigil::sim
