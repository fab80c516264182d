#pragma once

#include <QSerialPort>

#include <functional>

// The test's side of a virtual serial cable: plays the instrument the driver talks to. Everything
// the driver sends accumulates in received(); an optional handler sees it as it arrives (to answer
// requests) and may consume it.
class SerialInstrument
{
public:
    using Handler = std::function<void(QByteArray &buffer)>;

    SerialInstrument()
    {
        QObject::connect(&m_port, &QSerialPort::readyRead, &m_port, [this] {
            const QByteArray chunk = m_port.readAll();
            m_received.append(chunk);
            m_buffer.append(chunk);
            if (m_handler)
                m_handler(m_buffer);
        });
    }

    bool open(const QString &path, QString *error)
    {
        close();
        m_port.setPortName(path);
        m_port.setBaudRate(9600);
        if (!m_port.open(QIODevice::ReadWrite)) {
            *error = QStringLiteral("cannot open the instrument end %1: %2")
                         .arg(path, m_port.errorString());
            return false;
        }
        return true;
    }
    void close()
    {
        if (m_port.isOpen())
            m_port.close();
        m_port.clearError();
        m_buffer.clear();
    }
    bool isOpen() const { return m_port.isOpen(); }

    void send(const QByteArray &bytes)
    {
        m_port.write(bytes);
        m_port.flush();
    }
    // Called with the bytes received and not yet consumed (the handler removes what it answered).
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    const QByteArray &received() const { return m_received; }
    void clearReceived()
    {
        m_received.clear();
        m_buffer.clear();
    }

private:
    QSerialPort m_port;
    QByteArray m_received;
    QByteArray m_buffer;
    Handler m_handler;
};
