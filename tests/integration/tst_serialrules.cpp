// Every parse rule of the serial driver end to end: the test plays the instrument on a socat pty
// pair and the driver, on its own thread, turns the lines into tag samples.

#include "serialrig.h"

#include <QtTest>

using namespace vigil;

class TstSerialRules : public QObject
{
    Q_OBJECT
private slots:
    void regexWithCaptureGroup();
    void keyValuePairs();
    void delimitedColumns();
    void nmeaFieldsWithChecksum();
    void unmatchedLinesAreOnlyCounted();
    void mappedStatusTexts();
};

void TstSerialRules::regexWithCaptureGroup()
{
    SerialRig rig;
    QString error;
    const QString tags = QStringLiteral(R"(
[[tags]]
id = "WT.GROSS"
device = "dev"
address = 'regex:^ST,GS,\s*([-+]?[0-9.]+)\s*kg$'
type = "float64"
unit = "kg"
range = [0, 1000]

[[tags]]
id = "WT.NET"
device = "dev"
address = 'regex:^(ST|US),NT,\s*(?<value>[-+]?[0-9.]+)\s*kg$'
type = "float64"
unit = "kg"
range = [0, 1000]

[[tags]]
id = "WT.STABLE"
device = "dev"
address = 'regex:^(ST|US),GS'
type = "string"
)");
    QVERIFY2(rig.start(SerialRig::plant(QString(), tags), &error), qPrintable(error));
    QTRY_COMPARE(rig.state(), DriverState::Connected);

    rig.instrument().send("ST,GS,+0012.50kg\r\nUS,NT,  -3.25 kg\r\n");
    QTRY_COMPARE(rig.value(QStringLiteral("WT.GROSS")), 12.5);
    QTRY_COMPARE(rig.value(QStringLiteral("WT.NET")), -3.25); // the named group, not group 1
    QCOMPARE(rig.text(QStringLiteral("WT.STABLE")), QStringLiteral("ST"));
    QCOMPARE(rig.quality(QStringLiteral("WT.GROSS")), Quality::Good);

    // A line split across two writes is one frame.
    rig.instrument().send("ST,GS,  0");
    rig.instrument().send("099.00kg\r\n");
    QTRY_COMPARE(rig.value(QStringLiteral("WT.GROSS")), 99.0);
    QCOMPARE(rig.stats().rejected, quint64(0));
    QCOMPARE(rig.stats().messagesIn, quint64(3));
}

void TstSerialRules::keyValuePairs()
{
    SerialRig rig;
    QString error;
    const QString tags = QStringLiteral(R"(
[[tags]]
id = "TT1"
device = "dev"
address = "key:T"
type = "float32"
unit = "°C"
range = [-40, 120]

[[tags]]
id = "RH1"
device = "dev"
address = "key:RH"
type = "float32"
unit = "%"
range = [0, 100]

[[tags]]
id = "STATE"
device = "dev"
address = "key:STATUS"
type = "string"

[[tags]]
id = "ALM"
device = "dev"
address = "key:ALARM"
type = "bool"

[[tags]]
id = "PT1"
device = "dev"
address = "key:P"
type = "float64"
unit = "hPa"
range = [900, 1100]
options = { separator = " ", assign = ":" }
)");
    QVERIFY2(rig.start(SerialRig::plant(QString(), tags), &error), qPrintable(error));
    QTRY_COMPARE(rig.state(), DriverState::Connected);

    rig.instrument().send("T=21.5,RH=40.25,STATUS=READY,ALARM=ON\nP:1013.2  Q:5\n");
    QTRY_COMPARE(rig.value(QStringLiteral("PT1")), 1013.2);
    QCOMPARE(rig.value(QStringLiteral("TT1")), 21.5);
    QCOMPARE(rig.value(QStringLiteral("RH1")), 40.25);
    QCOMPARE(rig.text(QStringLiteral("STATE")), QStringLiteral("READY"));
    QCOMPARE(rig.value(QStringLiteral("ALM")), 1.0);

    rig.instrument().send("ALARM=off , T = -4.5\n");
    QTRY_COMPARE(rig.value(QStringLiteral("ALM")), 0.0);
    QCOMPARE(rig.value(QStringLiteral("TT1")), -4.5);

    // A value that is not a number turns the tag Bad and is counted; the others are unaffected.
    rig.instrument().send("T=OVER,RH=41\n");
    QTRY_COMPARE(rig.quality(QStringLiteral("TT1")), Quality::Bad);
    QTRY_COMPARE(rig.value(QStringLiteral("RH1")), 41.0);
    QCOMPARE(rig.quality(QStringLiteral("RH1")), Quality::Good);
    QCOMPARE(rig.stats().rejected, quint64(1));
    QCOMPARE(rig.stats().errorsByKind.value(QStringLiteral("parse")), quint64(1));
    QVERIFY2(rig.stats().lastError.contains(u"TT1") && rig.stats().lastError.contains(u"OVER"),
             qPrintable(rig.stats().lastError));
}

void TstSerialRules::delimitedColumns()
{
    SerialRig rig;
    QString error;
    const QString tags = QStringLiteral(R"(
[[tags]]
id = "TT2"
device = "dev"
address = "column:2"
type = "float64"
unit = "°C"
range = [0, 100]
options = { delimiter = ";", match = '^DATA;' }

[[tags]]
id = "PT2"
device = "dev"
address = "column:3"
type = "float64"
unit = "hPa"
range = [900, 1100]
options = { delimiter = ";", match = '^DATA;' }

[[tags]]
id = "FLAG"
device = "dev"
address = "column:4"
type = "string"
options = { delimiter = ";", match = '^DATA;' }

[[tags]]
id = "COUNT"
device = "dev"
address = "column:2"
type = "int32"
unit = "pcs"
range = [0, 1000]
options = { delimiter = " ", match = '^CNT ' }
)");
    QVERIFY2(rig.start(SerialRig::plant(QStringLiteral("terminator = \"cr\""), tags), &error),
             qPrintable(error));
    QTRY_COMPARE(rig.state(), DriverState::Connected);

    rig.instrument().send("DATA;21.5;1013.2;OK\rCNT    17   x\r");
    QTRY_COMPARE(rig.value(QStringLiteral("COUNT")), 17.0);
    QCOMPARE(rig.value(QStringLiteral("TT2")), 21.5);
    QCOMPARE(rig.value(QStringLiteral("PT2")), 1013.2);
    QCOMPARE(rig.text(QStringLiteral("FLAG")), QStringLiteral("OK"));

    // A line of the right kind with a column missing is a parse error for the tags that read it.
    rig.instrument().send("DATA;22.0;1012.8\r");
    QTRY_COMPARE(rig.value(QStringLiteral("TT2")), 22.0);
    QTRY_COMPARE(rig.quality(QStringLiteral("FLAG")), Quality::Bad);
    QCOMPARE(rig.stats().rejected, quint64(1));
    QCOMPARE(rig.stats().errorsByKind.value(QStringLiteral("parse")), quint64(1));
}

void TstSerialRules::nmeaFieldsWithChecksum()
{
    SerialRig rig;
    QString error;
    const QString tags = QStringLiteral(R"(
[[tags]]
id = "GPS.ALT"
device = "dev"
address = "nmea:GPGGA:9"
type = "float64"
unit = "m"
range = [0, 9000]

[[tags]]
id = "GPS.LAT"
device = "dev"
address = "nmea:GGA:2"
type = "float64"
unit = "°"
range = [-90, 90]
options = { coordinate = true }

[[tags]]
id = "GPS.LON"
device = "dev"
address = "nmea:GGA:4"
type = "float64"
unit = "°"
range = [-180, 180]
options = { coordinate = true }

[[tags]]
id = "GPS.SATS"
device = "dev"
address = "nmea:GPGGA:7"
type = "int16"
unit = ""
range = [0, 24]
options = { checksum = "optional" }

[[tags]]
id = "WIND.SPEED"
device = "dev"
address = "nmea:MWV:3"
type = "float64"
unit = "kn"
range = [0, 100]
)");
    QVERIFY2(rig.start(SerialRig::plant(QString(), tags), &error), qPrintable(error));
    QTRY_COMPARE(rig.state(), DriverState::Connected);

    // The textbook GGA sentence (checksum 47) and two talkers of MWV.
    rig.instrument().send("$GPGGA,123519,4807.038,N,01131.000,E,1,08,0.9,545.4,M,46.9,M,,*47\r\n"
                          "$WIMWV,214.8,R,12.4,N,A*1B\r\n");
    QTRY_COMPARE(rig.value(QStringLiteral("WIND.SPEED")), 12.4);
    QCOMPARE(rig.value(QStringLiteral("GPS.ALT")), 545.4);
    QCOMPARE(rig.value(QStringLiteral("GPS.SATS")), 8.0);
    QVERIFY(qAbs(rig.value(QStringLiteral("GPS.LAT")) - (48 + 7.038 / 60)) < 1e-9);
    QVERIFY(qAbs(rig.value(QStringLiteral("GPS.LON")) - (11 + 31.0 / 60)) < 1e-9);
    rig.instrument().send("$IIMWV,090.0,T,7.5,N,A*30\r\n");
    QTRY_COMPARE(rig.value(QStringLiteral("WIND.SPEED")), 7.5);
    QCOMPARE(rig.stats().rejected, quint64(0));

    // One altered character: the checksum no longer matches, the sentence is refused whole.
    rig.instrument().send("$GPGGA,123519,4807.038,N,01131.000,E,1,09,0.9,999.9,M,46.9,M,,*47\r\n");
    QTRY_COMPARE(rig.stats().errorsByKind.value(QStringLiteral("checksum")), quint64(1));
    QCOMPARE(rig.stats().rejected, quint64(1));
    QVERIFY2(rig.stats().lastError.contains(u"checksum"), qPrintable(rig.stats().lastError));
    QCOMPARE(rig.value(QStringLiteral("GPS.ALT")), 545.4);
    QCOMPARE(rig.value(QStringLiteral("GPS.SATS")), 8.0);
    QCOMPARE(rig.quality(QStringLiteral("GPS.ALT")), Quality::Good);

    // No checksum: refused where it is required, read where it is optional.
    rig.instrument().send("$GPGGA,123521,4807.038,N,01131.000,E,1,07,0.9,600.0,M,46.9,M,,\r\n");
    QTRY_COMPARE(rig.value(QStringLiteral("GPS.SATS")), 7.0);
    QCOMPARE(rig.value(QStringLiteral("GPS.ALT")), 545.4);
    QCOMPARE(rig.stats().errorsByKind.value(QStringLiteral("checksum")), quint64(2));

    // No fix: empty fields carry no value, the tags turn Bad.
    rig.instrument().send("$GPGGA,123520,,,,,0,00,,,M,,M,,*61\r\n");
    QTRY_COMPARE(rig.quality(QStringLiteral("GPS.ALT")), Quality::Bad);
    QCOMPARE(rig.quality(QStringLiteral("GPS.LAT")), Quality::Bad);
    QCOMPARE(rig.value(QStringLiteral("GPS.SATS")), 0.0);
    QCOMPARE(rig.quality(QStringLiteral("GPS.SATS")), Quality::Good);
}

void TstSerialRules::unmatchedLinesAreOnlyCounted()
{
    SerialRig rig;
    QString error;
    const QString tags = QStringLiteral(R"(
[[tags]]
id = "TT3"
device = "dev"
address = "key:T"
type = "float64"
unit = "°C"
range = [0, 100]
)");
    QVERIFY2(rig.start(SerialRig::plant(QString(), tags), &error), qPrintable(error));
    QTRY_COMPARE(rig.state(), DriverState::Connected);
    rig.instrument().send("HELLO FROM THE SENSOR v1.2\nT=5\n");
    QTRY_COMPARE(rig.value(QStringLiteral("TT3")), 5.0);
    QCOMPARE(rig.stats().errorsByKind.value(QStringLiteral("unmatched")), quint64(1));
    QCOMPARE(rig.stats().rejected, quint64(0));
    QCOMPARE(rig.state(), DriverState::Connected);
}

void TstSerialRules::mappedStatusTexts()
{
    SerialRig rig;
    QString error;
    const QString tags = QStringLiteral(R"(
[[tags]]
id = "WT.STABLE"
device = "dev"
address = 'regex:^(ST|US|OL),GS,'
type = "bool"
options = { map = { ST = true, US = false } }

[[tags]]
id = "GPS.FIX"
device = "dev"
address = "nmea:RMC:2"
type = "int32"
unit = ""
range = [0, 2]
options = { checksum = "optional", map = { A = 2, V = 1 } }
)");
    QVERIFY2(rig.start(SerialRig::plant(QString(), tags), &error), qPrintable(error));
    QTRY_COMPARE(rig.state(), DriverState::Connected);

    rig.instrument().send("US,GS,+0012.50kg\r\n$GPRMC,123519,A,4807.038,N\r\n");
    QTRY_COMPARE(rig.value(QStringLiteral("GPS.FIX")), 2.0);
    QCOMPARE(rig.quality(QStringLiteral("WT.STABLE")), Quality::Good);
    QCOMPARE(rig.value(QStringLiteral("WT.STABLE")), 0.0);
    rig.instrument().send("ST,GS,+0012.50kg\r\n$GPRMC,123520,V,,\r\n");
    QTRY_COMPARE(rig.value(QStringLiteral("GPS.FIX")), 1.0);
    QCOMPARE(rig.value(QStringLiteral("WT.STABLE")), 1.0);
    QCOMPARE(rig.stats().rejected, quint64(0));

    // A text the map does not know turns the tag Bad and is counted as a parse error.
    rig.instrument().send("OL,GS,+9999999.9kg\r\n");
    QTRY_COMPARE(rig.quality(QStringLiteral("WT.STABLE")), Quality::Bad);
    QCOMPARE(rig.stats().errorsByKind.value(QStringLiteral("parse")), quint64(1));
    QVERIFY2(rig.stats().lastError.contains(u"'OL' is not in the tag's map (ST, US)"),
             qPrintable(rig.stats().lastError));
    QCOMPARE(rig.quality(QStringLiteral("GPS.FIX")), Quality::Good);
}

QTEST_GUILESS_MAIN(TstSerialRules)
#include "tst_serialrules.moc"
