// Writes of the serial driver through a socat pty pair: command templates with the value
// formatted, acknowledgement and refusal patterns, the acknowledgement timeout, and write-only
// tags. The result of each write reaches the driver interface (the QFuture).

#include "serialrig.h"

#include <QtTest>

using namespace vigil;

namespace
{

const QString kTags = QStringLiteral(R"(
[[tags]]
id = "SP"
device = "dev"
address = "key:SP"
type = "float64"
unit = "°C"
range = [0, 100]
writable = true
write_limits = [0, 90]
options = { write = "SET {value:.1f}\r\n", ack = '^OK$', nak = '^ERR', ack_timeout = "150ms" }

[[tags]]
id = "MODE"
device = "dev"
address = "write"
type = "string"
writable = true
options = { write = "MODE {value}\r\n" }

[[tags]]
id = "BATCH"
device = "dev"
address = "write"
type = "int32"
unit = "pcs"
range = [0, 99999]
writable = true
write_limits = [0, 99999]
options = { write = "B{value:05d}\r\n", ack = '^B OK' }
)");

WriteResult finish(QFuture<WriteResult> future)
{
    if (!QTest::qWaitFor([&] { return future.isFinished(); }, 5000))
        return WriteResult{0, false, QStringLiteral("the write never completed")};
    return future.result();
}

} // namespace

class TstSerialWrites : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void acknowledgedWrite();
    void refusedWrite();
    void acknowledgementTimeout();
    void dataLinesWhileWaitingForTheAcknowledgement();
    void writeOnlyTags();
    void writesAreSentOneAtATime();

private:
    std::unique_ptr<SerialRig> m_rig;
    QByteArray m_reply; // what the instrument answers to each SET command
    int m_commands = 0;
};

void TstSerialWrites::init()
{
    m_rig = std::make_unique<SerialRig>();
    m_reply = "OK\r\n";
    m_commands = 0;
    m_rig->instrument().setHandler([this](QByteArray &buffer) {
        for (qsizetype end = buffer.indexOf("\r\n"); end >= 0; end = buffer.indexOf("\r\n")) {
            const QByteArray line = buffer.left(end);
            buffer.remove(0, end + 2);
            ++m_commands;
            if (line.startsWith("SET "))
                m_rig->instrument().send(m_reply);
            else if (line.startsWith("B"))
                m_rig->instrument().send("B OK\r\n");
        }
    });
    QString error;
    QVERIFY2(m_rig->start(SerialRig::plant(QString(), kTags), &error), qPrintable(error));
    QTRY_COMPARE(m_rig->state(), DriverState::Connected);
}

void TstSerialWrites::cleanup()
{
    m_rig.reset();
}

void TstSerialWrites::acknowledgedWrite()
{
    const WriteResult r = finish(m_rig->write(QStringLiteral("SP"), 42.54));
    QVERIFY2(r.ok, qPrintable(r.error));
    QCOMPARE(m_rig->instrument().received(), QByteArray("SET 42.5\r\n"));
    const DriverStatistics s = m_rig->stats();
    QCOMPARE(s.writes, quint64(1));
    QCOMPARE(s.writeErrors, quint64(0));
    QCOMPARE(s.messagesOut, quint64(1));
    QVERIFY(s.rttMaxMs > 0.0);
}

void TstSerialWrites::refusedWrite()
{
    m_reply = "ERR 3 out of range\r\n";
    const WriteResult r = finish(m_rig->write(QStringLiteral("SP"), 80));
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(u"ERR 3 out of range"), qPrintable(r.error));
    QCOMPARE(m_rig->stats().writeErrors, quint64(1));
    // Limits are checked before anything is sent.
    const WriteResult limited = finish(m_rig->write(QStringLiteral("SP"), 95));
    QVERIFY(!limited.ok);
    QCOMPARE(m_commands, 1);
}

void TstSerialWrites::acknowledgementTimeout()
{
    m_reply.clear(); // the device takes the command silently, or never got it
    QElapsedTimer timer;
    timer.start();
    const WriteResult r = finish(m_rig->write(QStringLiteral("SP"), 20));
    QVERIFY(!r.ok);
    QVERIFY2(r.error.contains(u"no acknowledgement"), qPrintable(r.error));
    QVERIFY2(timer.elapsed() >= 145, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(m_rig->stats().timeouts, quint64(1));
    QCOMPARE(m_rig->stats().errorsByKind.value(QStringLiteral("ack timeout")), quint64(1));
    QCOMPARE(m_rig->state(), DriverState::Connected); // one unanswered command is no disconnection

    // The next command is not confused by the silence.
    m_reply = "OK\r\n";
    const WriteResult next = finish(m_rig->write(QStringLiteral("SP"), 21));
    QVERIFY2(next.ok, qPrintable(next.error));
}

void TstSerialWrites::dataLinesWhileWaitingForTheAcknowledgement()
{
    // A streaming device reports the new setpoint before it acknowledges.
    m_reply = "SP=33.0\r\nOK\r\n";
    const WriteResult r = finish(m_rig->write(QStringLiteral("SP"), 33));
    QVERIFY2(r.ok, qPrintable(r.error));
    QTRY_COMPARE(m_rig->value(QStringLiteral("SP")), 33.0);
    QCOMPARE(m_rig->quality(QStringLiteral("SP")), Quality::Good);
}

void TstSerialWrites::writeOnlyTags()
{
    // No acknowledgement configured: done once sent; the tag shows the value it was given.
    const WriteResult mode = finish(m_rig->write(QStringLiteral("MODE"), QStringLiteral("AUTO")));
    QVERIFY2(mode.ok, qPrintable(mode.error));
    QTRY_COMPARE(m_rig->text(QStringLiteral("MODE")), QStringLiteral("AUTO"));
    QCOMPARE(m_rig->quality(QStringLiteral("MODE")), Quality::Good);

    const WriteResult batch = finish(m_rig->write(QStringLiteral("BATCH"), 42));
    QVERIFY2(batch.ok, qPrintable(batch.error));
    QTRY_COMPARE(m_rig->value(QStringLiteral("BATCH")), 42.0);
    QTRY_COMPARE(m_rig->instrument().received(), QByteArray("MODE AUTO\r\nB00042\r\n"));
}

void TstSerialWrites::writesAreSentOneAtATime()
{
    // Three commands at once: each waits for the previous acknowledgement.
    QFuture<WriteResult> a = m_rig->write(QStringLiteral("SP"), 10);
    QFuture<WriteResult> b = m_rig->write(QStringLiteral("BATCH"), 7);
    QFuture<WriteResult> c = m_rig->write(QStringLiteral("SP"), 11);
    QVERIFY(finish(a).ok);
    QVERIFY(finish(b).ok);
    QVERIFY(finish(c).ok);
    QCOMPARE(m_rig->instrument().received(), QByteArray("SET 10.0\r\nB00007\r\nSET 11.0\r\n"));
    QCOMPARE(m_rig->stats().writeErrors, quint64(0));
}

QTEST_GUILESS_MAIN(TstSerialWrites)
#include "tst_serialwrites.moc"
