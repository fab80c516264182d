#include "seriallink.h"

#include "config/duration.h"
#include "seriallog.h"

namespace vigil
{

SerialLink::SerialLink(SerialSettings settings, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
{
    m_reopen.setSingleShot(true);
    connect(&m_reopen, &QTimer::timeout, this, &SerialLink::tryOpen);
}

SerialLink::~SerialLink()
{
    close();
}

void SerialLink::open()
{
    m_wanted = true;
    tryOpen();
}

void SerialLink::close()
{
    m_wanted = false;
    m_reopen.stop();
    if (m_port) {
        m_port->disconnect(this);
        m_port->close();
        delete m_port;
        m_port = nullptr;
    }
}

void SerialLink::tryOpen()
{
    if (!m_wanted || isOpen())
        return;
    if (!m_port) {
        m_port = new QSerialPort(this);
        connect(m_port, &QSerialPort::readyRead, this,
                [this] { emit received(m_port->readAll()); });
        connect(m_port, &QSerialPort::errorOccurred, this, &SerialLink::onError);
    }
    m_port->setPortName(m_settings.port);
    m_port->setBaudRate(m_settings.baud);
    m_port->setDataBits(m_settings.dataBits);
    m_port->setParity(m_settings.parity);
    m_port->setStopBits(m_settings.stopBits);
    m_port->setFlowControl(m_settings.flowControl);
    m_dropping = false;
    if (!m_port->open(QIODevice::ReadWrite)) {
        const QString reason = QStringLiteral("cannot open %1: %2 (retrying every %3)")
                                   .arg(m_settings.port, m_port->errorString(),
                                        Duration::format(m_settings.reopenIntervalMs));
        m_port->clearError();
        qCDebug(lcSerial).noquote() << reason;
        m_reopen.start(int(m_settings.reopenIntervalMs));
        emit lost(reason);
        return;
    }
    // Stale bytes from before a reconnect would be taken for answers.
    m_port->clear(QSerialPort::AllDirections);
    qCInfo(lcSerial).noquote() << "opened" << m_settings.port << m_settings.baud << "baud";
    emit opened();
}

void SerialLink::onError(QSerialPort::SerialPortError error)
{
    if (error == QSerialPort::NoError || error == QSerialPort::TimeoutError || !m_port ||
        !m_port->isOpen() || m_dropping)
        return;
    // Errors come from inside QSerialPort's notifiers: close the port once they have returned.
    m_dropping = true;
    // A vanished device shows up as ResourceError (USB adapter unplugged) or as a failing read
    // (pty gone: ENOTTY/EIO), depending on the kernel driver; either way the port is lost.
    const QString reason = QStringLiteral("lost %1: unplugged or gone (%2); reopening every %3")
                               .arg(m_settings.port, m_port->errorString(),
                                    Duration::format(m_settings.reopenIntervalMs));
    qCDebug(lcSerial) << "port error" << error;
    QMetaObject::invokeMethod(
        this, [this, reason] { drop(reason); }, Qt::QueuedConnection);
}

void SerialLink::drop(const QString &reason)
{
    if (!m_port || !m_port->isOpen())
        return;
    qCWarning(lcSerial).noquote() << reason;
    m_port->close();
    m_port->clearError();
    if (m_wanted)
        m_reopen.start(int(m_settings.reopenIntervalMs));
    emit lost(reason);
}

bool SerialLink::send(const QByteArray &bytes, QString *error)
{
    if (!isOpen() || m_dropping) {
        *error = QStringLiteral("%1 is not open").arg(m_settings.port);
        return false;
    }
    if (m_port->write(bytes) != bytes.size()) {
        *error =
            QStringLiteral("cannot write to %1: %2").arg(m_settings.port, m_port->errorString());
        return false;
    }
    return true;
}

} // namespace vigil
