// Duration::parseMs reads the durations of the plant file ("500ms", "5s", "2m") and
// Duration::format writes them back for messages ("500 ms", "5 s", "2 min").

#include "config/duration.h"

#include <QtTest>

using vigil::Duration;

class TstDuration : public QObject
{
    Q_OBJECT

private slots:
    void parsesEveryUnit_data();
    void parsesEveryUnit();
    void rejectsTextThatIsNotADuration_data();
    void rejectsTextThatIsNotADuration();
    void rejectsDurationsTooLongToCount();
    void formatsWithTheLargestWholeUnit_data();
    void formatsWithTheLargestWholeUnit();
    void formattedTextParsesBackToTheSameValue_data();
    void formattedTextParsesBackToTheSameValue();
};

void TstDuration::parsesEveryUnit_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("ms");

    QTest::newRow("milliseconds") << "250ms" << qint64(250);
    QTest::newRow("zero") << "0ms" << qint64(0);
    QTest::newRow("seconds") << "5s" << qint64(5'000);
    QTest::newRow("fractional seconds") << "1.5s" << qint64(1'500);
    QTest::newRow("leading dot") << ".25s" << qint64(250);
    QTest::newRow("minutes as m") << "2m" << qint64(120'000);
    QTest::newRow("minutes as min") << "2min" << qint64(120'000);
    QTest::newRow("hours") << "1h" << qint64(3'600'000);
    QTest::newRow("days") << "7d" << qint64(604'800'000);
    QTest::newRow("fractional hours") << "0.5h" << qint64(1'800'000);
    QTest::newRow("space before the unit") << "5 s" << qint64(5'000);
    QTest::newRow("surrounding spaces") << "  30s  " << qint64(30'000);
    QTest::newRow("fraction of a ms rounds") << "1.6ms" << qint64(2);
    QTest::newRow("large but countable") << "100000d" << qint64(8'640'000'000'000);
}

void TstDuration::parsesEveryUnit()
{
    QFETCH(QString, text);
    QFETCH(qint64, ms);
    const std::optional<qint64> parsed = Duration::parseMs(text);
    QVERIFY2(parsed.has_value(), qPrintable(text));
    QCOMPARE(*parsed, ms);
}

void TstDuration::rejectsTextThatIsNotADuration_data()
{
    QTest::addColumn<QString>("text");

    QTest::newRow("empty") << "";
    QTest::newRow("blank") << "   ";
    QTest::newRow("number without unit") << "500";
    QTest::newRow("unit without number") << "ms";
    QTest::newRow("unknown unit") << "5x";
    QTest::newRow("word unit") << "5 seconds";
    QTest::newRow("negative") << "-5s";
    QTest::newRow("explicit plus sign") << "+5s";
    QTest::newRow("two dots") << "1.2.3s";
    QTest::newRow("only a dot") << ".s";
    QTest::newRow("exponent") << "1e3ms";
    QTest::newRow("two units") << "1h30m";
    QTest::newRow("unit first") << "s5";
    QTest::newRow("text") << "fast";
}

void TstDuration::rejectsTextThatIsNotADuration()
{
    QFETCH(QString, text);
    const std::optional<qint64> parsed = Duration::parseMs(text);
    QVERIFY2(!parsed.has_value(),
             qPrintable(QStringLiteral("'%1' parsed as %2 ms").arg(text).arg(parsed.value_or(-1))));
}

void TstDuration::rejectsDurationsTooLongToCount()
{
    // 10^12 days is about 8.6e19 ms, beyond what a qint64 can hold; it must not wrap around.
    QVERIFY(!Duration::parseMs(u"1000000000000d").has_value());
    QVERIFY(!Duration::parseMs(u"99999999999999999999ms").has_value());
}

void TstDuration::formatsWithTheLargestWholeUnit_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("text");

    QTest::newRow("zero") << qint64(0) << "0 ms";
    QTest::newRow("below a second") << qint64(250) << "250 ms";
    QTest::newRow("not whole seconds") << qint64(1'500) << "1500 ms";
    QTest::newRow("one second") << qint64(1'000) << "1 s";
    QTest::newRow("seconds") << qint64(5'000) << "5 s";
    QTest::newRow("not whole minutes") << qint64(90'000) << "90 s";
    QTest::newRow("one minute") << qint64(60'000) << "1 min";
    QTest::newRow("not whole hours") << qint64(5'400'000) << "90 min";
    QTest::newRow("one hour") << qint64(3'600'000) << "1 h";
    QTest::newRow("a day in hours") << qint64(86'400'000) << "24 h";
}

void TstDuration::formatsWithTheLargestWholeUnit()
{
    QFETCH(qint64, ms);
    QFETCH(QString, text);
    QCOMPARE(Duration::format(ms), text);
}

void TstDuration::formattedTextParsesBackToTheSameValue_data()
{
    QTest::addColumn<qint64>("ms");
    for (qint64 ms : {qint64(1), qint64(999), qint64(1'001), qint64(45'000), qint64(120'000),
                      qint64(3'540'000), qint64(7'200'000), qint64(7 * 86'400'000LL)})
        QTest::addRow("%lld ms", ms) << ms;
}

void TstDuration::formattedTextParsesBackToTheSameValue()
{
    QFETCH(qint64, ms);
    const QString text = Duration::format(ms);
    const std::optional<qint64> parsed = Duration::parseMs(text);
    QVERIFY2(parsed.has_value(), qPrintable(text));
    QCOMPARE(*parsed, ms);
}

QTEST_GUILESS_MAIN(TstDuration)
#include "tst_duration.moc"
