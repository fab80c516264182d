#pragma once

// Helpers shared by the Modbus integration tests: real peers (pymodbus via /usr/bin/python3,
// socat pty pairs, vigil-sim) started on loopback on ports they bind themselves (port 0) or that
// the test holds (PortReservation), a plant loaded from TOML text, and a sink that keeps the
// latest sample of every tag. Header-only, test code only.

#include "builtindrivers.h"
#include "config/plantloader.h"
#include "devicehost.h"
#include "driverregistry.h"
#include "metatypes.h"
#include "portreservation.h"
#include "tags/tagsample.h"
#include "util/systemclock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include <sys/prctl.h>

#include <csignal>
#include <map>
#include <memory>
#include <optional>

namespace vigil::testing
{

inline const char *kPython = "/usr/bin/python3";

// Peers die with the test, even when it crashes.
inline void dieWithParent(QProcess &process)
{
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
}

inline QString supportFile(const char *name)
{
    return QStringLiteral(VIGIL_SOURCE_DIR "/tests/support/%1").arg(QLatin1String(name));
}

// A child process (a test peer) that is terminated when it goes out of scope.
class Peer
{
public:
    Peer() = default;
    Peer(const Peer &) = delete;
    ~Peer() { stop(); }

    // Starts program and waits for a stdout line containing `ready`. A missing program or a peer
    // that never gets ready is a test failure with the peer's output.
    bool start(const QString &program, const QStringList &args, const QString &ready,
               int timeoutMs = 10'000)
    {
        m_output.clear();
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::SeparateChannels);
        dieWithParent(*m_process);
        m_process->start(program, args);
        if (!m_process->waitForStarted(5000)) {
            m_error = QStringLiteral("cannot start %1: %2 (is it installed? run scripts/setup.sh)")
                          .arg(program, m_process->errorString());
            return false;
        }
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            m_process->waitForReadyRead(50);
            m_output += QString::fromLocal8Bit(m_process->readAllStandardOutput());
            if (m_output.contains(ready))
                return true;
            if (m_process->state() == QProcess::NotRunning)
                break;
        }
        m_error = QStringLiteral("%1 %2 did not get ready: %3 %4")
                      .arg(program, args.join(u' '), m_output,
                           QString::fromLocal8Bit(m_process->readAllStandardError()));
        return false;
    }
    void stop()
    {
        if (!m_process || m_process->state() == QProcess::NotRunning)
            return;
        m_process->terminate();
        if (!m_process->waitForFinished(3000)) {
            m_process->kill();
            m_process->waitForFinished(3000);
        }
    }
    void kill()
    {
        if (!m_process)
            return;
        m_process->kill();
        m_process->waitForFinished(3000);
    }
    const QString &error() const { return m_error; }
    const QString &output() const { return m_output; }
    QProcess *process() { return m_process.get(); }

private:
    std::unique_ptr<QProcess> m_process;
    QString m_output;
    QString m_error;
};

// A virtual serial cable: socat joining two ptys, linked as <dir>/master and <dir>/slave.
class SerialCable
{
public:
    explicit SerialCable(const QString &dir)
        : m_a(dir + QStringLiteral("/driver"))
        , m_b(dir + QStringLiteral("/device"))
    {
    }
    const QString &driverEnd() const { return m_a; }
    const QString &deviceEnd() const { return m_b; }

    bool plugIn()
    {
        QFile::remove(m_a);
        QFile::remove(m_b);
        const QStringList args = {QStringLiteral("-d"),
                                  QStringLiteral("pty,raw,echo=0,link=%1").arg(m_a),
                                  QStringLiteral("pty,raw,echo=0,link=%1").arg(m_b)};
        m_socat = std::make_unique<QProcess>();
        dieWithParent(*m_socat);
        m_socat->start(QStringLiteral("socat"), args);
        if (!m_socat->waitForStarted(5000)) {
            m_error = QStringLiteral("cannot start socat: %1 (run scripts/setup.sh)")
                          .arg(m_socat->errorString());
            return false;
        }
        if (QTest::qWaitFor([this] { return QFileInfo::exists(m_a) && QFileInfo::exists(m_b); },
                            5000))
            return true;
        m_error = QStringLiteral("socat did not create %1 and %2").arg(m_a, m_b);
        return false;
    }
    void pull()
    {
        if (m_socat) {
            m_socat->terminate();
            if (!m_socat->waitForFinished(2000))
                m_socat->kill();
            m_socat->waitForFinished(3000);
        }
    }
    ~SerialCable() { pull(); }
    const QString &error() const { return m_error; }

private:
    QString m_a, m_b, m_error;
    std::unique_ptr<QProcess> m_socat;
};

// The latest sample of every tag, as delivered by the drivers (queued to the test thread).
class SampleSink : public QObject
{
public:
    void attach(const Driver *driver)
    {
        connect(driver, &Driver::samplesReady, this, [this](const SampleBatch &batch) {
            for (const TagSample &s : batch) {
                m_latest[s.tag] = s;
                ++m_received[s.tag];
            }
            ++m_batches;
        });
    }
    std::optional<TagSample> latest(quint32 tag) const
    {
        const auto it = m_latest.find(tag);
        if (it == m_latest.end())
            return std::nullopt;
        return it->second;
    }
    bool good(quint32 tag) const
    {
        const auto s = latest(tag);
        return s && s->quality == Quality::Good;
    }
    Quality quality(quint32 tag) const
    {
        const auto s = latest(tag);
        return s ? s->quality : Quality::WaitingForInitialData;
    }
    double value(quint32 tag) const
    {
        const auto s = latest(tag);
        return s ? s->value : qQNaN();
    }
    QString text(quint32 tag) const
    {
        const auto s = latest(tag);
        return s ? s->text : QString();
    }
    void clear() { m_latest.clear(); }
    int batches() const { return m_batches; }
    // Samples of the tag received so far: a test waits for readings made after an event.
    quint64 received(quint32 tag) const
    {
        const auto it = m_received.find(tag);
        return it == m_received.end() ? 0 : it->second;
    }

private:
    std::map<quint32, TagSample> m_latest;
    std::map<quint32, quint64> m_received;
    int m_batches = 0;
};

// A plant loaded from TOML text, its drivers running on their threads, samples in a sink.
class PlantRig
{
public:
    bool load(const QString &toml)
    {
        registerCoreMetaTypes();
        qRegisterMetaType<DriverStatus>();
        registerBuiltinDrivers(m_registry);
        const QString path = m_dir.filePath(QStringLiteral("plant.toml"));
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(toml.toUtf8());
        f.close();
        PlantLoader::Result result = PlantLoader(m_registry).load(path);
        m_diagnostics = result.diagnostics.toStringList().join(u'\n');
        if (!result.plant)
            return false;
        m_plant = std::move(*result.plant);
        m_host = std::make_unique<DeviceHost>(m_registry, m_plant, m_clock);
        for (Driver *d : m_host->drivers())
            sink.attach(d);
        return true;
    }
    void start() { m_host->startAll(); }
    void stop()
    {
        if (m_host)
            m_host->stopAll();
    }
    quint32 tag(const QString &id) const { return *m_plant.tags->indexOf(id); }
    Driver *driver(const QString &id) const { return m_host->driver(id); }
    DeviceHost &host() { return *m_host; }
    const QString &diagnostics() const { return m_diagnostics; }
    QString dir() const { return m_dir.path(); }
    // Writes and waits for the result.
    WriteResult write(const QString &tagId, const QVariant &value, int timeoutMs = 5000)
    {
        QFuture<WriteResult> f = m_host->write(WriteRequest{tag(tagId), value});
        QElapsedTimer t;
        t.start();
        while (!f.isFinished() && t.elapsed() < timeoutMs)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        if (!f.isFinished())
            return WriteResult{tag(tagId), false, QStringLiteral("test: no write result")};
        return f.result();
    }

    SampleSink sink;

private:
    QTemporaryDir m_dir;
    DriverRegistry m_registry;
    SystemClock m_clock;
    PlantConfig m_plant;
    std::unique_ptr<DeviceHost> m_host;
    QString m_diagnostics;
};

} // namespace vigil::testing
