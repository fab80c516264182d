#include "serial/serialframer.h"

#include <QtTest>

using namespace vigil;

namespace
{

SerialFramer::Settings terminator(const QByteArray &term, int maxFrame = 16)
{
    SerialFramer::Settings s;
    s.mode = SerialFramer::Mode::Terminator;
    s.terminator = term;
    s.trimLineEnds = term == "\r" || term == "\n" || term == "\r\n";
    s.maxFrame = maxFrame;
    return s;
}

SerialFramer::Settings framedBy(const QByteArray &start, const QByteArray &end, int maxFrame = 16)
{
    SerialFramer::Settings s;
    s.mode = SerialFramer::Mode::Markers;
    s.start = start;
    s.end = end;
    s.maxFrame = maxFrame;
    return s;
}

// Feeds the chunks one after the other and returns everything they produced.
SerialFramer::Output feedAll(SerialFramer &framer, const QList<QByteArray> &chunks)
{
    SerialFramer::Output total;
    for (const QByteArray &chunk : chunks) {
        SerialFramer::Output out;
        framer.feed(chunk, out);
        total.frames += out.frames;
        total.overlong += out.overlong;
        total.garbage += out.garbage;
        total.partial += out.partial;
    }
    return total;
}

using Frames = QList<QByteArray>;

} // namespace

class TstSerialFramer : public QObject
{
    Q_OBJECT
private slots:
    void lineTerminatorsTrimAndSkipEmptyLines();
    void terminatorSplitAcrossChunks();
    void customTerminatorKeepsLineEnds();
    void overlongLineIsDroppedUpToItsTerminator();
    void lineOfExactlyMaxFrameIsKept();
    void fixedLength();
    void startAndEndMarkers();
    void markersSplitAcrossChunks();
    void overlongMarkedFrame();
    void discardPendingReportsOnlyRealBytes();
};

void TstSerialFramer::lineTerminatorsTrimAndSkipEmptyLines()
{
    SerialFramer lf(terminator("\n"));
    QCOMPARE(feedAll(lf, {"a=1\r\n\r\n\nb=2\n"}).frames, (Frames{"a=1", "b=2"}));
    SerialFramer cr(terminator("\r"));
    QCOMPARE(feedAll(cr, {"a=1\r\nb=2\r\n"}).frames, (Frames{"a=1", "b=2"}));
    SerialFramer crlf(terminator("\r\n"));
    QCOMPARE(feedAll(crlf, {"a\r\n", "\r\nb\rc\r\n"}).frames, (Frames{"a", "b\rc"}));
}

void TstSerialFramer::terminatorSplitAcrossChunks()
{
    SerialFramer f(terminator("\r\n"));
    const SerialFramer::Output out = feedAll(f, {"ST,GS,1", "2.5kg\r", "\nST", ",GS,3kg\r\n"});
    QCOMPARE(out.frames, (Frames{"ST,GS,12.5kg", "ST,GS,3kg"}));
    QVERIFY(!f.hasPending());
}

void TstSerialFramer::customTerminatorKeepsLineEnds()
{
    SerialFramer f(terminator("\x03"));
    QCOMPARE(feedAll(f, {"\x02W=1\x03\nW=2\x03"}).frames, (Frames{"\x02W=1", "\nW=2"}));
}

void TstSerialFramer::overlongLineIsDroppedUpToItsTerminator()
{
    SerialFramer f(terminator("\r\n", 8));
    const SerialFramer::Output out =
        feedAll(f, {"0123456789", "0123456789", "01234\r", "\nok\r\n"});
    QCOMPARE(out.overlong, 1);
    QCOMPARE(out.frames, (Frames{"ok"}));
    // One chunk holding a whole overlong line and a good one.
    const SerialFramer::Output again = feedAll(f, {"0123456789ABC\r\nfine\r\n"});
    QCOMPARE(again.overlong, 1);
    QCOMPARE(again.frames, (Frames{"fine"}));
}

void TstSerialFramer::lineOfExactlyMaxFrameIsKept()
{
    SerialFramer f(terminator("\r\n", 8));
    const SerialFramer::Output out = feedAll(f, {"12345678\r", "\n123456789\r\n"});
    QCOMPARE(out.frames, (Frames{"12345678"}));
    QCOMPARE(out.overlong, 1);
}

void TstSerialFramer::fixedLength()
{
    SerialFramer::Settings s;
    s.mode = SerialFramer::Mode::FixedLength;
    s.length = 4;
    SerialFramer f(s);
    const SerialFramer::Output out = feedAll(f, {"ab", "cdefgh\r\n", "ij"});
    QCOMPARE(out.frames, (Frames{"abcd", "efgh", "\r\nij"}));
    QVERIFY(!f.hasPending());
    feedAll(f, {"xy"});
    QVERIFY(f.hasPending());
    QVERIFY(f.discardPending());
    QCOMPARE(feedAll(f, {"1234"}).frames, (Frames{"1234"}));
}

void TstSerialFramer::startAndEndMarkers()
{
    SerialFramer f(framedBy("\x02", "\x03"));
    const SerialFramer::Output out = feedAll(f, {"\x02one\x03\r\n\x02two\x03junk\x02thr\x02"
                                                 "four\x03"});
    QCOMPARE(out.frames, (Frames{"one", "two", "four"}));
    QCOMPARE(out.garbage, 1);
    QCOMPARE(out.partial, 1);
}

void TstSerialFramer::markersSplitAcrossChunks()
{
    SerialFramer f(framedBy("<<", ">>"));
    const SerialFramer::Output out = feedAll(f, {"<", "<a>", ">", "<", "<b", ">>"});
    QCOMPARE(out.frames, (Frames{"a", "b"}));
    QCOMPARE(out.garbage, 0);
}

void TstSerialFramer::overlongMarkedFrame()
{
    SerialFramer f(framedBy("$", "\r\n", 10));
    const SerialFramer::Output out = feedAll(f, {"$GPGGA,1234567890", "1234567890\r\n$OK\r\n"});
    QCOMPARE(out.overlong, 1);
    QCOMPARE(out.frames, (Frames{"OK"}));
}

void TstSerialFramer::discardPendingReportsOnlyRealBytes()
{
    SerialFramer cr(terminator("\r"));
    feedAll(cr, {"a\r\n"}); // the LF after CR waits in the buffer: no partial frame
    QVERIFY(!cr.discardPending());
    feedAll(cr, {"half"});
    QVERIFY(cr.discardPending());
    QVERIFY(!cr.hasPending());

    SerialFramer m(framedBy("\x02", "\x03"));
    feedAll(m, {"\x02half"});
    QVERIFY(m.discardPending());
    QCOMPARE(feedAll(m, {"rest\x03\x02whole\x03"}).frames, (Frames{"whole"}));

    SerialFramer over(terminator("\n", 4));
    QCOMPARE(feedAll(over, {"123456"}).overlong, 1);
    QVERIFY(!over.discardPending()); // already counted as overlong
}

QTEST_GUILESS_MAIN(TstSerialFramer)
#include "tst_serialframer.moc"
