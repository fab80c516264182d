// Validation of serial devices and tags at load (what `vigil --check-config` reports): each
// mistake is an error at the file:line:column of the offending text, with a message that says
// what is wrong.

#include "builtindrivers.h"
#include "config/plantloader.h"
#include "driverregistry.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;

namespace
{

const QString kHead = QStringLiteral(R"([plant]
name = "serial config test"

[[devices]]
id = "dev"
driver = "serial"
)");

const QString kNumericTag = QStringLiteral(R"(
[[tags]]
id = "T1"
device = "dev"
type = "float64"
unit = "kg"
range = [0, 100]
)");

} // namespace

class TstSerialConfig : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void validPlantLoads();
    void errorsPointAtTheMistake_data();
    void errorsPointAtTheMistake();
    void everyMistakeIsReportedAtOnce();

private:
    PlantLoader::Result load(const QString &text);

    QTemporaryDir m_dir;
    DriverRegistry m_registry;
    int m_files = 0;
};

void TstSerialConfig::initTestCase()
{
    registerBuiltinDrivers(m_registry);
    QVERIFY(m_registry.hasDriver(QStringLiteral("serial")));
}

PlantLoader::Result TstSerialConfig::load(const QString &text)
{
    const QString path = m_dir.filePath(QStringLiteral("plant%1.toml").arg(++m_files));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(text.toUtf8());
    file.close();
    return PlantLoader(m_registry).load(path);
}

void TstSerialConfig::validPlantLoads()
{
    const QString text = kHead + QStringLiteral(R"(port = "/dev/ttyUSB0"
baud = 19200
data_bits = 7
parity = "even"
stop_bits = 1.5
flow_control = "hardware"
framing = "markers"
start_marker = "\u0002"
end_marker = "0x03"
max_frame = 64
frame_timeout = "200ms"
request = "P\r\n"
period = "500ms"
response_timeout = "200ms"
response_frames = 2
retries = 3
reopen_interval = "5s"
)") + kNumericTag + QStringLiteral(R"(address = 'regex:^ST,GS,\s*(?<value>[-+]?[0-9.]+)kg'
writable = true
write_limits = [0, 100]
options = { match = '^ST', write = "T{value:05.1f}\r\n", ack = '^OK', nak = '^ERR', ack_timeout = "300ms" }

[[tags]]
id = "LAT"
device = "dev"
address = "nmea:GGA:2"
type = "float64"
unit = "°"
range = [-90, 90]
options = { coordinate = true, checksum = "optional" }

[[tags]]
id = "MODE"
device = "dev"
address = "write"
type = "string"
writable = true
options = { write = "MODE {value:s}\r\n" }
)");
    const PlantLoader::Result r = load(text);
    QVERIFY2(r.plant, qPrintable(r.diagnostics.toStringList().join(u'\n')));
    QCOMPARE(r.diagnostics.errorCount(), 0);
}

void TstSerialConfig::errorsPointAtTheMistake_data()
{
    QTest::addColumn<QString>("device"); // device keys after id and driver
    QTest::addColumn<QString>("tag");    // the rest of tag T1
    QTest::addColumn<QString>("at");     // text at the reported location (first occurrence)
    QTest::addColumn<QString>("message");

    const QString port = QStringLiteral("port = \"/dev/ttyS0\"\n");
    const QString regexTag = QStringLiteral("address = 'regex:(\\d+)'\n");
    QTest::newRow("missing port") << "baud = 9600\n"
                                  << regexTag << "[[devices]]"
                                  << "missing required key 'port'";
    QTest::newRow("baud out of range") << port + "baud = 10\n"
                                       << regexTag << "10"
                                       << "'baud' must be between 50 and 4000000";
    QTest::newRow("unknown parity") << port + "parity = \"weird\"\n"
                                    << regexTag << "\"weird\""
                                    << "'parity' must be one of none, even, odd, mark, space";
    QTest::newRow("stop bits") << port + "stop_bits = 3\n"
                               << regexTag << "3\n"
                               << "'stop_bits' must be 1, 1.5 or 2";
    QTest::newRow("flow control") << port + "flow_control = \"rts\"\n"
                                  << regexTag << "\"rts\""
                                  << "'flow_control' must be one of none, hardware, software";
    QTest::newRow("data bits") << port + "data_bits = 9\n"
                               << regexTag << "9\n"
                               << "'data_bits' must be between 5 and 8";
    QTest::newRow("same markers")
        << port + "framing = \"markers\"\nstart_marker = \"|\"\nend_marker = \"|\"\n"
        << regexTag << "\"|\"\n\n"
        << "must differ";
    QTest::newRow("markers missing") << port + "framing = \"markers\"\n"
                                     << regexTag << "[[devices]]"
                                     << "missing required key 'start_marker'";
    QTest::newRow("length without fixed") << port + "frame_length = 8\n"
                                          << regexTag << "8\n"
                                          << "'frame_length' applies only with framing = \"fixed\"";
    QTest::newRow("length over max")
        << port + "framing = \"fixed\"\nframe_length = 80\nmax_frame = 64\n"
        << regexTag << "80"
        << "exceeds 'max_frame'";
    QTest::newRow("terminator too long") << port + "terminator = \"123456789\"\n"
                                         << regexTag << "\"123456789\""
                                         << "at most 8 bytes";
    QTest::newRow("period without request") << port + "period = \"1s\"\n"
                                            << regexTag << "\"1s\""
                                            << "applies only in polled mode";
    QTest::newRow("silence when polled") << port + "request = \"P\"\nsilence_timeout = \"5s\"\n"
                                         << regexTag << "\"5s\""
                                         << "applies only in continuous mode";
    QTest::newRow("unknown device key") << port + "bauds = 9600\n"
                                        << regexTag << "bauds"
                                        << "unknown key 'bauds'";

    QTest::newRow("bad regex") << port << "address = 'regex:a)b'\n"
                               << ")b'"
                               << "bad regular expression 'a)b'";
    QTest::newRow("no capture group") << port << "address = 'regex:^ST,GS'\n"
                                      << "^ST,GS"
                                      << "has no capture group";
    QTest::newRow("unknown rule") << port << "address = 'word:3'\n"
                                  << "word:3"
                                  << "unknown serial rule 'word'";
    QTest::newRow("column zero") << port << "address = 'column:0'\n"
                                 << "0'"
                                 << "column number from 1 to 1000";
    QTest::newRow("nmea sentence") << port << "address = 'nmea:gga:2'\n"
                                   << "gga"
                                   << "upper-case sentence id";
    QTest::newRow("nmea field") << port << "address = 'nmea:GPGGA:x'\n"
                                << "x'"
                                << "NMEA field must be a number from 1 to 99";
    // PCRE reports where it noticed the problem: after the unclosed '[' here.
    QTest::newRow("bad match regex") << port << regexTag + "options = { match = '[' }\n"
                                     << "' }"
                                     << "bad match pattern '['";
    QTest::newRow("option of another rule") << port << regexTag + "options = { delimiter = ';' }\n"
                                            << "';'"
                                            << "option 'delimiter' applies to column rules only";
    QTest::newRow("misspelt option")
        << port << "address = 'column:2'\noptions = { delimter = ';' }\n"
        << "delimter"
        << "unknown key 'delimter'";
    QTest::newRow("coordinate on text")
        << port
        << regexTag + "\n[[tags]]\nid = \"S1\"\ndevice = \"dev\"\ntype = \"string\"\n"
                      "address = 'nmea:GGA:2'\noptions = { coordinate = true }\n"
        << "true }"
        << "needs a numeric tag";
    QTest::newRow("writable without template")
        << port << regexTag + "writable = true\nwrite_limits = [0, 1]\n"
        << "\"T1\""
        << "needs a command template";
    QTest::newRow("template without writable")
        << port << regexTag + "options = { write = 'SET {value}' }\n"
        << "'SET {value}'"
        << "option 'write' needs writable = true";
    QTest::newRow("bad format spec")
        << port
        << regexTag +
               "writable = true\nwrite_limits = [0, 1]\noptions = { write = 'SET {value:.1q}' }\n"
        << ".1q}"
        << "bad format spec '.1q'";
    QTest::newRow("text format on number")
        << port
        << regexTag +
               "writable = true\nwrite_limits = [0, 1]\noptions = { write = 'SET {value:s}' }\n"
        << "'SET {value:s}'"
        << "type 's' is for string tags";
    QTest::newRow("ack without write") << port << regexTag + "options = { ack = 'OK' }\n"
                                       << "'OK'"
                                       << "option 'ack' applies to tags with a command template";
    QTest::newRow("bad ack regex") << port
                                   << regexTag + "writable = true\nwrite_limits = [0, 1]\noptions "
                                                 "= { write = 'S{value}', ack = '(' }\n"
                                   << "' }" // just after the unclosed '('
                                   << "bad ack pattern '('";
    QTest::newRow("timeout without ack")
        << port
        << regexTag + "writable = true\nwrite_limits = [0, 1]\noptions = { write = 'S{value}', "
                      "ack_timeout = '1s' }\n"
        << "'1s'"
        << "needs an 'ack' or 'nak' pattern";
    QTest::newRow("fixed command on a number")
        << port
        << regexTag + "writable = true\nwrite_limits = [0, 1]\noptions = { write = 'RESET' }\n"
        << "'RESET'"
        << "has no {value} placeholder (a fixed command";
    QTest::newRow("map on a string tag")
        << port
        << regexTag + "\n[[tags]]\nid = \"S1\"\ndevice = \"dev\"\ntype = \"string\"\n"
                      "address = 'regex:^(ST|US)'\noptions = { map = { ST = 1 } }\n"
        << "{ ST = 1 }"
        << "option 'map' is for numeric and bool tags";
    QTest::newRow("map value not a number")
        << port << regexTag + "options = { map = { ST = 1, US = \"no\" } }\n"
        << "\"no\""
        << "map value for 'US' must be a number or a boolean, got string";
    QTest::newRow("map not a table") << port << regexTag + "options = { map = [\"ST\"] }\n"
                                     << "[\"ST\"]"
                                     << "option 'map' must be a table";
    QTest::newRow("write-only not writable") << port << "address = 'write'\n"
                                             << "write'"
                                             << "needs writable = true";
}

void TstSerialConfig::errorsPointAtTheMistake()
{
    QFETCH(QString, device);
    QFETCH(QString, tag);
    QFETCH(QString, at);
    QFETCH(QString, message);
    const QString text = kHead + device + kNumericTag + tag;
    const PlantLoader::Result r = load(text);
    QVERIFY(!r.plant);

    // The expected location: the first occurrence of `at` from the device table on.
    const qsizetype offset = text.indexOf(at, kHead.indexOf(u"[[devices]]"));
    QVERIFY2(offset >= 0, qPrintable(at));
    const int line = int(text.left(offset).count(u'\n')) + 1;
    const int column = int(offset - text.lastIndexOf(u'\n', offset - 1));
    const QString all = r.diagnostics.toStringList().join(u'\n');
    bool found = false;
    for (const Diagnostic &d : r.diagnostics.items()) {
        if (!d.message.contains(message))
            continue;
        found = true;
        QCOMPARE(d.severity, Diagnostic::Severity::Error);
        QVERIFY2(
            d.location.line == line && d.location.column == column,
            qPrintable(QStringLiteral("expected %1:%2, got: %3").arg(line).arg(column).arg(all)));
    }
    QVERIFY2(found, qPrintable(QStringLiteral("no '%1' in:\n%2").arg(message, all)));
}

void TstSerialConfig::everyMistakeIsReportedAtOnce()
{
    const QString text = kHead +
                         QStringLiteral("port = \"/dev/ttyS0\"\nbaud = 1\nparity = \"x\"\n") +
                         kNumericTag + QStringLiteral("address = 'regex:nogroup'\n");
    const PlantLoader::Result r = load(text);
    QVERIFY(!r.plant);
    QCOMPARE(r.diagnostics.errorCount(), 3);
}

QTEST_GUILESS_MAIN(TstSerialConfig)
#include "tst_serialconfig.moc"
