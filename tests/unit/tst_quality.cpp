#include "tags/quality.h"

#include <QtTest>

using namespace vigil;

class TstQuality : public QObject
{
    Q_OBJECT
private slots:
    void classes_data();
    void classes();
    void marksNeverNeedColour_data();
    void marksNeverNeedColour();
};

void TstQuality::classes_data()
{
    QTest::addColumn<Quality>("quality");
    QTest::addColumn<bool>("good");
    QTest::addColumn<bool>("uncertain");
    QTest::addColumn<bool>("bad");
    QTest::addColumn<QString>("name");
    QTest::newRow("good") << Quality::Good << true << false << false << "Good";
    QTest::newRow("uncertain") << Quality::Uncertain << false << true << false << "Uncertain";
    QTest::newRow("stale") << Quality::Stale << false << true << false << "Uncertain/Stale";
    QTest::newRow("bad") << Quality::Bad << false << false << true << "Bad";
    QTest::newRow("not connected")
        << Quality::NotConnected << false << false << true << "Bad/NotConnected";
    QTest::newRow("comm error") << Quality::CommError << false << false << true << "Bad/CommError";
    QTest::newRow("config error") << Quality::ConfigError << false << false << true
                                  << "Bad/ConfigError";
    QTest::newRow("out of service")
        << Quality::OutOfService << false << false << true << "Bad/OutOfService";
    QTest::newRow("waiting") << Quality::WaitingForInitialData << false << false << true
                             << "Bad/WaitingForInitialData";
    QTest::newRow("non-finite") << Quality::NonFinite << false << false << true << "Bad/NonFinite";
}

void TstQuality::classes()
{
    QFETCH(Quality, quality);
    QFETCH(bool, good);
    QFETCH(bool, uncertain);
    QFETCH(bool, bad);
    QFETCH(QString, name);
    QCOMPARE(isGood(quality), good);
    QCOMPARE(isUncertain(quality), uncertain);
    QCOMPARE(isBad(quality), bad);
    QCOMPARE(qualityName(quality), name);
}

void TstQuality::marksNeverNeedColour_data()
{
    QTest::addColumn<Quality>("quality");
    QTest::addColumn<QString>("mark");
    QTest::newRow("good") << Quality::Good << "";
    QTest::newRow("uncertain") << Quality::Uncertain << "?";
    QTest::newRow("stale") << Quality::Stale << "?";
    QTest::newRow("not connected") << Quality::NotConnected << "COMM";
    QTest::newRow("comm error") << Quality::CommError << "COMM";
    QTest::newRow("bad") << Quality::Bad << "BAD";
    QTest::newRow("config error") << Quality::ConfigError << "BAD";
    QTest::newRow("out of service") << Quality::OutOfService << "OOS";
    QTest::newRow("waiting") << Quality::WaitingForInitialData << "WAIT";
    QTest::newRow("non-finite") << Quality::NonFinite << "BAD";
}

void TstQuality::marksNeverNeedColour()
{
    QFETCH(Quality, quality);
    QFETCH(QString, mark);
    QCOMPARE(qualityMark(quality), mark);
}

QTEST_GUILESS_MAIN(TstQuality)
#include "tst_quality.moc"
