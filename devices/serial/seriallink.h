#pragma once

#include "serialsettings.h"

#include <QObject>
#include <QSerialPort>
#include <QTimer>

namespace vigil
{

// The serial port of one device and its faults. Opens the port with the configured line
// settings; when opening fails or the open port fails (USB adapter unplugged, pty gone), it closes
// the port, reports why and tries again every reopen interval until the device is back.
// Lives on the driver's thread (created there in onStart).
class SerialLink : public QObject
{
    Q_OBJECT
public:
    explicit SerialLink(SerialSettings settings, QObject *parent = nullptr);
    ~SerialLink() override;

    // Opens now; on failure reports lost() and keeps retrying.
    void open();
    // Closes the port and stops retrying.
    void close();
    bool isOpen() const { return m_port && m_port->isOpen(); }
    // Queues bytes for sending; false (with error) if the port is not open or refuses them.
    bool send(const QByteArray &bytes, QString *error);

signals:
    void opened();
    // The port could not be opened or was lost; the link is retrying.
    void lost(const QString &reason);
    void received(const QByteArray &bytes);

private:
    void tryOpen();
    void onError(QSerialPort::SerialPortError error);
    void drop(const QString &reason);

    SerialSettings m_settings;
    QSerialPort *m_port = nullptr;
    QTimer m_reopen;
    bool m_wanted = false;
    bool m_dropping = false;
};

} // namespace vigil
