#pragma once

#include "portreservation.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <csignal>
#include <memory>

// A real mosquitto broker for tests, on a loopback port of its own, with its own configuration
// file in the given (temporary) directory. stop()/kill9() and start() again keep the port, so
// clients can reconnect to the "same" broker. A missing mosquitto is an error, never a skip.
//
// mosquitto cannot take over a listening socket, so the port is held by a PortReservation (bound,
// not listening) that mosquitto binds on top of: no other process can take the port between
// choosing it and the broker listening on it, nor while the broker is down.
class MosquittoBroker
{
public:
    struct Options {
        QString passwordFile; // empty: anonymous clients allowed
        QString caFile;       // TLS listener when certFile is set
        QString certFile;
        QString keyFile;
        bool requireClientCertificate = false;
        QStringList extra; // more configuration lines
    };

    explicit MosquittoBroker(const QString &dir)
        : m_dir(dir)
    {
    }
    MosquittoBroker(const QString &dir, Options options)
        : m_dir(dir)
        , m_options(std::move(options))
    {
    }
    ~MosquittoBroker() { kill9(); }
    MosquittoBroker(const MosquittoBroker &) = delete;
    MosquittoBroker &operator=(const MosquittoBroker &) = delete;

    quint16 port() const { return m_port; }
    // A port the caller reserved (and keeps reserved) before the broker starts.
    void setPort(quint16 port) { m_port = port; }
    QString url() const
    {
        return QStringLiteral("%1://127.0.0.1:%2")
            .arg(m_options.certFile.isEmpty() ? QStringLiteral("mqtt") : QStringLiteral("mqtts"))
            .arg(m_port);
    }
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    qint64 pid() const { return m_process.processId(); }
    QString output() { return m_output += QString::fromLocal8Bit(m_process.readAll()); }

    // Writes the configuration and starts mosquitto; waits until its log says it runs. A port it
    // reserved itself and found taken all the same is swapped for another one.
    bool start(QString *error)
    {
        const bool choosePort = m_port == 0;
        for (int attempt = 1;; ++attempt) {
            if (choosePort) {
                m_reservation = std::make_unique<vigil::testing::PortReservation>();
                m_port = m_reservation->port();
                if (m_port == 0) {
                    *error = m_reservation->error();
                    return false;
                }
            }
            if (startOnce(error))
                return true;
            if (!choosePort || attempt == 3 || !error->contains(u"Address already in use"))
                return false;
        }
    }

private:
    bool startOnce(QString *error)
    {
        const QString conf = QDir(m_dir).filePath(QStringLiteral("mosquitto.conf"));
        QFile file(conf);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
            *error = QStringLiteral("cannot write %1").arg(conf);
            return false;
        }
        QStringList lines{
            // As root, mosquitto would switch to the 'mosquitto' user, who cannot read the test's
            // files; "user root" keeps it as it is.
            QStringLiteral("user root"),
            QStringLiteral("persistence false"),
            // stderr is unbuffered: "running" (an information line, written once the listener
            // is open) arrives when it is logged.
            QStringLiteral("log_dest stderr"),
            QStringLiteral("log_type error"),
            QStringLiteral("log_type warning"),
            QStringLiteral("log_type notice"),
            QStringLiteral("log_type information"),
            QStringLiteral("listener %1 127.0.0.1").arg(m_port),
        };
        if (m_options.passwordFile.isEmpty()) {
            lines << QStringLiteral("allow_anonymous true");
        } else {
            lines << QStringLiteral("allow_anonymous false")
                  << QStringLiteral("password_file %1").arg(m_options.passwordFile);
        }
        if (!m_options.certFile.isEmpty()) {
            lines << QStringLiteral("cafile %1").arg(m_options.caFile)
                  << QStringLiteral("certfile %1").arg(m_options.certFile)
                  << QStringLiteral("keyfile %1").arg(m_options.keyFile)
                  << QStringLiteral("require_certificate %1")
                         .arg(m_options.requireClientCertificate ? u"true" : u"false");
        }
        lines << m_options.extra;
        file.write(lines.join(u'\n').toUtf8() + '\n');
        file.close();

        // Only what this start logs counts.
        const qsizetype from = output().size();
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(QStringLiteral("mosquitto"), {QStringLiteral("-c"), conf});
        if (!m_process.waitForStarted(5000)) {
            *error = QStringLiteral("cannot start mosquitto (%1): the MQTT tests need the broker, "
                                    "install it with scripts/setup.sh")
                         .arg(m_process.errorString());
            return false;
        }
        // A probe connection would not tell mosquitto from another listener on the port; its
        // own log does.
        const QRegularExpression runningLine(QStringLiteral("mosquitto version \\S+ running"));
        const auto running = [&] { return output().mid(from).contains(runningLine); };
        const bool settled = QTest::qWaitFor([&] { return !isRunning() || running(); }, 10'000);
        if (!settled || !isRunning() || !running()) {
            *error = QStringLiteral("mosquitto did not start listening on port %1: %2")
                         .arg(m_port)
                         .arg(output().mid(from));
            kill9();
            return false;
        }
        return true;
    }

public:
    // The broker dies without saying goodbye (kill -9).
    void kill9()
    {
        if (isRunning()) {
            m_process.kill();
            m_process.waitForFinished(3000);
        }
        output();
    }
    // The broker freezes (SIGSTOP): connections stay open but nothing answers.
    void pause() { ::kill(pid_t(pid()), SIGSTOP); }
    void resume() { ::kill(pid_t(pid()), SIGCONT); }

    // mosquitto_passwd -b: creates or extends a password file.
    static bool addUser(const QString &file, const QString &user, const QString &password,
                        QString *error)
    {
        QStringList args;
        if (!QFile::exists(file))
            args << QStringLiteral("-c");
        args << QStringLiteral("-b") << file << user << password;
        return run(QStringLiteral("mosquitto_passwd"), args, error);
    }

    static bool run(const QString &program, const QStringList &args, QString *error,
                    QByteArray *out = nullptr, int timeoutMs = 10'000)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(program, args);
        if (!p.waitForStarted(5000)) {
            *error = QStringLiteral("cannot run %1 (%2): install it with scripts/setup.sh")
                         .arg(program, p.errorString());
            return false;
        }
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
            *error = QStringLiteral("%1 did not finish within %2 ms").arg(program).arg(timeoutMs);
            return false;
        }
        const QByteArray output = p.readAll();
        if (out)
            *out = output;
        if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            *error = QStringLiteral("%1 %2 failed (exit %3): %4")
                         .arg(program, args.join(u' '))
                         .arg(p.exitCode())
                         .arg(QString::fromLocal8Bit(output));
            return false;
        }
        return true;
    }

private:
    QString m_dir;
    Options m_options;
    quint16 m_port = 0;
    std::unique_ptr<vigil::testing::PortReservation> m_reservation;
    QProcess m_process;
    QString m_output;
};
