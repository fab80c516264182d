// vigil-sim as a Modbus TCP server others test against, spoken to in raw bytes over POSIX
// sockets: every function code answered (unsupported ones with exception 1), malformed requests
// answered with exception 3, frames that are not Modbus TCP closed, a stalled or non-reading client
// never holding up the others, and more clients than the connection limit refused cleanly.

#include "modbustesting.h"

#include <QRegularExpression>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

using namespace vigil::testing;

namespace
{

// A Modbus TCP request frame: MBAP header (protocol id and length overridable) and the PDU.
QByteArray frame(const QByteArray &pdu, quint16 transaction = 1, int protocol = 0, int length = -1)
{
    const int mbapLength = length >= 0 ? length : int(pdu.size()) + 1;
    QByteArray f;
    for (int v : {int(transaction), protocol, mbapLength}) {
        f.append(char(v >> 8));
        f.append(char(v & 0xFF));
    }
    f.append(char(1)); // unit id
    return f + pdu;
}

QByteArray bytes(std::initializer_list<int> values)
{
    QByteArray b;
    for (int v : values)
        b.append(char(v));
    return b;
}

// One client on a plain blocking socket, every wait bounded by poll().
class RawClient
{
public:
    RawClient() = default;
    RawClient(const RawClient &) = delete;
    ~RawClient()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }

    bool connectTo(int port, int receiveBuffer = 0)
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (receiveBuffer > 0)
            ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &receiveBuffer, sizeof receiveBuffer);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(quint16(port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        return ::connect(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0;
    }
    bool send(const QByteArray &data)
    {
        return ::send(m_fd, data.constData(), size_t(data.size()), MSG_NOSIGNAL) == data.size();
    }
    // As much of data as the socket takes now; -1 (errno set) when it takes nothing.
    qint64 sendNow(const QByteArray &data)
    {
        return ::send(m_fd, data.constData(), size_t(data.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
    }
    // Exactly n bytes within timeoutMs; fewer when the server closed or took too long.
    QByteArray read(int n, int timeoutMs)
    {
        QByteArray got;
        QDeadlineTimer deadline(timeoutMs);
        while (got.size() < n) {
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, int(deadline.remainingTime())) <= 0)
                break;
            char buffer[512];
            const ssize_t r =
                ::recv(m_fd, buffer, size_t(std::min<qsizetype>(n - got.size(), 512)), 0);
            if (r <= 0) {
                m_closed = true;
                break;
            }
            got.append(buffer, r);
        }
        return got;
    }
    // One reply frame's PDU (empty on timeout or close).
    QByteArray reply(int timeoutMs = 3000)
    {
        const QByteArray header = read(7, timeoutMs);
        if (header.size() < 7)
            return {};
        const int length = (quint8(header[4]) << 8) | quint8(header[5]);
        return read(length - 1, timeoutMs);
    }
    QByteArray exchange(const QByteArray &pdu) { return send(frame(pdu)) ? reply() : QByteArray(); }
    // True when the server closed the connection within timeoutMs without sending anything.
    bool closedSilently(int timeoutMs = 3000)
    {
        const QByteArray got = read(1, timeoutMs);
        return got.isEmpty() && m_closed;
    }
    bool closed() const { return m_closed; }

private:
    int m_fd = -1;
    bool m_closed = false;
};

const QByteArray kReadAuto = bytes({3, 0, 10, 0, 4}); // hr10..13: "AUTO"
const QByteArray kAutoReply = bytes({3, 8, 0x41, 0x55, 0x54, 0x4F, 0, 0, 0, 0});

} // namespace

class TstVigilSimServer : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void supportedFunctionCodesAreAnswered();
    void pymodbusClientStillWorks();
    void unsupportedFunctionCodesGetException1_data();
    void unsupportedFunctionCodesGetException1();
    void malformedRequestsGetException3_data();
    void malformedRequestsGetException3();
    void framesThatAreNotModbusTcpAreClosed_data();
    void framesThatAreNotModbusTcpAreClosed();
    void halfAFrameDoesNotStallOtherClients();
    void clientThatNeverReadsIsDropped();
    void connectionsBeyondTheLimitAreRefused();

private:
    bool startSim(Peer &sim, const QStringList &extra, int *port);
    static bool answersANewClient(int port);

    Peer m_sim;
    int m_port = 0;
};

bool TstVigilSimServer::startSim(Peer &sim, const QStringList &extra, int *port)
{
    if (!sim.start(QStringLiteral(VIGIL_BIN_DIR "/vigil-sim"),
                   QStringList{"--tcp", "127.0.0.1:0"} + extra, "ready")) {
        qWarning("%s", qPrintable(sim.error()));
        return false;
    }
    const QRegularExpressionMatch m =
        QRegularExpression("modbus tcp on 127.0.0.1:(\\d+)").match(sim.output());
    *port = m.captured(1).toInt();
    return m.hasMatch();
}

void TstVigilSimServer::initTestCase()
{
    QVERIFY(startSim(m_sim, {}, &m_port));
}

void TstVigilSimServer::cleanupTestCase()
{
    m_sim.stop();
}

void TstVigilSimServer::supportedFunctionCodesAreAnswered()
{
    // Addresses the plant does not use (co8.., hr100..), so the process is not disturbed.
    RawClient c;
    QVERIFY(c.connectTo(m_port));
    QCOMPARE(c.exchange(kReadAuto), kAutoReply);                           // 3
    QCOMPARE(c.exchange(bytes({4, 0, 0, 0, 29})).left(2), bytes({4, 58})); // 4
    QCOMPARE(c.exchange(bytes({2, 0, 0, 0, 3})).left(2), bytes({2, 1}));   // 2
    QCOMPARE(c.exchange(bytes({5, 0, 8, 0xFF, 0})), bytes({5, 0, 8, 0xFF, 0}));
    QCOMPARE(c.exchange(bytes({15, 0, 9, 0, 4, 1, 0b1010})), bytes({15, 0, 9, 0, 4}));
    QCOMPARE(c.exchange(bytes({1, 0, 8, 0, 5})), bytes({1, 1, 0b10101}));
    QCOMPARE(c.exchange(bytes({6, 0, 100, 0, 0x12})), bytes({6, 0, 100, 0, 0x12}));
    // Mask write, the specification's example: 0x12 AND 0xF2 OR 0x25 -> 0x17.
    QCOMPARE(c.exchange(bytes({22, 0, 100, 0, 0xF2, 0, 0x25})),
             bytes({22, 0, 100, 0, 0xF2, 0, 0x25}));
    QCOMPARE(c.exchange(bytes({16, 0, 101, 0, 2, 4, 0xAB, 0xCD, 0x01, 0x02})),
             bytes({16, 0, 101, 0, 2}));
    // Read/write multiple: writes hr103 first, then reads hr100..103.
    QCOMPARE(c.exchange(bytes({23, 0, 100, 0, 4, 0, 103, 0, 1, 2, 0x77, 0x88})),
             bytes({23, 8, 0, 0x17, 0xAB, 0xCD, 0x01, 0x02, 0x77, 0x88}));
    // 123 registers is the most one FC16 may write.
    QByteArray write123 = bytes({16, 0, 100, 0, 123, 246});
    write123.append(246, char(0));
    QCOMPARE(c.exchange(write123), bytes({16, 0, 100, 0, 123}));
    // Out of the map: exception 2.
    QCOMPARE(c.exchange(bytes({4, 0, 60, 0, 10})), bytes({0x84, 2}));
}

void TstVigilSimServer::pymodbusClientStillWorks()
{
    QProcess p;
    p.start(QString::fromLatin1(kPython),
            {supportFile("pymodbus_client.py"), "--tcp", QString::number(m_port), "read:hr:10:4",
             "write_reg:110:7", "write_regs:111:8,9", "read:hr:110:3", "write_coil:12:1",
             "read:co:12:1", "read:di:0:3", "read:ir:0:2"});
    QVERIFY(p.waitForFinished(10'000));
    const QStringList out =
        QString::fromLocal8Bit(p.readAllStandardOutput()).trimmed().split(u'\n');
    QCOMPARE(out.size(), 8);
    QCOMPARE(out.mid(0, 6), QStringList({"16725,21583,0,0", "ok", "ok", "7,8,9", "ok", "1"}));
    QCOMPARE(out[6].count(u','), 2);
    QCOMPARE(out[7].count(u','), 1);
}

void TstVigilSimServer::unsupportedFunctionCodesGetException1_data()
{
    QTest::addColumn<QByteArray>("pdu");
    QTest::newRow("7 read exception status") << bytes({7});
    QTest::newRow("8 diagnostics") << bytes({8, 0, 0, 0x12, 0x34});
    QTest::newRow("11 comm event counter") << bytes({11});
    QTest::newRow("17 report server id") << bytes({17});
    QTest::newRow("43 device identification") << bytes({43, 14, 1, 0});
    QTest::newRow("0x41 user defined") << bytes({0x41, 1, 2, 3});
    QTest::newRow("0") << bytes({0});
}

void TstVigilSimServer::unsupportedFunctionCodesGetException1()
{
    QFETCH(QByteArray, pdu);
    RawClient c;
    QVERIFY(c.connectTo(m_port));
    QCOMPARE(c.exchange(pdu), bytes({quint8(pdu[0]) | 0x80, 1}));
    // The frame was taken whole: the next request on the connection is answered.
    QCOMPARE(c.exchange(kReadAuto), kAutoReply);
}

void TstVigilSimServer::malformedRequestsGetException3_data()
{
    QTest::addColumn<QByteArray>("pdu");
    QTest::newRow("read holding registers without a count") << bytes({3, 0, 10});
    QTest::newRow("read coils without address") << bytes({1});
    QTest::newRow("write coil, value cut short") << bytes({5, 0, 8, 0xFF});
    QTest::newRow("write registers, fewer bytes than the byte count")
        << bytes({16, 0, 100, 0, 2, 4, 0, 1});
    QTest::newRow("mask write cut short") << bytes({22, 0, 100, 0xFF, 0xFF});
    QByteArray write124 = bytes({16, 0, 100, 0, 124, 248});
    write124.append(246, char(0)); // as much as an MBAP length of 253 carries
    QTest::newRow("write 124 registers") << write124;
    QByteArray write124Whole = bytes({16, 0, 100, 0, 124, 248});
    write124Whole.append(248, char(0)); // all of them: an MBAP length of 255
    QTest::newRow("write 124 registers, all sent") << write124Whole;
    QTest::newRow("read 126 registers") << bytes({3, 0, 0, 0, 126});
    QTest::newRow("read 0 registers") << bytes({3, 0, 0, 0, 0});
    QTest::newRow("write coil with 0x1234") << bytes({5, 0, 8, 0x12, 0x34});
    QTest::newRow("read/write writing 122") << bytes({23, 0, 100, 0, 1, 0, 100, 0, 122, 244});
}

void TstVigilSimServer::malformedRequestsGetException3()
{
    QFETCH(QByteArray, pdu);
    RawClient c;
    QVERIFY(c.connectTo(m_port));
    QCOMPARE(c.exchange(pdu), bytes({quint8(pdu[0]) | 0x80, 3}));
    QCOMPARE(c.exchange(kReadAuto), kAutoReply);
}

void TstVigilSimServer::framesThatAreNotModbusTcpAreClosed_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::newRow("protocol id 1") << frame(kReadAuto, 1, 1);
    QTest::newRow("protocol id 0xFFFF") << frame(kReadAuto, 1, 0xFFFF);
    QTest::newRow("MBAP length 0") << frame(kReadAuto, 1, 0, 0);
    QTest::newRow("MBAP length 1") << frame(kReadAuto, 1, 0, 1);
    QTest::newRow("MBAP length 256") << frame(kReadAuto, 1, 0, 256) + QByteArray(256, '\0');
    QTest::newRow("MBAP length 0xFFFF") << frame(kReadAuto, 1, 0, 0xFFFF);
}

void TstVigilSimServer::framesThatAreNotModbusTcpAreClosed()
{
    QFETCH(QByteArray, request);
    RawClient c;
    QVERIFY(c.connectTo(m_port));
    QVERIFY(c.send(request));
    QVERIFY2(c.closedSilently(), "the server answered or kept the connection open");
    // Another client is not affected.
    RawClient other;
    QVERIFY(other.connectTo(m_port));
    QCOMPARE(other.exchange(kReadAuto), kAutoReply);
}

void TstVigilSimServer::halfAFrameDoesNotStallOtherClients()
{
    // Twenty clients each send half a request and stall. A server that waits on each of them in
    // turn (even only for a 0.5 s byte timeout) keeps everyone else waiting for 10 s.
    const QByteArray request = frame(kReadAuto, 7);
    std::vector<std::unique_ptr<RawClient>> stalled;
    for (int i = 0; i < 20; ++i) {
        stalled.push_back(std::make_unique<RawClient>());
        QVERIFY(stalled.back()->connectTo(m_port));
        QVERIFY(stalled.back()->send(request.left(9)));
    }
    RawClient other;
    QVERIFY(other.connectTo(m_port));
    // Each answer normally takes well under a millisecond; 3 s each is a margin busy cores keep.
    for (int i = 0; i < 20; ++i)
        QCOMPARE(other.exchange(kReadAuto), kAutoReply);
    // The stalled clients finish their frames and get their answers.
    for (auto &c : stalled) {
        QVERIFY(c->send(request.mid(9)));
        QCOMPARE(c->reply(), kAutoReply);
    }
}

void TstVigilSimServer::clientThatNeverReadsIsDropped()
{
    RawClient greedy;
    QVERIFY(greedy.connectTo(m_port, 4096));
    // 125-register reads: 12 bytes asked, 257 answered. Sent without reading the answers until
    // the server gives up on this client (it keeps at most 64 KiB it could not send).
    const QByteArray request = frame(bytes({3, 0, 0, 0, 125}));
    QByteArray unsent;
    QDeadlineTimer deadline(20'000);
    for (;;) {
        QVERIFY2(!deadline.hasExpired(), "the server kept the client that never reads");
        while (unsent.size() < 64 * 1024)
            unsent += request;
        const qint64 n = greedy.sendNow(unsent);
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)
            break; // reset by the server
        unsent.remove(0, std::max<qint64>(n, 0));
        RawClient other;
        QVERIFY(other.connectTo(m_port));
        QCOMPARE(other.exchange(kReadAuto), kAutoReply);
    }
    QByteArray err;
    QTRY_VERIFY_WITH_TIMEOUT(
        (err += m_sim.process()->readAllStandardError()).contains("it does not read its replies"),
        3000);
}

bool TstVigilSimServer::answersANewClient(int port)
{
    RawClient c;
    return c.connectTo(port) && c.exchange(kReadAuto) == kAutoReply;
}

void TstVigilSimServer::connectionsBeyondTheLimitAreRefused()
{
    // Past 1024 descriptors, where select() would write out of bounds.
    constexpr int kLimit = 1050;
    constexpr int kClients = 1100;
    rlimit limit{};
    QCOMPARE(::getrlimit(RLIMIT_NOFILE, &limit), 0);
    limit.rlim_cur = limit.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &limit);
    if (limit.rlim_cur < rlim_t(kClients + 100))
        QSKIP("the open-file hard limit is below what 1100 clients need");
    Peer sim;
    int port = 0;
    QVERIFY(startSim(sim, {"--max-connections", QString::number(kLimit)}, &port));
    std::vector<std::unique_ptr<RawClient>> clients;
    for (int i = 0; i < kClients; ++i) {
        clients.push_back(std::make_unique<RawClient>());
        QVERIFY2(clients.back()->connectTo(port), qPrintable(QString::number(i)));
    }
    for (auto &c : clients)
        c->send(frame(kReadAuto));
    int served = 0;
    int refused = 0;
    for (int i = 0; i < kClients; ++i) {
        const QByteArray reply = clients[size_t(i)]->reply();
        if (reply == kAutoReply)
            ++served;
        else if (clients[size_t(i)]->closed())
            ++refused;
        if (i < kLimit)
            QVERIFY2(reply == kAutoReply, qPrintable(QStringLiteral("client %1").arg(i)));
    }
    QCOMPARE(served, kLimit);
    QCOMPARE(refused, kClients - kLimit);
    QVERIFY(sim.process()->state() == QProcess::Running);
    QByteArray err;
    QTRY_VERIFY_WITH_TIMEOUT((err += sim.process()->readAllStandardError())
                                 .contains("refused the connection from 127.0.0.1"),
                             3000);
    // The earliest clients are still served; once some leave, newcomers are served again.
    QCOMPARE(clients.front()->exchange(kReadAuto), kAutoReply);
    clients.resize(kLimit - 10);
    QTRY_VERIFY_WITH_TIMEOUT(answersANewClient(port), 5000);
}

QTEST_GUILESS_MAIN(TstVigilSimServer)
#include "tst_vigilsimserver.moc"
