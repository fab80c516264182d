#pragma once

#include <QByteArray>
#include <QString>

#include <atomic>
#include <random>
#include <thread>

namespace vigil::sim
{

class WeighScale;
struct FaultSwitches;

// The weigh scale's serial front-end: streams WI-101's records on a serial device (the
// instrument's end of a socat pty pair) every period (0: polled only, by the print command P) and
// answers its commands. When the device goes away (socat stopped: the cable pulled) it reopens the
// same path until it is back. Faults: a line of noise bytes before every Nth record
// (FaultSwitches::scaleGarbageEvery).
class ScaleSerialServer
{
public:
    ScaleSerialServer(WeighScale &scale, FaultSwitches &faults);
    ~ScaleSerialServer();
    ScaleSerialServer(const ScaleSerialServer &) = delete;
    ScaleSerialServer &operator=(const ScaleSerialServer &) = delete;

    void start(const QString &device, int periodMs);
    void stop();
    quint64 commands() const { return m_commands.load(); }

private:
    void run();
    // Serves an open device until it goes away (false) or stop() (true).
    bool serve(int fd);
    // False when the device is gone; bytes that do not fit are dropped, as on a wire.
    static bool send(int fd, const QByteArray &bytes);
    QByteArray noiseLine();

    WeighScale &m_scale;
    FaultSwitches &m_faults;
    QString m_device;
    int m_periodMs = 250;
    std::mt19937 m_rng{7};
    quint64 m_records = 0;
    std::atomic<quint64> m_commands{0};
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

} // namespace vigil::sim
