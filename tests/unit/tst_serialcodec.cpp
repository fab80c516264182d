// The serial driver's text pieces: NMEA sentences and checksums, command templates, and the
// conversion of received text to tag values.

#include "serial/commandtemplate.h"
#include "serial/nmeasentence.h"
#include "serial/serialbytes.h"
#include "serial/serialtagbinding.h"
#include "writerequest.h"

#include <QtTest>

using namespace vigil;

class TstSerialCodec : public QObject
{
    Q_OBJECT
private slots:
    void nmeaSentence();
    void nmeaChecksum_data();
    void nmeaChecksum();
    void templateFormats_data();
    void templateFormats();
    void templateErrors_data();
    void templateErrors();
    void templateTypeChecks();
    void convertText();
    void delimiters();
};

void TstSerialCodec::nmeaSentence()
{
    const auto s = NmeaSentence::parse(
        QStringLiteral("$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47"));
    QVERIFY(s);
    QCOMPARE(s->address(), QStringLiteral("GPGGA"));
    QCOMPARE(s->checksum(), NmeaSentence::Checksum::Valid);
    QCOMPARE(s->field(1), QStringLiteral("123519"));
    QCOMPARE(s->field(9), QStringLiteral("545.4"));
    QCOMPARE(s->field(14), QStringLiteral(""));
    QCOMPARE(s->field(15), std::nullopt);
    QCOMPARE(s->fieldCount(), 14);
    QVERIFY(s->matches(QStringLiteral("GPGGA")));
    QVERIFY(s->matches(QStringLiteral("GGA")));
    QVERIFY(!s->matches(QStringLiteral("GNGGA")));
    QVERIFY(!s->matches(QStringLiteral("RMC")));
    // Proprietary sentences only match by their full address.
    const auto p = NmeaSentence::parse(QStringLiteral("$PGRME,15.0,M,45.0,M,25.0,M"));
    QVERIFY(p);
    QVERIFY(p->matches(QStringLiteral("PGRME")));
    QVERIFY(!p->matches(QStringLiteral("RME")));
    QCOMPARE(p->checksum(), NmeaSentence::Checksum::Missing);
    // Not sentences.
    QVERIFY(!NmeaSentence::parse(QStringLiteral("$hello,world")));
    QVERIFY(!NmeaSentence::parse(QStringLiteral("$,1,2")));
}

void TstSerialCodec::nmeaChecksum_data()
{
    QTest::addColumn<QString>("sentence");
    QTest::addColumn<int>("expected");
    QTest::newRow("valid") << "$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47"
                           << int(NmeaSentence::Checksum::Valid);
    QTest::newRow("lower-case hex")
        << "$WIMWV,214.8,R,12.4,N,A*1b" << int(NmeaSentence::Checksum::Valid);
    QTest::newRow("altered field")
        << "$WIMWV,214.9,R,12.4,N,A*1B" << int(NmeaSentence::Checksum::Bad);
    QTest::newRow("one hex digit")
        << "$WIMWV,214.8,R,12.4,N,A*1" << int(NmeaSentence::Checksum::Bad);
    QTest::newRow("not hex") << "$WIMWV,214.8,R,12.4,N,A*ZZ" << int(NmeaSentence::Checksum::Bad);
    QTest::newRow("missing") << "$WIMWV,214.8,R,12.4,N,A" << int(NmeaSentence::Checksum::Missing);
    QTest::newRow("AIS") << "!AIVDM,1,1,,B,177KQJ5000G?tO`K>RA1wUbN0TKH,0*5C"
                         << int(NmeaSentence::Checksum::Valid);
}

void TstSerialCodec::nmeaChecksum()
{
    QFETCH(QString, sentence);
    QFETCH(int, expected);
    const auto s = NmeaSentence::parse(sentence);
    QVERIFY(s);
    QCOMPARE(int(s->checksum()), expected);
}

void TstSerialCodec::templateFormats_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("type");
    QTest::addColumn<double>("value");
    QTest::addColumn<QByteArray>("expected");
    const int f64 = int(DataType::Float64);
    const int i32 = int(DataType::Int32);
    QTest::newRow(".1f") << "SET {value:.1f}\r\n" << f64 << 42.54 << QByteArray("SET 42.5\r\n");
    QTest::newRow("default float") << "{value}" << f64 << 0.1 << QByteArray("0.1");
    QTest::newRow("default int") << "{value}" << i32 << 42.0 << QByteArray("42");
    QTest::newRow("zero pad") << "W{value:08.2f}" << f64 << -3.5 << QByteArray("W-0003.50");
    QTest::newRow("plus") << "{value:+.0f}" << f64 << 7.0 << QByteArray("+7");
    QTest::newRow("width") << "[{value:6d}]" << i32 << 42.0 << QByteArray("[    42]");
    QTest::newRow("hex") << "{value:04X}" << i32 << 255.0 << QByteArray("00FF");
    QTest::newRow("exp") << "{value:.2e}" << f64 << 1234.5 << QByteArray("1.23e+03");
    QTest::newRow("braces") << "{{{value:d}}}" << i32 << 5.0 << QByteArray("{5}");
    QTest::newRow("twice") << "{value:d}/{value:.1f}" << f64 << 2.0 << QByteArray("2/2.0");
    QTest::newRow("latin-1 byte") << QStringLiteral("\u0002{value:d}\u00b0") << i32 << 1.0
                                  << QByteArray("\x02"
                                                "1\xb0");
    QTest::newRow("bool") << "RELAY {value}" << int(DataType::Bool) << 1.0 << QByteArray("RELAY 1");
}

void TstSerialCodec::templateFormats()
{
    QFETCH(QString, text);
    QFETCH(int, type);
    QFETCH(double, value);
    QFETCH(QByteArray, expected);
    QString error;
    qsizetype offset = -1;
    const auto t = CommandTemplate::parse(text, &error, &offset);
    QVERIFY2(t, qPrintable(error));
    QVERIFY2(t->fits(DataType(type), &error), qPrintable(error));
    RawValue raw;
    raw.number = value;
    const auto bytes = t->format(raw, DataType(type), &error);
    QVERIFY2(bytes, qPrintable(error));
    QCOMPARE(*bytes, expected);
}

void TstSerialCodec::templateErrors_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("fragment");
    QTest::addColumn<int>("offset");
    QTest::newRow("bad spec") << "SET {value:.1q}"
                              << "bad format spec '.1q'" << 11;
    QTest::newRow("precision on int") << "SET {value:.1d}"
                                      << "precision" << 11;
    QTest::newRow("unknown name") << "SET {val}"
                                  << "unknown placeholder '{val}'" << 4;
    QTest::newRow("unclosed") << "SET {value"
                              << "without a closing" << 4;
    QTest::newRow("stray brace") << "SET }"
                                 << "single '}'" << 4;
    QTest::newRow("not a byte") << QStringLiteral("SET {value} \u20ac") << "not a single byte"
                                << 11;
}

void TstSerialCodec::templateErrors()
{
    QFETCH(QString, text);
    QFETCH(QString, fragment);
    QFETCH(int, offset);
    QString error;
    qsizetype at = -1;
    QVERIFY(!CommandTemplate::parse(text, &error, &at));
    QVERIFY2(error.contains(fragment), qPrintable(error));
    QCOMPARE(int(at), offset);
}

void TstSerialCodec::templateTypeChecks()
{
    QString error;
    qsizetype offset = 0;
    const auto text = CommandTemplate::parse(QStringLiteral("NAME {value:s}"), &error, &offset);
    QVERIFY(text);
    QVERIFY(text->fits(DataType::String, &error));
    QVERIFY(!text->fits(DataType::Float32, &error));
    QVERIFY2(error.contains(u"string tags"), qPrintable(error));
    const auto number = CommandTemplate::parse(QStringLiteral("N {value:.2f}"), &error, &offset);
    QVERIFY(!number->fits(DataType::String, &error));
    RawValue negative;
    negative.number = -1;
    const auto hex = CommandTemplate::parse(QStringLiteral("{value:x}"), &error, &offset);
    QVERIFY(!hex->format(negative, DataType::Int32, &error));
    QVERIFY2(error.contains(u"negative"), qPrintable(error));
    // A fixed command (no placeholder) is a bool tag's pushbutton: true sends it.
    const auto fixed = CommandTemplate::parse(QStringLiteral("T\r\n"), &error, &offset);
    QVERIFY2(fixed, qPrintable(error));
    QVERIFY(fixed->fits(DataType::Bool, &error));
    QVERIFY(!fixed->fits(DataType::Float64, &error));
    QVERIFY2(error.contains(u"no {value} placeholder"), qPrintable(error));
    RawValue on;
    on.number = 1;
    QCOMPARE(fixed->format(on, DataType::Bool, &error).value_or("?"), QByteArray("T\r\n"));
    QVERIFY(!fixed->format(RawValue{}, DataType::Bool, &error));
    QVERIFY2(error.contains(u"'T\\r\\n' is a fixed command: write true"), qPrintable(error));
    RawValue euro;
    euro.text = QStringLiteral("5 €");
    QVERIFY(!text->format(euro, DataType::String, &error));
}

void TstSerialCodec::convertText()
{
    TagSample s;
    QString error;
    QVERIFY(SerialTagBinding::convert(QStringLiteral(" +0012.50 "), DataType::Float64, s, &error));
    QCOMPARE(s.value, 12.5);
    QVERIFY(SerialTagBinding::convert(QStringLiteral("-7"), DataType::Int16, s, &error));
    QCOMPARE(s.value, -7.0);
    QVERIFY(!SerialTagBinding::convert(QStringLiteral("12,5"), DataType::Float64, s, &error));
    QVERIFY(!SerialTagBinding::convert(QStringLiteral("nan"), DataType::Float64, s, &error));
    QVERIFY(!SerialTagBinding::convert(QString(), DataType::Float64, s, &error));
    QVERIFY2(error.contains(u"not a number"), qPrintable(error));
    for (const char *yes : {"1", "ON", "true", "Yes", "2"}) {
        QVERIFY(SerialTagBinding::convert(QString::fromLatin1(yes), DataType::Bool, s, &error));
        QCOMPARE(s.value, 1.0);
    }
    for (const char *no : {"0", "off", "FALSE", "no", "0.0"}) {
        QVERIFY(SerialTagBinding::convert(QString::fromLatin1(no), DataType::Bool, s, &error));
        QCOMPARE(s.value, 0.0);
    }
    QVERIFY(!SerialTagBinding::convert(QStringLiteral("maybe"), DataType::Bool, s, &error));
    QVERIFY(SerialTagBinding::convert(QStringLiteral(" READY "), DataType::String, s, &error));
    QCOMPARE(s.text, QStringLiteral(" READY "));
}

void TstSerialCodec::delimiters()
{
    QString error;
    QCOMPARE(SerialBytes::parseDelimiter(QStringLiteral("CRLF"), &error), QByteArray("\r\n"));
    QCOMPARE(SerialBytes::parseDelimiter(QStringLiteral("0x03"), &error), QByteArray("\x03"));
    QCOMPARE(SerialBytes::parseDelimiter(QStringLiteral("\u0002"), &error), QByteArray("\x02"));
    QCOMPARE(SerialBytes::parseDelimiter(QStringLiteral("#"), &error), QByteArray("#"));
    QVERIFY(!SerialBytes::parseDelimiter(QString(), &error));
    QVERIFY(!SerialBytes::parseDelimiter(QStringLiteral("→"), &error));
    QCOMPARE(SerialBytes::printable(QByteArray("A\r\n\x01\xff\\", 6)),
             QStringLiteral("A\\r\\n\\x01\\xff\\\\"));
}

QTEST_GUILESS_MAIN(TstSerialCodec)
#include "tst_serialcodec.moc"
