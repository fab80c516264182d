// Plant validation of Modbus devices and tags: every misfit is reported with file:line:col by the
// modbus driver factory (what `vigil --check-config` prints), and a valid plant loads.

#include "builtindrivers.h"
#include "config/plantloader.h"
#include "driverregistry.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace vigil;

class TstModbusConfig : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { registerBuiltinDrivers(m_registry); }
    void reportsEveryMisfit_data();
    void reportsEveryMisfit();
    void validPlantLoads();
    void demoPlantIsValid();

private:
    PlantLoader::Result load(const QString &devices, const QString &tags);
    DriverRegistry m_registry;
    QTemporaryDir m_dir;
};

PlantLoader::Result TstModbusConfig::load(const QString &devices, const QString &tags)
{
    const QString path = m_dir.filePath(QStringLiteral("plant.toml"));
    QFile f(path);
    f.open(QIODevice::WriteOnly | QIODevice::Truncate);
    f.write(
        QStringLiteral("tags = [\n%1\n]\n[plant]\nname = \"t\"\n%2\n").arg(tags, devices).toUtf8());
    f.close();
    return PlantLoader(m_registry).load(path);
}

static const char *kTcp = "[[devices]]\nid = \"d\"\ndriver = \"modbus\"\ntransport = \"tcp\"\n"
                          "host = \"10.0.0.5\"\n";

void TstModbusConfig::reportsEveryMisfit_data()
{
    QTest::addColumn<QString>("device");
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("line"); // line of the error (tags start on line 2)
    const QString tcp = QString::fromLatin1(kTcp);
    const QString n = QStringLiteral("unit = \"-\", range = [0, 1]");
    QTest::newRow("float32 on a coil")
        << tcp << "{ id = \"A\", device = \"d\", address = \"co3\", type = \"float32\", " + n + " }"
        << "float32 does not fit coil co3" << 2;
    QTest::newRow("string length 0") << tcp
                                     << "{ id = \"A\", device = \"d\", address = \"hr3\", type = "
                                        "\"string\", options = { length = 0 } }"
                                     << "'length' must be between 1 and 123 (got 0)" << 2;
    QTest::newRow("string without length")
        << tcp << "{ id = \"A\", device = \"d\", address = \"hr3\", type = \"string\" }"
        << "a string tag needs options = { length = N }" << 2;
    QTest::newRow("address past 65535")
        << tcp
        << "{ id = \"A\", device = \"d\", address = \"hr65536\", type = \"uint16\", " + n + " }"
        << "past 65535" << 2;
    QTest::newRow("value runs past 65535")
        << tcp
        << "{ id = \"A\", device = \"d\", address = \"hr65534\", type = \"float64\", " + n + " }"
        << "needs 4 registers from hr65534: past address 65535" << 2;
    QTest::newRow("bit on a coil")
        << tcp << "{ id = \"A\", device = \"d\", address = \"co3.1\", type = \"bool\" }"
        << "a bit index applies to registers" << 2;
    QTest::newRow("bit 16")
        << tcp << "{ id = \"A\", device = \"d\", address = \"hr3.16\", type = \"bool\" }"
        << "bit 16 does not exist" << 2;
    QTest::newRow("bit as int16")
        << tcp << "{ id = \"A\", device = \"d\", address = \"hr3.2\", type = \"int16\", " + n + " }"
        << "a bit inside a register is a bool" << 2;
    QTest::newRow("unknown area")
        << tcp << "{ id = \"A\", device = \"d\", address = \"xr3\", type = \"int16\", " + n + " }"
        << "unknown Modbus area 'xr'" << 2;
    QTest::newRow("not an address")
        << tcp << "{ id = \"A\", device = \"d\", address = \"forty\", type = \"int16\", " + n + " }"
        << "is not a Modbus address" << 2;
    QTest::newRow("modicon zero")
        << tcp
        << "{ id = \"A\", device = \"d\", address = \"400000\", type = \"int16\", " + n + " }"
        << "1-based" << 2;
    QTest::newRow("writable input register")
        << tcp
        << "{ id = \"A\", device = \"d\", address = \"ir3\", type = \"int16\", writable = true, "
           "write_limits = [0, 1], " +
               n + " }"
        << "input register ir3 is read-only" << 2;
    QTest::newRow("writable discrete input")
        << tcp
        << "{ id = \"A\", device = \"d\", address = \"di3\", type = \"bool\", writable = true }"
        << "discrete input di3 is read-only" << 2;
    QTest::newRow("bad order") << tcp
                               << "{ id = \"A\", device = \"d\", address = \"hr3\", type = "
                                  "\"float32\", options = { order = \"ABDC\" }, " +
                                      n + " }"
                               << "'order' must be one of ABCD, CDAB, BADC, DCBA" << 2;
    QTest::newRow("order on a coil") << tcp
                                     << "{ id = \"A\", device = \"d\", address = \"co3\", type = "
                                        "\"bool\", options = { order = \"CDAB\" } }"
                                     << "'order' applies to registers, not to coils" << 2;
    QTest::newRow("length on a number") << tcp
                                        << "{ id = \"A\", device = \"d\", address = \"hr3\", type "
                                           "= \"int32\", options = { length = 2 }, " +
                                               n + " }"
                                        << "'length' applies to string tags only" << 2;
    QTest::newRow("unknown option") << tcp
                                    << "{ id = \"A\", device = \"d\", address = \"hr3\", type = "
                                       "\"int32\", options = { unti = 2 }, " +
                                           n + " }"
                                    << "unknown key 'unti' (did you mean 'unit'?)" << 2;
    QTest::newRow("unit 300") << tcp
                              << "{ id = \"A\", device = \"d\", address = \"hr3\", type = "
                                 "\"int32\", options = { unit = 300 }, " +
                                     n + " }"
                              << "'unit' must be between 0 and 255" << 2;
    const QString ok =
        QStringLiteral("{ id = \"A\", device = \"d\", address = \"hr3\", type = \"int16\", ") + n +
        " }";
    QTest::newRow("missing transport")
        << "[[devices]]\nid = \"d\"\ndriver = \"modbus\"\nhost = \"h\"\n"
        << ok << "missing required key 'transport'" << 6;
    QTest::newRow("serial key on tcp") << tcp + "baud = 9600\n"
                                       << ok << "'baud' applies to transport rtu only" << 11;
    QTest::newRow("rtu without serial")
        << "[[devices]]\nid = \"d\"\ndriver = \"modbus\"\ntransport = \"rtu\"\n"
        << ok << "missing required key 'serial'" << 6;
    QTest::newRow("rtu unit 0") << "[[devices]]\nid = \"d\"\ndriver = \"modbus\"\ntransport = "
                                   "\"rtu\"\nserial = \"/dev/x\"\nunit = 0\n"
                                << ok << "'unit' must be between 1 and 247" << 11;
    QTest::newRow("odd baud") << "[[devices]]\nid = \"d\"\ndriver = \"modbus\"\ntransport = "
                                 "\"rtu\"\nserial = \"/dev/x\"\nbaud = 12345\n"
                              << ok << "baud 12345 is not a standard rate" << 11;
    QTest::newRow("bad parity") << "[[devices]]\nid = \"d\"\ndriver = \"modbus\"\ntransport = "
                                   "\"rtu\"\nserial = \"/dev/x\"\nparity = \"mark\"\n"
                                << ok << "'parity' must be one of none, even, odd" << 11;
    QTest::newRow("timeout without unit") << tcp + "response_timeout = 200\n"
                                          << ok << "'response_timeout' must be a duration" << 11;
    QTest::newRow("gap too large") << tcp + "max_gap = 200\n"
                                   << ok << "'max_gap' must be between 0 and 124" << 11;
    QTest::newRow("max_registers too large")
        << tcp + "max_registers = 126\n"
        << ok << "'max_registers' must be between 1 and 125" << 11;
    QTest::newRow("value larger than max_registers")
        << tcp + "max_registers = 2\n"
        << "{ id = \"A\", device = \"d\", address = \"hr3\", type = \"float64\", " + n + " }"
        << "reads at most 2 at once" << 2;
    QTest::newRow("reconnect order")
        << tcp + "reconnect_min = \"5s\"\nreconnect_max = \"1s\"\n"
        << ok << "'reconnect_max' must not be below 'reconnect_min'" << 12;
    QTest::newRow("unknown device key") << tcp + "hots = \"x\"\n"
                                        << ok << "unknown key 'hots' (did you mean 'host'?)" << 11;
}

void TstModbusConfig::reportsEveryMisfit()
{
    QFETCH(QString, device);
    QFETCH(QString, tag);
    QFETCH(QString, message);
    QFETCH(int, line);
    const PlantLoader::Result r = load(device, tag);
    QVERIFY2(!r.plant, "the plant must be refused");
    const QString all = r.diagnostics.toStringList().join(u'\n');
    QVERIFY2(r.diagnostics.contains(message), qPrintable(all));
    bool located = false;
    for (const Diagnostic &d : r.diagnostics.items())
        located = located || (d.message.contains(message) && d.location.line == line &&
                              d.location.column > 0 && d.location.file.endsWith("plant.toml"));
    QVERIFY2(located, qPrintable(all));
}

void TstModbusConfig::validPlantLoads()
{
    const PlantLoader::Result r = load(
        QStringLiteral("[[devices]]\nid = \"bus\"\ndriver = \"modbus\"\ntransport = \"rtu\"\n"
                       "serial = \"/dev/ttyUSB0\"\nbaud = 9600\nparity = \"none\"\nstop_bits = 2\n"
                       "response_timeout = \"150ms\"\nbyte_timeout = \"20ms\"\nretries = 1\n"
                       "inter_frame_delay = \"5ms\"\nscan = \"250ms\"\nmax_gap = 4\n"
                       "read_unmapped = false\nbyte_order = \"CDAB\"\nsingle_write = false\n"),
        QStringLiteral(
            "{ id = \"A\", device = \"bus\", address = \"hr3\", type = \"float32\", "
            "unit = \"-\", range = [0, 1], options = { unit = 7, order = \"ABCD\" }, "
            "scan = \"100ms\" },\n"
            "{ id = \"B\", device = \"bus\", address = \"000001\", type = \"bool\", "
            "writable = true },\n"
            "{ id = \"C\", device = \"bus\", address = \"holding9.15\", type = \"bool\" },\n"
            "{ id = \"D\", device = \"bus\", address = \"hr20\", type = \"string\", "
            "options = { length = 123 } }"));
    QVERIFY2(r.plant, qPrintable(r.diagnostics.toStringList().join(u'\n')));
    QCOMPARE(r.plant->tags->size(), quint32(4));
}

void TstModbusConfig::demoPlantIsValid()
{
    const PlantLoader::Result r =
        PlantLoader(m_registry).load(QStringLiteral(VIGIL_SOURCE_DIR "/resources/demo/plant.toml"));
    QVERIFY2(r.plant, qPrintable(r.diagnostics.toStringList().join(u'\n')));
    bool hasModbus = false;
    for (const DeviceConfig &d : r.plant->devices)
        hasModbus = hasModbus || d.driver == QStringLiteral("modbus");
    QVERIFY(hasModbus);
}

QTEST_GUILESS_MAIN(TstModbusConfig)
#include "tst_modbusconfig.moc"
