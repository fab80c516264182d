#pragma once

#include "mosquittobroker.h"

#include <QProcess>
#include <QTest>

// The other side of the broker in tests: the mosquitto_pub and mosquitto_sub command line
// clients, i.e. an MQTT implementation nobody here wrote.
namespace MosquittoClients
{

inline QStringList connection(quint16 port, const QStringList &extra)
{
    return QStringList{QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                       QString::number(port)} +
           extra;
}

// mosquitto_pub -t topic -m payload [extra...]; payload may hold any bytes (sent from a file).
inline bool publish(quint16 port, const QString &topic, const QByteArray &payload, QString *error,
                    const QStringList &extra = {})
{
    QStringList args = connection(port, extra) << QStringLiteral("-t") << topic;
    if (payload.isEmpty()) {
        args << QStringLiteral("-n");
    } else {
        args << QStringLiteral("-s"); // payload from stdin: exact bytes, even invalid UTF-8
    }
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("mosquitto_pub"), args);
    if (!p.waitForStarted(5000)) {
        *error = QStringLiteral("cannot run mosquitto_pub (%1): install mosquitto-clients with "
                                "scripts/setup.sh")
                     .arg(p.errorString());
        return false;
    }
    p.write(payload);
    p.closeWriteChannel();
    if (!p.waitForFinished(10'000) || p.exitCode() != 0) {
        *error =
            QStringLiteral("mosquitto_pub failed: %1").arg(QString::fromLocal8Bit(p.readAll()));
        return false;
    }
    return true;
}

// A mosquitto_sub process printing "topic payload" lines.
class Subscriber
{
public:
    ~Subscriber()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(3000);
        }
    }

    // Starts it and waits until it demonstrably receives (a probe message on probeTopic, which
    // must match the filter).
    bool start(quint16 port, const QString &filter, const QString &probeTopic, QString *error,
               const QStringList &extra = {})
    {
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(QStringLiteral("mosquitto_sub"), connection(port, extra)
                                                             << QStringLiteral("-v")
                                                             << QStringLiteral("-t") << filter);
        if (!m_process.waitForStarted(5000)) {
            *error = QStringLiteral("cannot run mosquitto_sub (%1): install mosquitto-clients "
                                    "with scripts/setup.sh")
                         .arg(m_process.errorString());
            return false;
        }
        for (int i = 0; i < 50; ++i) {
            if (!publish(port, probeTopic, "probe", error))
                return false;
            if (QTest::qWaitFor([this] { return output().contains("probe"); }, 100))
                return true;
        }
        *error = QStringLiteral("mosquitto_sub never received the probe: %1")
                     .arg(QString::fromLocal8Bit(output()));
        return false;
    }

    QByteArray output()
    {
        m_output += m_process.readAll();
        return m_output;
    }
    bool waitFor(const QByteArray &line, int timeoutMs = 5000)
    {
        return QTest::qWaitFor([&] { return output().contains(line); }, timeoutMs);
    }

private:
    QProcess m_process;
    QByteArray m_output;
};

} // namespace MosquittoClients
