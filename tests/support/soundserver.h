#pragma once

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTest>

// A PulseAudio sound server of the test's own, with a null sink as its one output, on a socket in
// DIR: the alarm sound plays into it as into a panel's speaker, and pactl() adds and removes
// outputs as an operator plugging a speaker in or pulling it would. Clients reach it through
// serverAddress() in PULSE_SERVER.
class SoundServer
{
public:
    explicit SoundServer(const QString &dir)
        : m_dir(dir)
        , m_socket(QDir(dir).filePath(QStringLiteral("native")))
    {
    }
    ~SoundServer() { stop(); }
    SoundServer(const SoundServer &) = delete;
    SoundServer &operator=(const SoundServer &) = delete;

    QString serverAddress() const { return QStringLiteral("unix:") + m_socket; }
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

    // Starts pulseaudio with a null sink named sinkName and waits for its socket. A missing
    // pulseaudio is an error, not a skip.
    bool start(const QString &sinkName, QString *error)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_dir); // its cookie and state stay in the test's dir
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_dir);
        env.remove(QStringLiteral("PULSE_SERVER"));
        m_process.setProcessEnvironment(env);
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(
            QStringLiteral("pulseaudio"),
            {QStringLiteral("-n"), QStringLiteral("--daemonize=no"),
             QStringLiteral("--exit-idle-time=-1"), QStringLiteral("--use-pid-file=false"),
             QStringLiteral("--log-target=stderr"), QStringLiteral("-L"),
             QStringLiteral("module-null-sink sink_name=%1").arg(sinkName), QStringLiteral("-L"),
             QStringLiteral("module-native-protocol-unix socket=%1 auth-anonymous=1")
                 .arg(m_socket)});
        if (!m_process.waitForStarted(5000)) {
            *error = QStringLiteral("cannot start pulseaudio (%1): the alarm sound tests need it, "
                                    "install it with scripts/setup.sh")
                         .arg(m_process.errorString());
            return false;
        }
        const bool listening =
            QTest::qWaitFor([this] { return QFileInfo::exists(m_socket) || !isRunning(); }, 10000);
        if (!listening || !isRunning()) {
            *error = QStringLiteral("pulseaudio did not open %1: %2")
                         .arg(m_socket, QString::fromLocal8Bit(m_process.readAll()));
            stop();
            return false;
        }
        return true;
    }

    // Runs pactl against this server; its output, or a message starting with "pactl failed".
    QString pactl(const QStringList &arguments) const
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PULSE_SERVER"), serverAddress());
        p.setProcessEnvironment(env);
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral("pactl"), arguments);
        if (!p.waitForFinished(10000) || p.exitStatus() != QProcess::NormalExit ||
            p.exitCode() != 0)
            return QStringLiteral("pactl failed: ") + QString::fromLocal8Bit(p.readAll()) +
                   p.errorString();
        return QString::fromLocal8Bit(p.readAll());
    }

    void stop()
    {
        if (!isRunning())
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(5000)) {
            m_process.kill();
            m_process.waitForFinished(3000);
        }
    }

private:
    QString m_dir;
    QString m_socket;
    QProcess m_process;
};
