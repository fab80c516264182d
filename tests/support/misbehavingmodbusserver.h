#pragma once

// A Modbus TCP server in the test process that answers FC3/FC4 reads from a register image and
// can break its replies to one function code in one chosen way: the protocol faults a real
// device or gateway shows, on a real socket, against the real libmodbus transport. Lives on the
// test thread (the driver polls from its own), so it serves while QTRY_* waits. Test code only.

#include <QTcpServer>
#include <QTcpSocket>
#include <QtEndian>

#include <map>

namespace vigil::testing
{

class MisbehavingModbusServer : public QObject
{
public:
    enum class Fault : quint8 {
        None,
        WrongTransactionId,
        WrongUnitId,
        WrongFunctionCode,
        TruncatedPdu,      // the reply stops halfway through its data; the connection stays
        ByteCountTooLarge, // the byte count claims two more bytes than the reply carries
        CloseMidFrame,     // half a reply, then the connection is closed
        Silent,            // reads the request, never answers
    };

    bool listen()
    {
        connect(&m_server, &QTcpServer::newConnection, this, &MisbehavingModbusServer::accept);
        return m_server.listen(QHostAddress::LocalHost, 0);
    }
    quint16 port() const { return m_server.serverPort(); }
    int connections() const { return m_connections; }

    void setRegister(int address, quint16 value) { m_registers[address] = value; }
    // Replies to requests with this function code break in this way (Fault::None: they do not).
    void setFault(int function, Fault fault) { m_faults[function] = fault; }

private:
    void accept()
    {
        while (QTcpSocket *s = m_server.nextPendingConnection()) {
            ++m_connections;
            connect(s, &QTcpSocket::readyRead, this, [this, s] { serve(s); });
            connect(s, &QTcpSocket::disconnected, this, [this, s] {
                m_buffers.erase(s);
                s->deleteLater();
            });
        }
    }

    void serve(QTcpSocket *s)
    {
        QByteArray &buffer = m_buffers[s];
        buffer += s->readAll();
        while (buffer.size() >= 7) {
            const int length = qFromBigEndian<quint16>(buffer.constData() + 4);
            if (buffer.size() < 6 + length)
                return;
            const QByteArray request = buffer.left(6 + length);
            buffer.remove(0, 6 + length);
            if (!answer(s, request))
                return;
        }
    }

    // false: the connection was closed.
    bool answer(QTcpSocket *s, const QByteArray &request)
    {
        const auto byte = [&](int i) { return quint8(request.at(i)); };
        const int function = byte(7);
        const int start = (byte(8) << 8) | byte(9);
        const int count = (byte(10) << 8) | byte(11);
        const Fault fault = m_faults.count(function) ? m_faults[function] : Fault::None;
        if (fault == Fault::Silent)
            return true;

        QByteArray pdu;
        pdu.append(char(fault == Fault::WrongFunctionCode ? (function == 3 ? 4 : 3) : function));
        pdu.append(char((fault == Fault::ByteCountTooLarge ? 2 : 0) + 2 * count));
        for (int i = 0; i < count; ++i) {
            const quint16 v = m_registers.count(start + i) ? m_registers[start + i] : 0;
            pdu.append(char(v >> 8));
            pdu.append(char(v & 0xFF));
        }
        QByteArray adu;
        quint16 tid = qFromBigEndian<quint16>(request.constData());
        if (fault == Fault::WrongTransactionId)
            tid = quint16(tid + 1);
        adu.append(char(tid >> 8));
        adu.append(char(tid & 0xFF));
        adu.append(2, '\0');
        const int length = 1 + int(pdu.size());
        adu.append(char(length >> 8));
        adu.append(char(length & 0xFF));
        adu.append(char(fault == Fault::WrongUnitId ? byte(6) + 1 : byte(6)));
        adu.append(pdu);
        if (fault == Fault::TruncatedPdu || fault == Fault::CloseMidFrame)
            adu.truncate(adu.size() - count); // half of the data is missing
        s->write(adu);
        s->flush();
        if (fault == Fault::CloseMidFrame) {
            s->disconnectFromHost();
            return false;
        }
        return true;
    }

    std::map<int, quint16> m_registers; // one image for holding and input registers
    std::map<int, Fault> m_faults;
    std::map<QTcpSocket *, QByteArray> m_buffers;
    int m_connections = 0;
    QTcpServer m_server; // last: its sockets go first, while the buffers still exist
};

} // namespace vigil::testing
