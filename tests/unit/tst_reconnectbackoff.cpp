// ReconnectBackoff: reconnect delays double from the minimum to the cap, with jitter, and restart
// from the minimum after a good answer.

#include "reconnectbackoff.h"

#include <QtTest>

using namespace vigil;

class TstReconnectBackoff : public QObject
{
    Q_OBJECT
private slots:
    void doublesUpToTheCapWithJitter();
    void resetStartsOver();
    void jitterSpreadsPanels();
};

void TstReconnectBackoff::doublesUpToTheCapWithJitter()
{
    ReconnectBackoff b(100, 1000, 1);
    const qint64 ceilings[] = {100, 200, 400, 800, 1000, 1000, 1000};
    for (qint64 ceiling : ceilings) {
        const qint64 d = b.next();
        QVERIFY2(
            d <= ceiling && d >= std::max<qint64>(100, ceiling / 2),
            qPrintable(QStringLiteral("%1 not in [%2, %3]").arg(d).arg(ceiling / 2).arg(ceiling)));
    }
    QCOMPARE(b.attempts(), 7);
}

void TstReconnectBackoff::resetStartsOver()
{
    ReconnectBackoff b(50, 10'000, 2);
    for (int i = 0; i < 10; ++i)
        b.next();
    QVERIFY(b.next() > 5000);
    b.reset();
    QCOMPARE(b.next(), 50);
}

void TstReconnectBackoff::jitterSpreadsPanels()
{
    QSet<qint64> delays;
    for (quint64 seed = 0; seed < 20; ++seed) {
        ReconnectBackoff b(1000, 60'000, seed);
        for (int i = 0; i < 4; ++i)
            b.next();
        delays.insert(b.next()); // fifth attempt: somewhere in [8 s, 16 s]
    }
    QVERIFY2(delays.size() > 10, "delays of different panels should differ");
}

QTEST_GUILESS_MAIN(TstReconnectBackoff)
#include "tst_reconnectbackoff.moc"
