// PlantLoader validation of CSV tag lists: every bad row, cell and file is reported as
// "file:line:column: object: what is wrong" (the first 100 one by one, the rest counted by kind),
// and no plant is returned. Fixture conventions: see tests/support/plantfixture.h.

#include "builtindrivers.h"
#include "config/taglistfile.h"
#include "plantfixture.h"

using namespace vigil;
using namespace vigil::testing;

class TstTagListValidation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void tagListErrors_data();
    void tagListErrors();
    void tagListSymlinkLoopIsNamed();
    void thousandsOfBadRowsAreCountedButListedOnlyToTheLimit();

private:
    DriverRegistry m_drivers;
};

void TstTagListValidation::initTestCase()
{
    registerBuiltinDrivers(m_drivers);
    QVERIFY(m_drivers.hasDriver(QStringLiteral("sim")));
}

// --- CSV tag lists --------------------------------------------------------------------------

void TstTagListValidation::tagListErrors_data()
{
    addColumns();
    const QByteArray plant = kHead + kTagList;
    const QString columns = TagListFile::columns().join(QStringLiteral(", "));

    row("row with too few cells", plant,
        {"{c0}: tag list row 2: row has 3 columns, the header has 6"},
        kCsvHeader + kCsvRow + "$TT202,\"sine:period=60s\",float64\n");
    row("row with too many cells", plant,
        {"{c0}: tag list row 1: row has 7 columns, the header has 6"},
        kCsvHeader + "$TT201,\"sine:period=60s,lo=0,hi=100\",float64,degC,0,100,7\n");
    row("unknown column", plant, {"{c0}: unknown column 'colour' (columns: " + columns + ")"},
        "id,address,type,unit,range_lo,range_hi,$colour\n");
    row("column named twice", plant, {"{c0}: column 'id' appears twice"},
        "id,address,type,unit,range_lo,range_hi,$ID\n");
    row("missing tag list file", kHead + "[[tag_lists]]\nfile = $\"missing.csv\"\n",
        {"{p0}: tag_lists: tag list '{dir}/missing.csv' not found"});
    row("tag list file name is empty", kHead + "[[tag_lists]]\nfile = $\"\"\n",
        {"{p0}: tag_lists: tag list '{dir}' is a directory, not a CSV file"});
    row("empty tag list", plant,
        {"{csv}: the tag list is empty: the first row must name the columns (" + columns + ")"},
        "# nothing here yet\n");
    row("unterminated quote", plant, {"{c0}: quoted cell is never closed"},
        kCsvHeader + "TT201,$\"sine:period=60s,float64,degC,0,100\n");
    row("unbalanced quote swallowing the next row", plant,
        {"{c0}: unbalanced quote: the quoted cell that opens here runs to line 3, where its "
         "closing quote is followed by text"},
        kCsvHeader + "TT201,$\"sine:period=60s,float64,degC,0,100\n" + kCsvRow);
    row("deadband larger than the range in a tag list", plant,
        {"{c0}: tag 'TT201': deadband 500 is larger than the whole range [0, 100]: the value "
         "would never update"},
        "id,address,type,unit,range_lo,range_hi,deadband\n"
        "TT201,\"sine:period=60s,lo=0,hi=100\",float64,degC,0,100,$500\n");
    static const QByteArray longCell = QByteArray(4100, 'd');
    row("description over 4 KB in a tag list", plant,
        {"{c0}: tag 'TT201': 'description' is 4100 characters long; text is limited to 4096 "
         "characters"},
        "id,address,type,unit,range_lo,range_hi,description\n"
        "TT201,\"sine:period=60s,lo=0,hi=100\",float64,degC,0,100,$" +
            longCell + "\n");
    row("range_lo is not a number", plant,
        {"{c0}: tag 'TT201': 'range_lo' must be a number, got \"abc\""},
        kCsvHeader + "TT201,\"sine:period=60s,lo=0,hi=100\",float64,degC,$abc,100\n");
    row("range_hi is not a number", plant,
        {"{c0}: tag 'TT201': 'range_hi' must be a number, got \"1O0\""},
        kCsvHeader + "TT201,\"sine:period=60s,lo=0,hi=100\",float64,degC,0,$1O0\n");
    row("range_lo above range_hi", plant,
        {"{c0}: tag 'TT201': 'range' low (100) must be below high (0)"},
        kCsvHeader + "TT201,\"sine:period=60s,lo=0,hi=100\",float64,degC,$100,0\n");
    row("deadband is not a number", plant,
        {"{c0}: tag 'TT201': 'deadband' must be a number, got \"x\""},
        "id,address,type,unit,range_lo,range_hi,deadband\n"
        "TT201,\"sine:period=60s,lo=0,hi=100\",float64,degC,0,100,$x\n");
    row("decimals is not a whole number", plant,
        {"{c0}: tag 'TT201': 'decimals' must be a whole number, got \"2.5\""},
        "id,address,type,unit,range_lo,range_hi,decimals\n"
        "TT201,\"sine:period=60s,lo=0,hi=100\",float64,degC,0,100,$2.5\n");
    row("writable is not a boolean", plant,
        {"{c0}: tag 'TT201': 'writable' must be true or false, got \"maybe\""},
        "id,address,type,unit,range_lo,range_hi,writable\n"
        "TT201,\"sine:period=60s,lo=0,hi=100\",float64,degC,0,100,$maybe\n");
    row("gain is not a number", plant, {"{c0}: tag 'TT201': 'gain' must be a number, got \"ten\""},
        "id,address,type,unit,range_lo,range_hi,gain\n"
        "TT201,\"sine:period=60s,lo=0,hi=100\",float64,degC,0,100,$ten\n");
    row("eu_hi is not a number", plant,
        {"{c0}: tag 'TT201': 'eu_hi' must be a number, got \"full\""},
        "id,address,type,unit,range_lo,range_hi,raw_lo,raw_hi,eu_lo,eu_hi\n"
        "TT201,\"sine:period=60s,lo=0,hi=100\",float64,degC,0,100,0,4095,0,$full\n");
    row("write_lo is not a number", plant,
        {"{c0}: tag 'TT201': 'write_lo' must be a number, got \"min\""},
        "id,address,type,unit,range_lo,range_hi,writable,write_lo,write_hi\n"
        "TT201,\"sine:period=60s,lo=0,hi=100\",float64,degC,0,100,yes,$min,50\n");
    row("address error points into the CSV file", plant,
        {"{c0}: tag 'XV201': data type bool does not fit sim address "
         "'sine:period=60s,lo=0,hi=100' (bool tags use 'square' or 'constant')"},
        "id,address,type\nXV201,$\"sine:period=60s,lo=0,hi=100\",bool\n");
    row("row without an id", plant, {"{c0}: tag list row 1: missing required key 'id'"},
        kCsvHeader + "$,\"sine:period=60s,lo=0,hi=100\",float64,degC,0,100\n");
    row("no device for the rows", kHead + "[[tag_lists]]\nfile = \"tags.csv\"\n",
        {"{c0}: tag 'TT201': missing required key 'device'"}, kCsvHeader + "$" + kCsvRow);
    row("unknown default device",
        kHead + "[[tag_lists]]\nfile = \"tags.csv\"\ndevice = $\"plc9\"\n",
        {"{p0}: tag_lists: unknown device 'plc9' (devices: dev1)"},
        kCsvHeader + kCsvRow + "TT202,\"sine:period=60s,lo=0,hi=100\",float64,degC,0,100\n");
    row("unknown device in a row", plant,
        {"{c0}: tag 'TT201': unknown device 'plc9' (devices: dev1)"},
        "id,device,address,type,unit,range_lo,range_hi\n"
        "TT201,$plc9,\"sine:period=60s,lo=0,hi=100\",float64,degC,0,100\n");
    row("tag list is not a table", "tag_lists = [$\"tags.csv\"]\n\n" + kHead,
        {"{p0}: tag_lists: each tag list must be a table such as { file = \"tags.csv\", device = "
         "\"plc1\" }"});
    row("tag list without file", kHead + "$[[tag_lists]]\ndevice = \"dev1\"\n",
        {"{p0}: tag_lists: missing required key 'file'"});
    row("unknown tag list key", kHead + "[[tag_lists]]\nfile = \"tags.csv\"\n$devices = \"dev1\"\n",
        {"{p0}: tag_lists: unknown key 'devices' (did you mean 'device'?)"}, kCsvHeader);
}

void TstTagListValidation::tagListErrors()
{
    checkErrors(m_drivers);
}

void TstTagListValidation::tagListSymlinkLoopIsNamed()
{
    PlantFixture f;
    QVERIFY(f.isValid());
    const QString plant = f.write(QStringLiteral("plant.toml"), kHead + "[[tag_lists]]\n"
                                                                        "file = $\"tags.csv\"\n"
                                                                        "device = \"dev1\"\n");
    // tags.csv -> other.csv -> tags.csv
    QVERIFY(QFile::link(f.path(QStringLiteral("other.csv")), f.path(QStringLiteral("tags.csv"))));
    QVERIFY(QFile::link(f.path(QStringLiteral("tags.csv")), f.path(QStringLiteral("other.csv"))));

    const PlantLoader::Result result = load(m_drivers, plant);
    QVERIFY(!result.plant);
    QCOMPARE(result.diagnostics.toStringList(),
             QStringList{f.expand("{p0}: tag_lists: tag list '{csv}' is a symbolic link loop "
                                  "({csv} -> {dir}/other.csv -> {csv})")});
}

void TstTagListValidation::thousandsOfBadRowsAreCountedButListedOnlyToTheLimit()
{
    // 10,000 bad rows of two kinds: every one is counted, the first 100 are kept one by one,
    // and the rest are summed up by kind with the first of each as an example.
    PlantFixture f;
    QVERIFY(f.isValid());
    const QString plant = f.write(QStringLiteral("plant.toml"), kHead + kTagList);
    QByteArray csv = kCsvHeader;
    for (int i = 1; i <= 10'000; ++i) {
        if (i % 2)
            csv += "TT" + QByteArray::number(i) + ",\"sine:period=60s\",float64\n";
        else
            csv += "TT" + QByteArray::number(i) +
                   ",\"sine:period=60s,lo=0,hi=100\",float64,degC,"
                   "0,ten\n";
    }
    f.write(QStringLiteral("tags.csv"), csv);

    const PlantLoader::Result result = load(m_drivers, plant);
    const Diagnostics &diag = result.diagnostics;
    QVERIFY(!result.plant);
    QCOMPARE(diag.errorCount(), 10'000);
    QCOMPARE(diag.warningCount(), 0);
    QCOMPARE(diag.items().size(), qsizetype(Diagnostics::kDetailLimit));
    QCOMPARE(diag.omittedCount(), 9'900);
    QCOMPARE(diag.items().first().toString(),
             f.path(QStringLiteral("tags.csv")) +
                 QStringLiteral(":2:1: tag list row 1: row has 3 columns, the header has 6"));
    QCOMPARE(diag.items().last().toString(),
             f.path(QStringLiteral("tags.csv")) +
                 QStringLiteral(":200:1: tag list row 199: row has 3 columns, the header has 6"));

    QCOMPARE(diag.omittedKinds().size(), 2);
    QCOMPARE(diag.omittedKinds()[0].count, 4'900);
    QCOMPARE(diag.omittedKinds()[1].count, 5'000);
    const QStringList lines = diag.toStringList();
    QCOMPARE(lines.size(), 100 + 3);
    QCOMPARE(lines.mid(100),
             QStringList({QStringLiteral("... and 9900 more problem(s) not listed one by one (only "
                                         "the first 100 are), by kind:"),
                          QStringLiteral("  4900 error(s) like ") + f.path("tags.csv") +
                              QStringLiteral(":202:1: tag list row 201: row has 3 columns, the "
                                             "header has 6"),
                          QStringLiteral("  5000 error(s) like ") + f.path("tags.csv") +
                              QStringLiteral(":3:50: tag 'TT2': 'range_hi' must be a number, "
                                             "got \"ten\"")}));
}

QTEST_GUILESS_MAIN(TstTagListValidation)
#include "tst_taglistvalidation.moc"
