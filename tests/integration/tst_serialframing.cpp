// Framing and line faults of the serial driver through a socat pty pair: fixed-length frames,
// start/end markers, a custom terminator byte, and garbage, overlong and partial frames, which are
// counted and never stop the values that follow.

#include "serialrig.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace vigil;

namespace
{

const QString kWeightTag = QStringLiteral(R"(
[[tags]]
id = "W"
device = "dev"
address = 'regex:^W=([-+]?[0-9.]+)$'
type = "float64"
unit = "kg"
range = [0, 1000]
)");

} // namespace

class TstSerialFraming : public QObject
{
    Q_OBJECT
private slots:
    void fixedLengthFrames();
    void startAndEndMarkers();
    void customTerminatorByte();
    void garbageAndOverlongLines();
    void randomNoiseNeverStopsTheDriver();
};

void TstSerialFraming::fixedLengthFrames()
{
    SerialRig rig;
    QString error;
    // Ten-byte records: eight characters and CR LF (trimmed from the frame).
    const QString device =
        QStringLiteral("framing = \"fixed\"\nframe_length = 10\nframe_timeout = \"100ms\"");
    const QString tags = QStringLiteral(R"(
[[tags]]
id = "W"
device = "dev"
address = 'regex:^([-+][0-9.]{7})$'
type = "float64"
unit = "kg"
range = [0, 1000]
)");
    QVERIFY2(rig.start(SerialRig::plant(device, tags), &error), qPrintable(error));
    QTRY_COMPARE(rig.state(), DriverState::Connected);

    rig.instrument().send("+0012.50\r\n+0013.75\r\n");
    QTRY_COMPARE(rig.value(QStringLiteral("W")), 13.75);
    QCOMPARE(rig.sampleCount(QStringLiteral("W")), 2);

    // Half a record, then silence: discarded as partial, and the next record is read in step.
    rig.instrument().send("+001");
    QTRY_COMPARE(rig.stats().errorsByKind.value(QStringLiteral("partial")), quint64(1));
    rig.instrument().send("+0014.00\r\n");
    QTRY_COMPARE(rig.value(QStringLiteral("W")), 14.0);
    QCOMPARE(rig.stats().rejected, quint64(1));
    QCOMPARE(rig.history(QStringLiteral("W")), (QList<double>{12.5, 13.75, 14.0}));
}

void TstSerialFraming::startAndEndMarkers()
{
    SerialRig rig;
    QString error;
    const QString device = QStringLiteral("framing = \"markers\"\nstart_marker = \"\\u0002\"\n"
                                          "end_marker = \"0x03\"\nmax_frame = 16");
    QVERIFY2(rig.start(SerialRig::plant(device, kWeightTag), &error), qPrintable(error));
    QTRY_COMPARE(rig.state(), DriverState::Connected);

    rig.instrument().send("\x02W=12.5\x03\r\n\x02W=13\x03");
    QTRY_COMPARE(rig.value(QStringLiteral("W")), 13.0);
    QCOMPARE(rig.stats().rejected, quint64(0)); // line ends between frames are not garbage

    rig.instrument().send("noise\x02W=14\x03");
    QTRY_COMPARE(rig.value(QStringLiteral("W")), 14.0);
    QCOMPARE(rig.stats().errorsByKind.value(QStringLiteral("garbage")), quint64(1));

    // A frame restarted before its end marker: the cut one is partial.
    rig.instrument().send("\x02W=1\x02W=15\x03");
    QTRY_COMPARE(rig.value(QStringLiteral("W")), 15.0);
    QCOMPARE(rig.stats().errorsByKind.value(QStringLiteral("partial")), quint64(1));

    // Longer than max_frame: discarded up to its end marker, counted once.
    rig.instrument().send("\x02W=" + QByteArray(20, '9'));
    rig.instrument().send(QByteArray(20, '9') + "\x03\x02W=16\x03");
    QTRY_COMPARE(rig.value(QStringLiteral("W")), 16.0);
    QCOMPARE(rig.stats().errorsByKind.value(QStringLiteral("overlong")), quint64(1));
    QCOMPARE(rig.stats().rejected, quint64(3));
    QCOMPARE(rig.sampleCount(QStringLiteral("W")), 5);
}

void TstSerialFraming::customTerminatorByte()
{
    SerialRig rig;
    QString error;
    QVERIFY2(rig.start(SerialRig::plant(QStringLiteral("terminator = \"#\""), kWeightTag), &error),
             qPrintable(error));
    QTRY_COMPARE(rig.state(), DriverState::Connected);
    rig.instrument().send("W=1.5#W=2.5#");
    QTRY_COMPARE(rig.value(QStringLiteral("W")), 2.5);
    QCOMPARE(rig.sampleCount(QStringLiteral("W")), 2);
    // Line ends around a frame are trimmed; other control bytes make it garbage.
    rig.instrument().send("\r\nW=3#W=\x01"
                          "4#");
    QTRY_COMPARE(rig.value(QStringLiteral("W")), 3.0);
    QTRY_COMPARE(rig.stats().errorsByKind.value(QStringLiteral("garbage")), quint64(1));
    QCOMPARE(rig.stats().rejected, quint64(1));
}

void TstSerialFraming::garbageAndOverlongLines()
{
    SerialRig rig;
    QString error;
    const QString device = QStringLiteral("max_frame = 32\nframe_timeout = \"250ms\"");
    QVERIFY2(rig.start(SerialRig::plant(device, kWeightTag), &error), qPrintable(error));
    QTRY_COMPARE(rig.state(), DriverState::Connected);

    rig.instrument().send(QByteArray("\x01\x7f\xff\x00W=9", 7) + "\r\nW=10\r\n");
    QTRY_COMPARE(rig.value(QStringLiteral("W")), 10.0);
    QCOMPARE(rig.stats().errorsByKind.value(QStringLiteral("garbage")), quint64(1));
    QVERIFY2(rig.stats().lastError.contains(u"\\x01"), qPrintable(rig.stats().lastError));

    // An overlong line arriving in pieces is dropped up to its terminator and counted once.
    for (int i = 0; i < 4; ++i)
        rig.instrument().send(QByteArray(30, 'A'));
    rig.instrument().send("AAAA\r\nW=11\r\n");
    QTRY_COMPARE(rig.value(QStringLiteral("W")), 11.0);
    QCOMPARE(rig.stats().errorsByKind.value(QStringLiteral("overlong")), quint64(1));

    // A line cut off by silence is partial; the next line is read whole.
    rig.instrument().send("W=12");
    QTRY_COMPARE(rig.stats().errorsByKind.value(QStringLiteral("partial")), quint64(1));
    rig.instrument().send("W=13\r\n");
    QTRY_COMPARE(rig.value(QStringLiteral("W")), 13.0);
    QCOMPARE(rig.stats().rejected, quint64(3));
    QCOMPARE(rig.state(), DriverState::Connected);
}

void TstSerialFraming::randomNoiseNeverStopsTheDriver()
{
    SerialRig rig;
    QString error;
    const QString device = QStringLiteral("max_frame = 64");
    QVERIFY2(rig.start(SerialRig::plant(device, kWeightTag), &error), qPrintable(error));
    QTRY_COMPARE(rig.state(), DriverState::Connected);

    QRandomGenerator random(42);
    QByteArray noise(16 * 1024, Qt::Uninitialized);
    for (char &c : noise)
        c = char(random.bounded(256));
    rig.instrument().send(noise);
    rig.instrument().send("\nW=21.5\n");
    QTRY_COMPARE(rig.value(QStringLiteral("W")), 21.5);
    QVERIFY(rig.stats().rejected > 0);
    QCOMPARE(rig.state(), DriverState::Connected);
}

QTEST_GUILESS_MAIN(TstSerialFraming)
#include "tst_serialframing.moc"
