#pragma once

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTest>

// A virtual serial cable for tests: socat joins two ptys and links them as DIR/device (for the
// driver under test) and DIR/instrument (for the test playing the instrument). stop() is the cable
// being pulled: both ends disappear; start() again plugs it back in (new ptys, same link names).
class SocatPair
{
public:
    explicit SocatPair(const QString &dir)
        : m_device(QDir(dir).filePath(QStringLiteral("device")))
        , m_instrument(QDir(dir).filePath(QStringLiteral("instrument")))
    {
    }
    ~SocatPair() { stop(); }
    SocatPair(const SocatPair &) = delete;
    SocatPair &operator=(const SocatPair &) = delete;

    const QString &devicePath() const { return m_device; }
    const QString &instrumentPath() const { return m_instrument; }
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

    // Starts socat and waits until both pty links exist. A missing socat is an error, not a skip.
    bool start(QString *error)
    {
        stop();
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(QStringLiteral("socat"),
                        {QStringLiteral("-d"), QStringLiteral("-d"),
                         QStringLiteral("pty,raw,echo=0,link=%1").arg(m_device),
                         QStringLiteral("pty,raw,echo=0,link=%1").arg(m_instrument)});
        if (!m_process.waitForStarted(5000)) {
            *error = QStringLiteral("cannot start socat (%1): the serial tests need it, install "
                                    "it with scripts/setup.sh")
                         .arg(m_process.errorString());
            return false;
        }
        const bool linked = QTest::qWaitFor(
            [this] {
                return (QFileInfo::exists(m_device) && QFileInfo::exists(m_instrument)) ||
                       m_process.state() == QProcess::NotRunning;
            },
            5000);
        if (!linked || !isRunning()) {
            *error = QStringLiteral("socat did not create its ptys: %1")
                         .arg(QString::fromLocal8Bit(m_process.readAll()));
            stop();
            return false;
        }
        return true;
    }

    // Ends socat (both ptys vanish) and removes the links.
    void stop()
    {
        if (isRunning()) {
            m_process.terminate();
            if (!m_process.waitForFinished(3000)) {
                m_process.kill();
                m_process.waitForFinished(3000);
            }
        }
        QFile::remove(m_device);
        QFile::remove(m_instrument);
    }

private:
    QString m_device;
    QString m_instrument;
    QProcess m_process;
};
